import { readFileSync } from 'node:fs'
import { manualClock, systemClock } from '../core/clock.js'
import { createSetIndexApp } from '../core/dashboard/set-index.js'
import { readyFileProblem, removeReadyFile, writeReadyFile } from '../core/ready-file.js'
import { isLoopback, type RunningServer, serve, serveFetch } from '../core/serve.js'
import { seedSet } from '../core/set-seed.js'
import { createSimulatorSet } from '../core/simulator-set.js'
import { vendors } from '../vendors.js'
import { commandLine, fail, stopOnSignals } from './command-line.js'

const usage = `Usage: contactkit-mocks [start] [options]

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
  --seed <file>              Seed the simulators at start from a JSON file with one section per
                             vendor, as POST /__admin/state takes it (env CONTACTKIT_SEED); a
                             snapshot (GET /snapshot.json on the index) is such a file
  --index-port <port>        Port of the index page linking every simulator's dashboard
                             (env CONTACTKIT_INDEX_PORT, default 4000; 0 picks a free port)
  --ready-file <file>        Once every simulator listens, write their URLs there as JSON, e.g.
                             {"cloudsponge":"http://127.0.0.1:4010",...,"index":"..."}
                             (env CONTACTKIT_READY_FILE); wait for the file, then read the ports
  -h, --help                 Show this help

Vendors: ${vendors.map((vendor) => `${vendor.name} (${vendor.defaultPort})`).join(', ')}
`

const vendorOptions = Object.fromEntries(
  vendors.flatMap((vendor) => [
    [`${vendor.name}-port`, { type: 'string' as const }],
    [`${vendor.name}-public-url`, { type: 'string' as const }],
  ]),
)

/**
 * Starts every chosen simulator from the command line's flags and environment, prints their URLs
 * and credentials, and stops them on SIGINT or SIGTERM.
 *
 * @example
 * await run() // contactkit-mocks --only cloudsponge --cloudsponge-port 0
 */
export async function run(): Promise<void> {
  const values: Record<string, string | boolean | undefined> = commandLine(
    {
      options: {
        host: { type: 'string' },
        only: { type: 'string' },
        clock: { type: 'string' },
        'admin-token': { type: 'string' },
        seed: { type: 'string' },
        'index-port': { type: 'string' },
        'ready-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...vendorOptions,
      },
    },
    usage,
  ).values

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

  const readyFile = option('ready-file', 'CONTACTKIT_READY_FILE')
  if (readyFile !== undefined) {
    const problem = readyFileProblem(readyFile)
    if (problem) {
      fail(problem)
    }
    // A file left by an earlier run would hand a waiting script that run's ports.
    removeReadyFile(readyFile)
  }

  const rawIndexPort = option('index-port', 'CONTACTKIT_INDEX_PORT')
  const indexPort = rawIndexPort === undefined ? 4000 : Number(rawIndexPort)
  if (!Number.isInteger(indexPort) || indexPort < 0 || indexPort > 65535) {
    fail(`The index port must be a whole number from 0 to 65535, not "${rawIndexPort}".`)
  }

  const set = createSimulatorSet(vendors, {
    clock: clockMode === 'manual' ? manualClock(new Date()) : systemClock(),
    only,
    publicUrls,
    shared: { adminToken },
  })

  const seedFile = option('seed', 'CONTACTKIT_SEED')
  if (seedFile !== undefined) {
    let seed: unknown
    try {
      seed = JSON.parse(readFileSync(seedFile, 'utf8'))
    } catch (error) {
      fail(
        `Failed to read the seed file ${seedFile}: ${(error as Error).message}. Give a JSON file such as a snapshot.`,
      )
    }
    try {
      seedSet(set, seed)
    } catch (error) {
      fail(`${(error as Error).message} (in ${seedFile})`)
    }
  }

  const servers: RunningServer[] = []
  const servedUrls: Record<string, string> = {}
  const lines: string[] = []
  for (const vendor of chosen) {
    const port = ports.get(vendor.name) ?? vendor.defaultPort
    try {
      const server = await serve(set.get(vendor.name), { port, hostname: host })
      servers.push(server)
      servedUrls[vendor.name] = server.url
      set.setUrl(vendor.name, server.url)
      const shown = set.urlOf(vendor.name)
      const served = shown === server.url ? '' : `served at ${server.url}, `
      lines.push(
        `${vendor.name.padEnd(12)} ${shown}  (${served}dashboard: ${shown}/__admin/, spec: ${shown}/openapi.json)`,
      )
      for (const credential of vendor.credentials) {
        const variable = credential.env ? `  [${credential.env}]` : ''
        lines.push(`${''.padEnd(12)} ${credential.label} ${credential.value}${variable}`)
      }
      for (const hint of vendor.hints ?? []) {
        lines.push(`${''.padEnd(12)} ${hint}`)
      }
    } catch (error) {
      console.error(
        `Failed to start ${vendor.name} on ${host}:${port}: ${(error as Error).message}. Pick another port with --${vendor.name}-port.`,
      )
      await Promise.all(servers.map((running) => running.close()))
      process.exit(1)
    }
  }
  // The index is a convenience: a port in use there is said, and the simulators keep running.
  try {
    const index = await serveFetch(createSetIndexApp(set, { registrations: vendors, adminToken }).fetch, {
      port: indexPort,
      hostname: host,
    })
    servers.push(index)
    set.setIndexUrl(`${index.url}/`)
    servedUrls.index = index.url
    const query = adminToken ? `?admin_token=${adminToken}` : ''
    console.log(
      `${'index'.padEnd(12)} ${index.url}/${query}  (every simulator's dashboard; ${index.url}/snapshot.json)`,
    )
  } catch (error) {
    console.log(
      `${'index'.padEnd(12)} not served: port ${indexPort} is taken (${(error as Error).message}); choose one with --index-port.`,
    )
  }
  for (const line of lines) {
    console.log(line)
  }
  if (seedFile !== undefined) {
    console.log(`seeded from ${seedFile}`)
  }
  console.log(`clock: ${clockMode}, shared by every simulator. Press Ctrl+C to stop.`)
  if (adminToken) {
    const origin = generatedToken ? 'generated for this run; choose your own with --admin-token' : 'as given'
    console.log(`admin token (${origin}): ${adminToken}`)
    console.log(`  curl -H "Authorization: Bearer ${adminToken}" ${set.urlOf(chosen[0]?.name ?? '')}/__admin/clock`)
  }

  if (readyFile !== undefined) {
    try {
      writeReadyFile(readyFile, servedUrls)
    } catch (error) {
      console.error(`Failed to write the ready file ${readyFile}: ${(error as Error).message}.`)
      await Promise.all(servers.map((server) => server.close()))
      process.exit(1)
    }
  }

  stopOnSignals(async () => {
    await Promise.all(servers.map((server) => server.close()))
    if (readyFile !== undefined) {
      removeReadyFile(readyFile)
    }
    console.log('contactkit-mocks stopped.')
  })
}
