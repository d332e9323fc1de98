import { defineConfig } from "vitest/config";

// `npm test`: the self-contained suite (needs nothing outside the project).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/validate/**", "test/browser/**", "node_modules/**"],
    pool: "forks",
    testTimeout: 60000,
  },
});
