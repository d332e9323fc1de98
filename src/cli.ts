#!/usr/bin/env node
/**
 * The `aozora` command (package.json `bin` → dist/cli.js): a thin entry point over the one
 * command-line front end in `src/cli/main.ts` (verbs in `src/cli/verbs.ts`).
 */
import { main } from "./cli/main";

export { main };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`aozora: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
