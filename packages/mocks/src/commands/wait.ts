import { waitForHealth } from '../core/health-wait.js'
import { vendors } from '../vendors.js'
import { commandLine, fail } from './command-line.js'

const usage = `Usage: contactkit-mocks wait [--timeout <seconds>] [url...]

Waits until GET <url>/__admin/health answers 200 for every URL, then exits 0; exits 1 with the
reason when the time runs out. Without URLs: every simulator on its default port
(${vendors.map((vendor) => `http://127.0.0.1:${vendor.defaultPort}`).join(', ')}).

Options:
  --timeout <seconds>   How long to wait (default 30)
  -h, --help            Show this help
`

/**
 * `contactkit-mocks wait`: for CI scripts that start the simulators in the background and go on
 * once they serve.
 *
 * @example
 * await run() // contactkit-mocks wait --timeout 10 http://127.0.0.1:4010
 */
export async function run(): Promise<void> {
  const parsed = commandLine(
    { options: { timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true },
    usage,
  )
  const rawTimeout = parsed.values.timeout ?? '30'
  const seconds = Number(rawTimeout)
  if (rawTimeout.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    fail(`--timeout must be a number of seconds above 0, such as 30, not "${rawTimeout}".`)
  }
  const urls =
    parsed.positionals.length > 0
      ? parsed.positionals
      : vendors.map((vendor) => `http://127.0.0.1:${vendor.defaultPort}`)
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      fail(`"${url}" is not an http(s) URL; give each simulator's URL, such as http://127.0.0.1:4010.`)
    }
  }
  const result = await waitForHealth(urls, { timeoutMs: seconds * 1000 })
  if (!result.ready) {
    console.error(result.reason)
    process.exit(1)
  }
  console.log(`ready: ${urls.join(' ')}`)
}
