// The vitest config Stryker runs (`pnpm mutation`, see stryker.config.mjs and
// docs/decisions/mutation-testing.md). Not used by `pnpm test`.
//
// The contract tests import the *built* packages (`@contactkit/mocks/cloudsponge` → dist/). A
// mutant lives in the TypeScript sources, so here every `@contactkit/mocks` and
// `@contactkit/clients` entry point is aliased to its source file and vitest transpiles it: a
// mutant in mocks/src/cloudsponge is then seen by the simulator and contract suites that
// exercise it. Of `@contactkit/specs` only the Rails XML decoder is mutated (the clients and the
// recording proxy decode with it), so that entry point alone is aliased; the rest resolves to its build.
//
// Plain object on purpose: the repository root has no `vitest` dependency to import
// `defineConfig` from (Stryker's vitest runner brings its own vitest to load this file).

const source = (path: string): string => new URL(path, import.meta.url).pathname

export default {
  resolve: {
    alias: [
      { find: /^@contactkit\/mocks$/, replacement: source('./packages/mocks/src/index.ts') },
      { find: /^@contactkit\/mocks\/cloudsponge$/, replacement: source('./packages/mocks/src/cloudsponge/index.ts') },
      { find: /^@contactkit\/mocks\/aurinko$/, replacement: source('./packages/mocks/src/aurinko/index.ts') },
      { find: /^@contactkit\/mocks\/omnigage$/, replacement: source('./packages/mocks/src/omnigage/index.ts') },
      { find: /^@contactkit\/mocks\/s3$/, replacement: source('./packages/mocks/src/s3/index.ts') },
      { find: /^@contactkit\/mocks\/node$/, replacement: source('./packages/mocks/src/node.ts') },
      { find: /^@contactkit\/mocks\/msw$/, replacement: source('./packages/mocks/src/msw.ts') },
      { find: /^@contactkit\/specs\/rails-xml$/, replacement: source('./packages/specs/src/rails-xml.ts') },
      { find: /^@contactkit\/clients$/, replacement: source('./packages/clients/src/index.ts') },
      {
        find: /^@contactkit\/clients\/cloudsponge$/,
        replacement: source('./packages/clients/src/cloudsponge/index.ts'),
      },
      { find: /^@contactkit\/clients\/aurinko$/, replacement: source('./packages/clients/src/aurinko/index.ts') },
      { find: /^@contactkit\/clients\/omnigage$/, replacement: source('./packages/clients/src/omnigage/index.ts') },
    ],
  },
  test: {
    // Modules the simulators load on first use, loaded before any test (see the file).
    setupFiles: [source('./scripts/mutation-eager-imports.ts')],
    include: [
      'packages/mocks/src/**/*.test.ts',
      'packages/clients/src/**/*.test.ts',
      'packages/specs/src/rails-xml.test.ts',
      'packages/contract-tests/test/cloudsponge.contract.test.ts',
      'packages/contract-tests/test/cloudsponge.msw.test.ts',
      'packages/contract-tests/test/aurinko.contract.test.ts',
      'packages/contract-tests/test/omnigage.{contract,msw}.test.ts',
      'packages/contract-tests/test/s3.contract.test.ts',
      'packages/contract-tests/test/*.mutation-gaps.test.ts',
    ],
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      // Browser tabs, the packed tarballs and fuzzing are slow and test other things.
      '**/*.browser.test.ts',
      'packages/contract-tests/test/packaging.test.ts',
      'packages/contract-tests/test/fuzz.test.ts',
      // Spawn the built CLI (dist/cli.js), which never sees a mutant; Stryker's sandbox has no dist/,
      // so there they fail the initial run.
      'packages/mocks/src/cli.test.ts',
      'packages/mocks/src/binary.test.ts',
      'packages/mocks/src/commands/record.test.ts',
      'packages/mocks/src/commands/record-secrets.test.ts',
      'packages/mocks/src/commands/compare.test.ts',
      'packages/mocks/src/fidelity-loop.test.ts',
    ],
    // The contract suites start a real HTTP server per target; a loaded 2-core machine is slow.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Bundles the dashboard's page script into packages/mocks/src/generated/ (not committed).
    globalSetup: [source('./packages/mocks/scripts/generate.mjs')],
    // Only the simulator target: a real API must never see a mutant's requests.
    env: { CONTACTKIT_TARGETS: 'simulator' },
  },
}
