// `node scripts/mutation-marks.mjs`: checks that every Stryker mark in the mutated sources does
// what it says (see docs/decisions/mutation-testing.md, "Marks").
//
// A mark is a comment, and Stryker reads it only where Babel attaches it to a node: a
// `// Stryker disable next-line X` written above `} catch {`, or one line too high, silences
// nothing and says nothing about it. This script asks Stryker's own instrumenter for the mutants
// of each marked file and fails when a mark names a mutator with no mutant on its next line, when
// a mutant it names is still live there, or when a mark says `all` (which hides the mutants that
// are not equivalent along with the one that is). It runs in a second or two, without tests.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// The instrumenter is Stryker core's own dependency, not the repository's: resolved from core.
const fromCore = createRequire(fileURLToPath(import.meta.resolve('@stryker-mutator/core')))
const { Instrumenter } = await import(fromCore.resolve('@stryker-mutator/instrumenter'))

const quiet = () => false
const logger = {
  ...Object.fromEntries(['trace', 'debug', 'info'].map((level) => [level, () => {}])),
  ...Object.fromEntries(['warn', 'error', 'fatal'].map((level) => [level, console.error])),
  isTraceEnabled: quiet,
  isDebugEnabled: quiet,
  isInfoEnabled: quiet,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
}

const listed = execFileSync('git', ['grep', '-n', '-E', 'Stryker (disable|restore)', '--', 'packages/*.ts'], {
  cwd: root,
  encoding: 'utf8',
})
const marksByFile = new Map()
for (const hit of listed.trim().split('\n')) {
  const [file, line, ...text] = hit.split(':')
  const found = text.join(':').match(/Stryker (disable|restore)( next-line)? ([\w, ]+)/)
  if (!found) {
    continue
  }
  const mutators = found[3].split(',').map((name) => name.trim())
  const marks = marksByFile.get(file) ?? []
  marks.push({ line: Number(line), kind: found[1], nextLine: Boolean(found[2]), mutators })
  marksByFile.set(file, marks)
}

const problems = []
const instrumenter = new Instrumenter(logger)
let checked = 0
for (const [file, marks] of marksByFile) {
  for (const mark of marks.filter((mark) => mark.mutators.includes('all'))) {
    problems.push(`${file}:${mark.line} says \`all\`: name the one mutator that is equivalent`)
  }
  const content = readFileSync(`${root}/${file}`, 'utf8')
  const { mutants } = await instrumenter.instrument([{ name: `${root}/${file}`, content, mutate: true }], {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  })
  for (const mark of marks.filter((mark) => mark.kind === 'disable' && mark.nextLine)) {
    checked++
    // The instrumenter counts lines from 0; the mark's next line, counted from 1, is mark.line + 1.
    const below = mutants.filter((mutant) => mutant.location.start.line === mark.line)
    for (const mutator of mark.mutators.filter((name) => name !== 'all')) {
      const named = below.filter((mutant) => mutant.mutatorName === mutator)
      if (named.length === 0) {
        problems.push(`${file}:${mark.line} names ${mutator}, which has no mutant on the next line`)
      } else if (named.some((mutant) => mutant.status !== 'Ignored')) {
        problems.push(`${file}:${mark.line} names ${mutator}, but Stryker does not read the mark: its mutant is live`)
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Stryker marks that do not do what they say:\n${problems.map((problem) => `  ${problem}`).join('\n')}`)
  process.exit(1)
}
console.log(`mutation-marks: ${checked} next-line marks checked, each silences what it names and nothing says \`all\``)
