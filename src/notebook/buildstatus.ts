/**
 * Build status of the library as seen by a notebook kernel. The project's kernel launcher
 * (`scripts/tslab-kernel.sh`) recompiles `src/` into `dist/` before tslab starts; when that
 * compilation reports errors it still starts the kernel (tsc emits JavaScript even with type
 * errors) and passes the log in `AOZORA_BUILD_LOG`. This module turns that into a warning in the
 * notebook, where the user looks, instead of only in the server's terminal.
 */

import { readFileSync } from "node:fs";

/**
 * The compiler messages of the last kernel-start build when it failed, else undefined.
 *
 * @param env the environment to read (default `process.env`)
 * @returns the first lines of the build log (at most `maxLines`), or undefined when the build was
 *   clean or the kernel was not started by the project's launcher
 */
export function buildProblems(env: NodeJS.ProcessEnv = process.env, maxLines = 12): string | undefined {
  const file = env.AOZORA_BUILD_LOG;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return undefined;
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`... (${lines.length - maxLines} more lines in ${file})`);
  return shown.join("\n");
}

let warned = false;

/** Print {@link buildProblems} once per kernel on stderr (called when the library is loaded). */
export function warnBuildProblems(): void {
  if (warned) return;
  warned = true;
  const problems = buildProblems();
  if (problems)
    process.stderr.write(
      `aozora: src/ did not compile cleanly when this kernel started; dist/ may not match src/:\n${problems}\n`,
    );
}
