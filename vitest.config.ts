import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Fails a test whose payloads the strict fake Slack refused (unless the test meant it).
    setupFiles: ["test/support/install-features.ts", "test/support/strict-slack-fake.ts"],
    // PGlite is memory-hungry and the machines have 2 cores: a few files at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: ".cache/test-results.json" },
  },
});
