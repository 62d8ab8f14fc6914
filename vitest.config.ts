import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    // Tests drive a virtual clock, so no test depends on wall time; the limit only catches hangs.
    testTimeout: 60_000,
  },
});
