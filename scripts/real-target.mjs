// Proves the contract suites' real-target path: starts `contactkit-mocks` as a separate process,
// points each registered vendor's base URL and credential variables at it, and runs only the real
// target of every vendor that has a contract suite. Vendors come from the registry, not this file.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { vendors } from '../packages/mocks/dist/index.js'

const suites = vendors.filter((vendor) => existsSync(`packages/contract-tests/test/${vendor.name}.contract.test.ts`))
const portFlags = suites.flatMap((vendor) => [`--${vendor.name}-port`, '0'])
const cli = spawn(
  process.execPath,
  ['packages/mocks/dist/cli.js', '--only', suites.map((vendor) => vendor.name).join(','), ...portFlags],
  { stdio: ['ignore', 'pipe', 'inherit'] },
)
let output = ''
const urls = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`contactkit-mocks did not start within 10 s:\n${output}`)), 10_000)
  cli.stdout.on('data', (chunk) => {
    output += chunk
    const found = suites.map((vendor) => new RegExp(`^${vendor.name}\\s+(http://\\S+)`, 'm').exec(output)?.[1])
    if (found.every(Boolean)) {
      clearTimeout(timer)
      resolve(Object.fromEntries(suites.map((vendor, index) => [vendor.name, found[index]])))
    }
  })
  cli.once('exit', (code) => reject(new Error(`contactkit-mocks exited with ${code}:\n${output}`)))
})

const env = { ...process.env, CONTACTKIT_TARGETS: 'real' }
for (const vendor of suites) {
  console.log(`Real-target ${vendor.title} contract suite against contactkit-mocks at ${urls[vendor.name]}`)
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
cli.kill('SIGTERM')
const [cliCode] = await once(cli, 'exit')
if (cliCode !== 0) {
  console.error(`contactkit-mocks did not shut down cleanly on SIGTERM (exit ${cliCode}).`)
  process.exit(1)
}
process.exit(code ?? 1)
