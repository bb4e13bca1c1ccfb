// Proves the contract suite's real-target path: starts `contactkit-mocks` as a separate process,
// points CLOUDSPONGE_BASE_URL and the documented credentials at it, and runs only the real target.
import { spawn } from 'node:child_process'
import { once } from 'node:events'

const cli = spawn(
  process.execPath,
  ['packages/mocks/dist/cli.js', '--only', 'cloudsponge', '--cloudsponge-port', '0'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
let output = ''
const baseUrl = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`contactkit-mocks did not start within 10 s:\n${output}`)), 10_000)
  cli.stdout.on('data', (chunk) => {
    output += chunk
    const match = /^cloudsponge\s+(http:\/\/\S+)/m.exec(output)
    if (match) {
      clearTimeout(timer)
      resolve(match[1])
    }
  })
  cli.once('exit', (code) => reject(new Error(`contactkit-mocks exited with ${code}:\n${output}`)))
})
console.log(`Real-target contract suite against contactkit-mocks at ${baseUrl}`)

const tests = spawn(
  'pnpm',
  ['--filter', '@contactkit/contract-tests', 'exec', 'vitest', 'run', 'test/cloudsponge.contract.test.ts'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      CONTACTKIT_TARGETS: 'real',
      CLOUDSPONGE_BASE_URL: baseUrl,
      CLOUDSPONGE_DOMAIN_KEY: '33664218758c5244136965160db455db012b1411',
      CLOUDSPONGE_DOMAIN_PASSWORD: 'Tpa01z+vVPE7MxXi',
    },
  },
)
const [code] = await once(tests, 'exit')
cli.kill('SIGTERM')
const [cliCode] = await once(cli, 'exit')
if (cliCode !== 0) {
  console.error(`contactkit-mocks did not shut down cleanly on SIGTERM (exit ${cliCode}).`)
  process.exit(1)
}
process.exit(code ?? 1)
