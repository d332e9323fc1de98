import { defineConfig } from "vitest/config";

// `npm test`: the self-contained suite (needs nothing outside the project).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/validate/**", "test/browser/**", "node_modules/**"],
    pool: "forks",
    globalSetup: ["test/setup/wasm-kernels.ts"],
    testTimeout: 60000,
  },
});
