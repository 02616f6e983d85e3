import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // `TZ` is forced to a zone far from UTC+7 so that any leak of the host zone into civil dates fails loudly.
    env: { TZ: 'America/Los_Angeles' },
  },
});
