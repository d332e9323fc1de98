// Vitest global setup: assemble the WebAssembly PMF kernels (scripts/wasm-kernels.cjs) into
// src/sourceapport/wasm/, where src/sourceapport/kernels-wasm.ts looks for them when the tests run
// from the TypeScript sources (dist/ gets them from scripts/build.sh).
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(__filename);
const { build } = require("../../scripts/wasm-kernels.cjs") as { build: (outDir: string) => Promise<string> };

export default async function setup(): Promise<void> {
  await build(join(__dirname, "..", "..", "src", "sourceapport", "wasm"));
}
