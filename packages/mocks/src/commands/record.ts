import type { SecretReplacer } from '../core/redaction.js'
import { startRecordingProxy } from '../recording/proxy.js'
import { sharedSecretPlaceholders } from '../recording/shared-secrets.js'
import { vendors } from '../vendors.js'
import { commandLine, fail, stopOnSignals } from './command-line.js'

const usage = `Usage: contactkit-mocks record <vendor> --upstream <url> [--port <n>] [--har <file>] [--secrets <file>]

Listens on 127.0.0.1 and forwards every request to the upstream (the real API, or any URL),
answers passed back byte for byte. Each exchange is checked against the vendor's spec (violations
printed, recorded and sent back in an X-Contactkit-Violations header) and appended, secrets
redacted, to a HAR 1.2 file that stays valid after every exchange.

Options:
  --upstream <url>        Where requests go, e.g. https://api.cloudsponge.com (required)
  --port <n>              Port to listen on (default: the vendor's port + 100; 0 picks a free one)
  --har <file>            The recording (default recordings/<vendor>-<timestamp>.har)
  --max-body-bytes <n>    Bytes of each body kept and checked (default 1048576)
  --secrets <file>        Number secrets as every proxy given this file does, e.g. the omnigage and
                          s3 proxies of one upload flow (created when missing, mode 0600; it holds
                          keyed digests, never a secret; keep it out of git)
  -h, --help              Show this help

Vendors: ${vendors.map((vendor) => `${vendor.name} (port ${vendor.defaultPort + 100}, upstream ${vendor.baseUrl})`).join(', ')}
`

/**
 * `contactkit-mocks record <vendor> --upstream <url>`: a recording, validating proxy until a signal
 * stops it.
 *
 * @example
 * await run() // contactkit-mocks record aurinko --upstream https://api.aurinko.io --port 0
 */
export async function run(): Promise<void> {
  const { values, positionals } = commandLine(
    {
      allowPositionals: true,
      options: {
        upstream: { type: 'string' },
        port: { type: 'string' },
        har: { type: 'string' },
        'max-body-bytes': { type: 'string' },
        secrets: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    usage,
  )
  const [vendorName, ...extra] = positionals
  if (vendorName === undefined || extra.length > 0) {
    fail(
      `Name one vendor to record, e.g. contactkit-mocks record cloudsponge --upstream https://api.cloudsponge.com.\n\n${usage}`,
    )
  }
  const vendor = vendors.find((candidate) => candidate.name === vendorName.toLowerCase())
  if (!vendor) {
    fail(`Unknown vendor ${vendorName}; choose from ${vendors.map((candidate) => candidate.name).join(', ')}.`)
  }
  if (values.upstream === undefined) {
    fail(`Give the URL to forward to with --upstream, e.g. --upstream ${vendor.baseUrl}.`)
  }
  const port = values.port === undefined ? vendor.defaultPort + 100 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`)
  }
  const maxBodyBytes = values['max-body-bytes'] === undefined ? undefined : Number(values['max-body-bytes'])
  if (maxBodyBytes !== undefined && (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0)) {
    fail(`--max-body-bytes must be a whole number of bytes, not "${values['max-body-bytes']}".`)
  }
  let secrets: SecretReplacer | undefined
  if (values.secrets !== undefined) {
    try {
      secrets = sharedSecretPlaceholders(values.secrets)
    } catch (error) {
      fail((error as Error).message)
    }
  }

  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
  try {
    proxy = await startRecordingProxy({
      vendor: vendor.name,
      upstream: values.upstream,
      port,
      har: values.har,
      maxBodyBytes,
      ...(secrets ? { secrets } : {}),
      log: (line) => console.error(line),
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'EADDRINUSE') {
      fail(`Port ${port} is taken; pick another with --port (0 picks a free one).`)
    }
    fail((error as Error).message)
  }
  stopOnSignals(async () => {
    await proxy.close()
    console.log(`recorded ${proxy.exchanges} exchange(s) to ${proxy.harPath}`)
  })
  // Printed once the signals are handled: whoever reads the URL may stop the proxy at once.
  console.log(`recording    ${proxy.url}  (${vendor.name}, forwarding to ${values.upstream})`)
  console.log(`har          ${proxy.harPath}`)
  if (values.secrets !== undefined) {
    console.log(`secrets      ${values.secrets}  (numbered as every proxy given this file numbers them)`)
  }
  console.log('Press Ctrl+C to stop; the recording is complete after every exchange.')
}
