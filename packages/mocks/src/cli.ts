#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { manualClock, systemClock } from './core/clock.js'
import { type RunningServer, serve } from './core/serve.js'
import { simulatorEntries } from './simulators.js'

const usage = `Usage: contactkit-mocks [options]

Starts every contactkit simulator on its own port.

Options:
  --host <host>              Interface to listen on (env CONTACTKIT_HOST, default 127.0.0.1)
  --<vendor>-port <port>     Port of one simulator, e.g. --cloudsponge-port 4010
                             (env CONTACTKIT_<VENDOR>_PORT, e.g. CONTACTKIT_CLOUDSPONGE_PORT)
  --only <vendor,...>        Start only these simulators
  --clock <system|manual>    Time source (env CONTACTKIT_CLOCK, default system); move a manual
                             clock with POST /__admin/clock
  -h, --help                 Show this help
`

const portOptions = Object.fromEntries(
  simulatorEntries.map((entry) => [`${entry.name}-port`, { type: 'string' as const }]),
)

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    options: {
      host: { type: 'string' },
      only: { type: 'string' },
      clock: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...portOptions,
    },
  })
}
try {
  args = parse()
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`)
  process.exit(2)
}
if (args.values.help) {
  console.log(usage)
  process.exit(0)
}

const host = (args.values.host as string | undefined) ?? process.env.CONTACTKIT_HOST ?? '127.0.0.1'
const clockMode = (args.values.clock as string | undefined) ?? process.env.CONTACTKIT_CLOCK ?? 'system'
if (clockMode !== 'system' && clockMode !== 'manual') {
  console.error(`--clock must be "system" or "manual", not "${clockMode}".`)
  process.exit(2)
}
const only = (args.values.only as string | undefined)?.split(',').map((name) => name.trim().toLowerCase())
const unknown = only?.filter((name) => !simulatorEntries.some((entry) => entry.name === name)) ?? []
if (unknown.length > 0) {
  console.error(
    `Unknown simulator ${unknown.join(', ')}; choose from ${simulatorEntries.map((e) => e.name).join(', ')}.`,
  )
  process.exit(2)
}

const servers: RunningServer[] = []
for (const entry of simulatorEntries.filter((candidate) => !only || only.includes(candidate.name))) {
  const raw =
    (args.values as Record<string, unknown>)[`${entry.name}-port`] ??
    process.env[`CONTACTKIT_${entry.name.toUpperCase()}_PORT`]
  const port = raw === undefined ? entry.defaultPort : Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The ${entry.name} port must be a whole number from 0 to 65535, not "${String(raw)}".`)
    process.exit(2)
  }
  const simulator = entry.create({ clock: clockMode === 'manual' ? manualClock(new Date()) : systemClock() })
  try {
    const server = await serve(simulator, { port, hostname: host })
    servers.push(server)
    console.log(
      `${entry.name.padEnd(12)} ${server.url}  (admin: ${server.url}/__admin, spec: ${server.url}/openapi.json)`,
    )
    for (const line of entry.credentials) {
      console.log(`${''.padEnd(12)} ${line}`)
    }
  } catch (error) {
    console.error(
      `Failed to start ${entry.name} on ${host}:${port}: ${(error as Error).message}. Pick another port with --${entry.name}-port.`,
    )
    await Promise.all(servers.map((running) => running.close()))
    process.exit(1)
  }
}
console.log(`clock: ${clockMode}. Press Ctrl+C to stop.`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) {
      return
    }
    stopping = true
    await Promise.all(servers.map((server) => server.close()))
    console.log('contactkit-mocks stopped.')
    process.exit(0)
  })
}
