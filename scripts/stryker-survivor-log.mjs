// A Stryker reporter that appends each surviving or uncovered mutant to
// reports/mutation/survivors.ndjson the moment it is tested, so a run of an hour or more can be
// worked on while it goes (the HTML and JSON reports are written only at the end). Results reused
// from the incremental file are reported too, first, so the log holds every unkilled mutant the
// run's report will hold.
// See docs/decisions/mutation-testing.md.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'

const file = 'reports/mutation/survivors.ndjson'
const unkilled = new Set(['Survived', 'NoCoverage'])

class SurvivorLog {
  // Stryker's dependency injection reads this; the reporter needs nothing.
  static inject = []

  constructor() {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, '')
  }

  onMutantTested(result) {
    if (!unkilled.has(result.status)) {
      return
    }
    const { line, column } = result.location.start
    const entry = {
      file: relative(process.cwd(), result.fileName),
      line,
      column,
      status: result.status,
      mutator: result.mutatorName,
      replacement: result.replacement,
      // Static and hybrid survivors are marked: in an --ignore-static run a hybrid was tested only
      // by the tests that ran its code, so it is no result until a run without the option tests it.
      ...(result.static ? { static: true } : {}),
    }
    appendFileSync(file, `${JSON.stringify(entry)}\n`)
  }
}

export const strykerPlugins = [{ kind: 'Reporter', name: 'survivor-log', injectableClass: SurvivorLog }]
