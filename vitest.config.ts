import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    // FerretDB (the MongoDB-protocol server in CI) is several times slower than the embedded store
    testTimeout: process.env.MONGODB_URL ? 120_000 : 30_000,
    hookTimeout: process.env.MONGODB_URL ? 180_000 : 60_000,
    // CI reads the counts from a JSON report; people read the default reporter
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    ...(process.env.VITEST_JSON ? { outputFile: { json: process.env.VITEST_JSON } } : {}),
  },
});
