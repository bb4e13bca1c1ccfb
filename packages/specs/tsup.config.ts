import { defineConfig } from 'tsup'

export default defineConfig({
  // Every module in src/ is an entry: each spec's `src/<vendor>.ts` becomes `@contactkit/specs/<vendor>`.
  entry: ['src/*.ts', '!src/*.test.ts', '!src/openapi-document.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
})
