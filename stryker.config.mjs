// Mutation testing: `pnpm mutation` (not part of `pnpm test`). See docs/decisions/mutation-testing.md.
//
// Runs from the repository root because the tests that kill mocks mutants live in a sibling
// package (packages/contract-tests): Stryker copies the root into .stryker-tmp/ and symlinks every
// node_modules, and vitest.mutation.config.ts aliases the @contactkit/mocks and
// @contactkit/clients entry points to their sources so those suites run the mutated code.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-survivor-log.mjs'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'packages/mocks/src/core/**/*.ts',
    '!packages/mocks/src/core/testing/**',
    // Node glue (listen, close, port errors); the CLI test covers it against the build.
    '!packages/mocks/src/core/serve.ts',
    // The dashboard's DOM code runs only in a browser (dashboard.browser.test.ts); its pure
    // functions (format.ts) are mutated and tested.
    '!packages/mocks/src/core/dashboard/browser/**/*.ts',
    'packages/mocks/src/core/dashboard/browser/format.ts',
    'packages/mocks/src/cloudsponge/**/*.ts',
    '!packages/mocks/src/cloudsponge/testing/**',
    'packages/mocks/src/aurinko/**/*.ts',
    '!packages/mocks/src/aurinko/testing/**',
    'packages/mocks/src/omnigage/**/*.ts',
    '!packages/mocks/src/omnigage/**/testing/**',
    'packages/mocks/src/s3/**/*.ts',
    '!packages/mocks/src/s3/testing/**',
    'packages/clients/src/core/**/*.ts',
    'packages/clients/src/cloudsponge/**/*.ts',
    'packages/clients/src/aurinko/**/*.ts',
    'packages/clients/src/omnigage/**/*.ts',
    // The clients' Rails XML decoder, shared with the recording proxy, lives in specs.
    'packages/specs/src/rails-xml.ts',
    '!**/*.test.ts',
  ],
  // Only the sources and tests the run needs; builds are not read (the aliases point at src/, and
  // the suites that spawn the built CLI are left out in vitest.mutation.config.ts).
  ignorePatterns: ['dist', '.turbo', 'coverage', 'reports', 'docs', 'packages/contract-tests/browser-tab'],
  coverageAnalysis: 'perTest',
  // A 2-core machine shared with other work: two test runners at most, and generous timeouts.
  concurrency: 2,
  timeoutMS: 15_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 15,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // survivor-log: each survivor as it is found, in reports/mutation/survivors.ndjson.
  reporters: ['clear-text', 'progress', 'html', 'json', 'survivor-log'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
}
