// Proves the contract suites' real-target path: starts `contactkit-mocks` as a separate process,
// points each registered vendor's base URL and credential variables at it, and runs only the real
// target of every vendor that has a contract suite. Vendors come from the registry, not this file.
//
//   node scripts/real-target.mjs                 the npm package's CLI (packages/mocks/dist/cli.js)
//   node scripts/real-target.mjs --bin <file>    an executable, such as the standalone one, copied
//                                                into an empty folder and started there
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { vendors } from '../packages/mocks/dist/index.js'

const { values } = parseArgs({ options: { bin: { type: 'string' } } })
const suites = vendors.filter((vendor) => existsSync(`packages/contract-tests/test/${vendor.name}.contract.test.ts`))
const folder = mkdtempSync(join(tmpdir(), 'contactkit-real-target-'))
const readyFile = join(folder, 'ready.json')
// However the run ends: no simulator left running, and no folder holding a 100 MB copy of the executable.
let cli
process.on('exit', () => {
  cli?.kill('SIGKILL')
  rmSync(folder, { recursive: true, force: true })
})
const args = [
  '--only',
  suites.map((vendor) => vendor.name).join(','),
  ...suites.flatMap((vendor) => [`--${vendor.name}-port`, '0']),
  '--index-port',
  '0',
  '--ready-file',
  readyFile,
]
let command = process.execPath
let cwd = process.cwd()
if (values.bin !== undefined) {
  if (!existsSync(values.bin)) {
    console.error(`There is no executable at ${values.bin}; build it with pnpm build:binary.`)
    process.exit(1)
  }
  // Alone in an empty folder: nothing beside it to load, no node_modules up the tree.
  command = join(folder, basename(values.bin))
  copyFileSync(resolve(values.bin), command)
  cwd = folder
} else {
  args.unshift(resolve('packages/mocks/dist/cli.js'))
}
const label = values.bin === undefined ? 'contactkit-mocks' : basename(values.bin)
cli = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
let output = ''
cli.stdout.on('data', (chunk) => {
  output += chunk
})
const urls = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`${label} did not start within 20 s:\n${output}`)), 20_000)
  const poll = setInterval(() => {
    if (existsSync(readyFile)) {
      clearInterval(poll)
      clearTimeout(timer)
      resolve(JSON.parse(readFileSync(readyFile, 'utf8')))
    }
  }, 50)
  cli.once('exit', (code) => {
    clearInterval(poll)
    reject(new Error(`${label} exited with ${code}:\n${output}`))
  })
})

const env = { ...process.env, CONTACTKIT_TARGETS: 'real' }
for (const vendor of suites) {
  console.log(`Real-target ${vendor.title} contract suite against ${label} at ${urls[vendor.name]}`)
  env[vendor.baseUrlEnv] = urls[vendor.name]
  for (const credential of vendor.credentials) {
    if (credential.env) {
      env[credential.env] = credential.value
    }
  }
}

const tests = spawn(
  'pnpm',
  [
    '--filter',
    '@contactkit/contract-tests',
    'exec',
    'vitest',
    'run',
    ...suites.map((vendor) => `test/${vendor.name}.contract.test.ts`),
  ],
  { stdio: 'inherit', env },
)
const [code] = await once(tests, 'exit')
cli.removeAllListeners('exit')
cli.kill('SIGTERM')
const [cliCode] = await once(cli, 'exit')
if (cliCode !== 0) {
  console.error(`${label} did not shut down cleanly on SIGTERM (exit ${cliCode}).`)
  process.exit(1)
}
process.exit(code ?? 1)
