import { defineConfig } from 'tsup'

export default defineConfig({
  // Each vendor folder's index.ts is an entry (`@contactkit/mocks/<vendor>`): a new vendor needs no change here.
  entry: [
    'src/index.ts',
    'src/node.ts',
    'src/msw.ts',
    'src/cli.ts',
    'src/testing.ts',
    'src/*/index.ts',
    '!src/core/**',
  ],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // `node:sea` exists only with its prefix; tsup would write it as `sea`, which Node looks up as a package.
  removeNodeProtocol: false,
})
