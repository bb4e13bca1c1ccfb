import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/cloudsponge/index.ts', 'src/aurinko/index.ts', 'src/omnigage/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
})
