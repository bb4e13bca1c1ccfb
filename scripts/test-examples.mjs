// Runs the example suites in other languages (examples/python with pytest, examples/java with the
// JUnit console launcher) against contactkit-mocks, the way a team that copies them would: each
// suite starts the executable itself. Needs the mocks package built first (`pnpm test` does that).
//
// The executable: CONTACTKIT_MOCKS_BIN when set; else the standalone build, made (or remade when
// older than the package's build) with `pnpm build:binary` where this checkout has that script;
// else the npm package's CLI run by this Node.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'packages/mocks/dist')
const binary = path.join(dist, 'contactkit-mocks-linux-x64')
const inCi = process.env.CI === 'true' || process.env.CI === '1'

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.error) {
    throw new Error(`Failed to run ${command}: ${result.error.message}`)
  }
  return result.status ?? 1
}

function newestBuildMs() {
  return Math.max(
    ...readdirSync(dist)
      .filter((name) => name.endsWith('.js'))
      .map((name) => statSync(path.join(dist, name)).mtimeMs),
  )
}

function mocksCommand() {
  if (process.env.CONTACTKIT_MOCKS_BIN) {
    return process.env.CONTACTKIT_MOCKS_BIN
  }
  if (!existsSync(path.join(dist, 'cli.js'))) {
    throw new Error('packages/mocks is not built: run `pnpm turbo run build --filter=@contactkit/mocks...` first.')
  }
  const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {}
  if (scripts['build:binary']) {
    if (!existsSync(binary) || statSync(binary).mtimeMs < newestBuildMs()) {
      if (run('pnpm', ['build:binary']) !== 0) {
        throw new Error('`pnpm build:binary` failed; the example suites need the executable it writes.')
      }
    }
    return binary
  }
  console.log('No standalone executable in this checkout: the examples run the npm package CLI with Node.')
  return `${process.execPath} ${path.join(dist, 'cli.js')}`
}

// Debian installs its Python packages for its own interpreter, which a pyenv or venv `python3`
// earlier on PATH would not see.
function python() {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pytest, requests, boto3'], { stdio: 'ignore' })
    if (probe.status === 0) {
      return candidate
    }
  }
  return undefined
}

function java() {
  const launcher = process.env.JUNIT_CONSOLE_JAR ?? '/usr/share/java/junit-platform-console-standalone.jar'
  const javac = spawnSync('javac', ['-version'], { stdio: 'ignore' })
  return existsSync(launcher) && javac.status === 0
}

const missingHint =
  'install them with `apt-get install python3-pytest python3-requests python3-boto3 junit5 default-jdk-headless` ' +
  '(.ci/run does)'
const env = { ...process.env, CONTACTKIT_MOCKS_BIN: mocksCommand(), PYTHONDONTWRITEBYTECODE: '1' }
const results = []

const interpreter = python()
if (interpreter) {
  console.log(`\nPython examples (pytest) against ${env.CONTACTKIT_MOCKS_BIN}`)
  results.push(['python', run(interpreter, ['-m', 'pytest', 'examples/python'], { env })])
} else {
  results.push(['python', undefined])
  console.log(`\nPython examples not run: no python3 with pytest, requests and boto3; ${missingHint}.`)
}

if (java()) {
  console.log(`\nJava examples (JUnit 5) against ${env.CONTACTKIT_MOCKS_BIN}`)
  results.push(['java', run('bash', ['examples/java/run-tests.sh'], { env })])
} else {
  results.push(['java', undefined])
  console.log(`\nJava examples not run: no javac or JUnit console launcher; ${missingHint}.`)
}

const failed = results.filter(([, status]) => status !== 0 && status !== undefined).map(([name]) => name)
const notRun = results.filter(([, status]) => status === undefined).map(([name]) => name)
if (failed.length > 0) {
  console.error(`Example suites failed: ${failed.join(', ')}.`)
  process.exit(1)
}
if (notRun.length > 0 && inCi) {
  console.error(`Example suites could not run in CI: ${notRun.join(', ')}; ${missingHint}.`)
  process.exit(1)
}
