import { defineConfig } from "vitest/config";

// `npm run test:browser`: the notebook environment end to end (Jupyter server security, kernel
// launcher rebuild, Debian's chromium running notebook 00). Needs the Debian packages that
// scripts/ensure-jupyter.sh --server and scripts/ensure-browser.sh install. One file at a time.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180000,
    hookTimeout: 120000,
  },
});
