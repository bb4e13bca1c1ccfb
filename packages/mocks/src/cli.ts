#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { manualClock, systemClock } from './core/clock.js'
import { isLoopback, type RunningServer, serve } from './core/serve.js'
import { createSimulatorSet } from './core/simulator-set.js'
import { vendors } from './vendors.js'

const usage = `Usage: contactkit-mocks [options]

Starts every contactkit simulator on its own port, on one shared clock.

Options:
  --host <host>              Interface to listen on (env CONTACTKIT_HOST, default 127.0.0.1)
  --<vendor>-port <port>     Port of one simulator, e.g. --cloudsponge-port 4010
                             (env CONTACTKIT_<VENDOR>_PORT, e.g. CONTACTKIT_CLOUDSPONGE_PORT)
  --<vendor>-public-url <u>  Origin users reach a simulator at behind a proxy
                             (env CONTACTKIT_<VENDOR>_PUBLIC_URL)
  --only <vendor,...>        Start only these simulators
  --clock <system|manual>    Time source (env CONTACTKIT_CLOCK, default system); move a manual
                             clock with POST /__admin/clock on any simulator
  --admin-token <token>      Require this token on /__admin (env CONTACTKIT_ADMIN_TOKEN); when
                             --host is not loopback and none is given, one is generated
  -h, --help                 Show this help

Vendors: ${vendors.map((vendor) => `${vendor.name} (${vendor.defaultPort})`).join(', ')}
`

const vendorOptions = Object.fromEntries(
  vendors.flatMap((vendor) => [
    [`${vendor.name}-port`, { type: 'string' as const }],
    [`${vendor.name}-public-url`, { type: 'string' as const }],
  ]),
)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

let values: Record<string, string | boolean | undefined>
try {
  values = parseArgs({
    options: {
      host: { type: 'string' },
      only: { type: 'string' },
      clock: { type: 'string' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...vendorOptions,
    },
  }).values
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const env = process.env
const option = (name: string, envName: string) => (values[name] as string | undefined) ?? env[envName]
const host = option('host', 'CONTACTKIT_HOST') ?? '127.0.0.1'
const clockMode = option('clock', 'CONTACTKIT_CLOCK') ?? 'system'
if (clockMode !== 'system' && clockMode !== 'manual') {
  fail(`--clock must be "system" or "manual", not "${clockMode}".`)
}
const only = option('only', 'CONTACTKIT_ONLY')
  ?.split(',')
  .map((name) => name.trim().toLowerCase())
const unknown = only?.filter((name) => !vendors.some((vendor) => vendor.name === name)) ?? []
if (unknown.length > 0) {
  fail(`Unknown simulator ${unknown.join(', ')}; choose from ${vendors.map((vendor) => vendor.name).join(', ')}.`)
}
let adminToken = option('admin-token', 'CONTACTKIT_ADMIN_TOKEN')
const generatedToken = !adminToken && !isLoopback(host)
if (generatedToken) {
  adminToken = crypto.randomUUID().replaceAll('-', '')
}

const chosen = vendors.filter((vendor) => !only || only.includes(vendor.name))
const ports = new Map<string, number>()
const publicUrls: Record<string, string> = {}
for (const vendor of chosen) {
  const upper = vendor.name.toUpperCase()
  const raw = option(`${vendor.name}-port`, `CONTACTKIT_${upper}_PORT`)
  const port = raw === undefined ? vendor.defaultPort : Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`The ${vendor.name} port must be a whole number from 0 to 65535, not "${raw}".`)
  }
  ports.set(vendor.name, port)
  const publicUrl = option(`${vendor.name}-public-url`, `CONTACTKIT_${upper}_PUBLIC_URL`)
  if (publicUrl !== undefined) {
    if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
      fail(
        `The ${vendor.name} public URL must be an http(s) URL such as https://mocks.example.com, not "${publicUrl}".`,
      )
    }
    publicUrls[vendor.name] = publicUrl
  }
}

const set = createSimulatorSet(vendors, {
  clock: clockMode === 'manual' ? manualClock(new Date()) : systemClock(),
  only,
  publicUrls,
  shared: { adminToken },
})

const servers: RunningServer[] = []
for (const vendor of chosen) {
  const port = ports.get(vendor.name) ?? vendor.defaultPort
  try {
    const server = await serve(set.get(vendor.name), { port, hostname: host })
    servers.push(server)
    set.setUrl(vendor.name, server.url)
    const shown = set.urlOf(vendor.name)
    const served = shown === server.url ? '' : `served at ${server.url}, `
    console.log(`${vendor.name.padEnd(12)} ${shown}  (${served}admin: ${shown}/__admin, spec: ${shown}/openapi.json)`)
    for (const credential of vendor.credentials) {
      const variable = credential.env ? `  [${credential.env}]` : ''
      console.log(`${''.padEnd(12)} ${credential.label} ${credential.value}${variable}`)
    }
    for (const hint of vendor.hints ?? []) {
      console.log(`${''.padEnd(12)} ${hint}`)
    }
  } catch (error) {
    console.error(
      `Failed to start ${vendor.name} on ${host}:${port}: ${(error as Error).message}. Pick another port with --${vendor.name}-port.`,
    )
    await Promise.all(servers.map((running) => running.close()))
    process.exit(1)
  }
}
console.log(`clock: ${clockMode}, shared by every simulator. Press Ctrl+C to stop.`)
if (adminToken) {
  const origin = generatedToken ? 'generated for this run; choose your own with --admin-token' : 'as given'
  console.log(`admin token (${origin}): ${adminToken}`)
  console.log(`  curl -H "Authorization: Bearer ${adminToken}" ${set.urlOf(chosen[0]?.name ?? '')}/__admin/clock`)
}

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
