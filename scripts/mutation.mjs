// `pnpm mutation`: runs Stryker with stryker.config.mjs (see docs/decisions/mutation-testing.md).
//
// Stryker 10 declares Node >= 22 and its CLI module refuses to load on Node 20, which this
// repository supports and this machine runs. Nothing else in Stryker needs Node 22, so this calls
// the same `Stryker` class the CLI calls, loaded from its own module (resolving the package entry
// does not execute it, so the CLI's version check never runs).
//
// Options: --force (ignore the incremental file and test every mutant again),
// --retest-survivors (test again every mutant the incremental file does not have as killed),
// --mutate <glob[,glob]> (narrow the run, e.g. to one file, or to lines with `file.ts:10-12`),
// --concurrency <n> (test runners; the config's two, one on a machine shared with other work),
// --incremental-file <path> (Stryker rewrites the file with only the run's own files, so a narrow
// run given its own file leaves the results of the others where they were),
// --ignore-static (leave module-level mutants untested, reported as Ignored: each of them reruns
// every test, so on this machine they take most of a run's time; a later run without the option
// tests them, since Stryker never reuses an Ignored result; a "hybrid" mutant, run at load and
// in tests, is tested with the option but only by the tests that ran it, so its survival is no
// result: retest such survivors without the option),
// --timeout-ms <n> (the time a mutant's tests get beyond twice their own, the config's 15 s:
// more where a test runner restarted after a timeout pays its cold start inside the next limit),
// --dry-run (only the initial test run), --log-level <level>.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import config from '../stryker.config.mjs'

const { values } = parseArgs({
  // pnpm 10 passes on the `--` of `pnpm mutation -- --mutate …`.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    force: { type: 'boolean', default: false },
    'retest-survivors': { type: 'boolean', default: false },
    mutate: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    'ignore-static': { type: 'boolean', default: false },
    'log-level': { type: 'string' },
    concurrency: { type: 'string' },
    'timeout-ms': { type: 'string' },
    'incremental-file': { type: 'string' },
  },
})

const cliOptions = {
  ...(values.force ? { force: true } : {}),
  ...(values.mutate ? { mutate: values.mutate.flatMap((pattern) => pattern.split(',')) } : {}),
  ...(values['dry-run'] ? { dryRunOnly: true } : {}),
  ...(values['ignore-static'] ? { ignoreStatic: true } : {}),
  ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  ...(values['timeout-ms'] ? { timeoutMS: Number(values['timeout-ms']) } : {}),
  ...(values['incremental-file'] ? { incrementalFile: values['incremental-file'] } : {}),
}

// Stryker reuses a survivor's result while no test that covers it changed. It cannot tell which
// tests cover a module-level constant (a "static" mutant), so a survivor there stays one after the
// test that kills it is written. Dropping every result but the killed ones makes the next run test
// those mutants again; killed results are still reused while their killing test stands.
const incrementalFile = cliOptions.incrementalFile ?? config.incrementalFile
if (values['retest-survivors'] && existsSync(incrementalFile)) {
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8'))
  const detected = new Set(['Killed', 'Timeout', 'Ignored'])
  let dropped = 0
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter((mutant) => detected.has(mutant.status))
    dropped += file.mutants.length - kept.length
    file.mutants = kept
  }
  writeFileSync(incrementalFile, JSON.stringify(report))
  console.log(`retest-survivors: ${dropped} mutant results dropped from ${incrementalFile}`)
}

const entry = import.meta.resolve('@stryker-mutator/core')
const { Stryker } = await import(new URL('stryker.js', entry).href)
await new Stryker(cliOptions).runMutationTest()
