import config from "./playwright.config";

// Measurements, not tests: run by scripts/bench-luring.sh, never by the test command.
export default { ...config, testDir: "./bench", testMatch: "**/*.bench.ts", timeout: 15 * 60_000, workers: 1 };
