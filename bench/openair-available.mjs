// Whether Rscript with openair is installed (the benchmarks that time openair side by side skip
// their openair rows without it). One home for the check used by bench/*.mjs.
import { execFileSync } from "node:child_process";

/** True when `Rscript -e 'library(openair)'` succeeds (TZ=UTC, as the timed R runs). */
export function openairAvailable() {
  try {
    execFileSync("Rscript", ["-e", "suppressPackageStartupMessages(library(openair))"], {
      stdio: "ignore",
      env: { ...process.env, TZ: "UTC" },
    });
    return true;
  } catch {
    return false;
  }
}
