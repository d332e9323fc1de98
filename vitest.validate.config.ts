import { defineConfig } from "vitest/config";

// `npm run validate`: tests against the reference files in ../shared (or $AOZORA_SHARED).
export default defineConfig({
  test: {
    include: ["test/validate/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["test/setup/wasm-kernels.ts"],
    testTimeout: 120000,
  },
});
