// `pnpm mutation`: runs Stryker with stryker.config.mjs (see docs/decisions/mutation-testing.md).
//
// Stryker 10 declares Node >= 22 and its CLI module refuses to load on Node 20, which this
// repository supports and this machine runs. Nothing else in Stryker needs Node 22, so this calls
// the same `Stryker` class the CLI calls, loaded from its own module (resolving the package entry
// does not execute it, so the CLI's version check never runs).
//
// Options: --force (ignore the incremental file and test every mutant again),
// --mutate <glob[,glob]> (narrow the run, e.g. to one file), --dry-run (only the initial test run),
// --log-level <level>.
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  // pnpm 10 passes on the `--` of `pnpm mutation -- --mutate …`.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    force: { type: 'boolean', default: false },
    mutate: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    'log-level': { type: 'string' },
  },
})

const cliOptions = {
  ...(values.force ? { force: true } : {}),
  ...(values.mutate ? { mutate: values.mutate.flatMap((pattern) => pattern.split(',')) } : {}),
  ...(values['dry-run'] ? { dryRunOnly: true } : {}),
  ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
}

const entry = import.meta.resolve('@stryker-mutator/core')
const { Stryker } = await import(new URL('stryker.js', entry).href)
await new Stryker(cliOptions).runMutationTest()
