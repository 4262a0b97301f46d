import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Benchmarks that need WXT's aliases (`npm run bench:db`); never part of `npm test`. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/bench/**/*.run.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 600_000,
  },
});
