import { defineConfig } from 'tsup'

export default defineConfig({
  // Each vendor folder's index.ts is an entry (`@contactkit/clients/<vendor>`): a new client needs no change here.
  entry: ['src/index.ts', 'src/testing.ts', 'src/*/index.ts', '!src/core/**', '!src/testing/**'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
})
