import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The shared reference folder: $AOZORA_SHARED, else ../shared beside the project. */
export const SHARED = resolve(process.env.AOZORA_SHARED ?? join(__dirname, "..", "..", "..", "shared"));

export function sharedPath(...parts: string[]): string {
  const p = join(SHARED, ...parts);
  if (!existsSync(p)) throw new Error(`reference file ${p} is missing (set AOZORA_SHARED to the shared folder)`);
  return p;
}
