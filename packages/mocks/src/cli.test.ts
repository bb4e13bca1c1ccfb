import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CliRuns } from './core/testing/cli-runs.js'
import { vendors } from './vendors.js'

const runs = new CliRuns()
const start = (args: string[], env: Record<string, string> = {}) => runs.start(args, { env })

afterEach(() => runs.killAll())

describe('contactkit-mocks', { timeout: 30_000 }, () => {
  it('serves the simulators, prints URLs and credentials, and stops cleanly on SIGTERM', async () => {
    const run = start(['--cloudsponge-port', '0'])
    const url = await run.urlOf('cloudsponge')
    const clock = await fetch(`${url}/__admin/clock`)
    expect(clock.status).toBe(200)
    expect(((await clock.json()) as { mode: string }).mode).toBe('system')
    await run.waitFor(/domain key 33664218758c5244136965160db455db012b1411 {2}\[CLOUDSPONGE_DOMAIN_KEY\]/)
    run.child.kill('SIGTERM')
    const code = await run.exited()
    expect(code).toBe(0)
    expect(run.output()).toContain('contactkit-mocks stopped.')
  })

  it('takes the port and clock from the environment, and stops on SIGINT', async () => {
    const run = start([], { CONTACTKIT_CLOUDSPONGE_PORT: '0', CONTACTKIT_CLOCK: 'manual' })
    const url = await run.urlOf('cloudsponge')
    expect(((await (await fetch(`${url}/__admin/clock`)).json()) as { mode: string }).mode).toBe('manual')
    run.child.kill('SIGINT')
    expect(await run.exited()).toBe(0)
  })

  it('says which port is taken and how to choose another', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const run = start(['--cloudsponge-port', String(port)])
      const code = await run.exited()
      expect(code).toBe(1)
      expect(run.output()).toContain(`Failed to start cloudsponge on 127.0.0.1:${port}`)
      expect(run.output()).toContain('--cloudsponge-port')
    } finally {
      blocker.close()
    }
  })

  it('protects /__admin with a generated token when it listens beyond loopback, and prints how to use it', async () => {
    const run = start(['--host', '0.0.0.0', '--cloudsponge-port', '0'])
    const url = await run.urlOf('cloudsponge')
    const token = (await run.waitFor(/admin token .*: (\w+)/))[1]
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    await run.waitFor(new RegExp(`curl -H "Authorization: Bearer ${token}"`))
    expect((await fetch(`${url}/__admin/clock`)).status).toBe(401)
    expect((await fetch(`${url}/__admin/clock`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200)
  })

  it('takes a chosen admin token from the environment, and writes consent links on the public URL', async () => {
    const run = start(['--cloudsponge-port', '0', '--cloudsponge-public-url', 'https://mocks.example.com'], {
      CONTACTKIT_ADMIN_TOKEN: 'chosen-token',
    })
    expect(await run.urlOf('cloudsponge')).toBe('https://mocks.example.com')
    const served = (await run.waitFor(/served at (http:\/\/\S+),/))[1]
    await run.waitFor(/admin token \(as given\): chosen-token/)
    const begun = await fetch(`${served}/begin_import/user_consent.json`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa('33664218758c5244136965160db455db012b1411:Tpa01z+vVPE7MxXi')}` },
      body: new URLSearchParams({ service: 'gmail' }),
    })
    expect(((await begun.json()) as { url: string }).url).toMatch(/^https:\/\/mocks\.example\.com\/n\/[A-Z0-9]{7}$/)
    expect(
      (await fetch(`${served}/__admin/clock`, { headers: { 'X-Contactkit-Admin-Token': 'chosen-token' } })).status,
    ).toBe(200)
  })

  it.each([
    [['--cloudsponge-public-url', 'ftp://x'], /public URL must be an http\(s\) URL/],
    [['--cloudsponge-port', 'abc'], /port must be a whole number/],
    [['--clock', 'fast'], /--clock must be "system" or "manual"/],
    [['--only', 'nosuchvendor'], /Unknown simulator nosuchvendor/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j with exit 2 and a sentence', async (args, message) => {
    const run = start(args)
    const code = await run.exited()
    expect(code).toBe(2)
    expect(run.output()).toMatch(message)
  })
})

describe('contactkit-mocks seed files and the index', { timeout: 30_000 }, () => {
  it('prints the index first, serves a set snapshot there, and --seed restores it in a new run', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const first = start([
      '--only',
      'cloudsponge,aurinko',
      '--cloudsponge-port',
      '0',
      '--aurinko-port',
      '0',
      '--index-port',
      '0',
    ])
    const cloudsponge = await first.urlOf('cloudsponge')
    const aurinko = await first.urlOf('aurinko')
    const index = (await first.urlOf('index')).replace(/\/$/, '')
    expect(first.output().trimStart().startsWith('index')).toBe(true)
    expect(await (await fetch(`${index}/`, { headers: { Accept: 'text/html' } })).text()).toContain(
      `${cloudsponge}/__admin/`,
    )
    // And back: each dashboard links to the index.
    expect(await (await fetch(`${aurinko}/__admin/`, { headers: { Accept: 'text/html' } })).text()).toContain(
      `href="${index}/">All simulators</a>`,
    )
    const seeded = await fetch(`${cloudsponge}/__admin/state`, {
      method: 'POST',
      body: JSON.stringify({
        accounts: [{ service: 'icloud', username: 'ann', password: 'pw', contacts: [{ first_name: 'Bo' }] }],
      }),
    })
    expect(seeded.status).toBe(201)
    await fetch(`${aurinko}/__admin/state`, {
      method: 'POST',
      body: JSON.stringify({ accounts: [{ accountId: 3001, accessToken: 'team-token', contacts: 7 }] }),
    })
    const world = await (await fetch(`${index}/snapshot.json`)).json()
    expect(world).toMatchObject({
      cloudsponge: { accounts: [{ username: 'ann' }] },
      aurinko: { accounts: [{ accountId: 3001, contacts: 7 }] },
    })
    first.child.kill('SIGTERM')
    await first.exited()

    const file = join(await mkdtemp(join(tmpdir(), 'contactkit-seed-')), 'world.json')
    await writeFile(file, JSON.stringify(world))
    const second = start(
      ['--only', 'cloudsponge,aurinko', '--cloudsponge-port', '0', '--aurinko-port', '0', '--index-port', '0'],
      {
        CONTACTKIT_SEED: file,
      },
    )
    const aurinkoAgain = await second.urlOf('aurinko')
    await second.waitFor(/seeded from/)
    const contacts = await fetch(`${aurinkoAgain}/v1/contacts?limit=100`, {
      headers: { Authorization: 'Bearer team-token' },
    })
    expect(contacts.status).toBe(200)
    const cloudspongeAgain = await second.urlOf('cloudsponge')
    expect(await (await fetch(`${cloudspongeAgain}/__admin/state?snapshot=1`)).json()).toEqual(world.cloudsponge)
  })

  it('refuses a seed file it cannot use, saying why', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const file = join(await mkdtemp(join(tmpdir(), 'contactkit-seed-')), 'bad.json')
    await writeFile(file, JSON.stringify({ omnigage: {} }))
    const run = start(['--cloudsponge-port', '0', '--only', 'cloudsponge', '--seed', file])
    const code = await run.exited()
    expect(code).toBe(2)
    expect(run.output()).toMatch(/there is no omnigage simulator in this set/)
  })
})

describe('contactkit-mocks readiness', { timeout: 30_000 }, () => {
  const everyPortFree = ['--index-port', '0', ...vendors.flatMap((vendor) => [`--${vendor.name}-port`, '0'])]

  async function readyFileOf(path: string, run: ReturnType<typeof start>): Promise<Record<string, string>> {
    // The file appears whole once every simulator listens; poll for it as a script would.
    const { readFile } = await import('node:fs/promises')
    for (let tries = 0; tries < 200; tries++) {
      const text = await readFile(path, 'utf8').catch(() => undefined)
      if (text !== undefined) {
        return JSON.parse(text) as Record<string, string>
      }
      if (run.child.exitCode !== null) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`no ready file at ${path}: ${run.output()}`)
  }

  it('writes every URL to the ready file, each answering /__admin/health without the admin token', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'contactkit-ready-')), 'ready.json')
    await writeFile(path, '{"cloudsponge":"http://127.0.0.1:1"}') // left by an earlier run
    const run = start([...everyPortFree, '--ready-file', path], { CONTACTKIT_ADMIN_TOKEN: 'chosen-token' })
    await run.waitFor(/clock: system/)
    const urls = await readyFileOf(path, run)
    expect(Object.keys(urls)).toEqual([...vendors.map((vendor) => vendor.name), 'index'])
    for (const [name, url] of Object.entries(urls)) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(run.output()).toContain(url)
      const health = await fetch(`${url}/__admin/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok', vendor: name })
      expect((await fetch(`${url}/__admin/clock`)).status).toBe(401)
    }
    run.child.kill('SIGTERM')
    expect(await run.exited()).toBe(0)
    // A clean stop takes the file away, so the next run's waiters never read these ports.
    expect(existsSync(path)).toBe(false)
  })

  it('leaves the index out of the ready file when it cannot serve it, and takes the path from the environment', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    try {
      const path = join(await mkdtemp(join(tmpdir(), 'contactkit-ready-')), 'ready.json')
      const indexPort = String((blocker.address() as { port: number }).port)
      const run = start(['--only', 'aurinko', '--aurinko-port', '0', '--index-port', indexPort], {
        CONTACTKIT_READY_FILE: path,
      })
      expect(Object.keys(await readyFileOf(path, run))).toEqual(['aurinko'])
    } finally {
      blocker.close()
    }
  })

  it('refuses a ready file in a folder that does not exist before starting anything', async () => {
    const run = start([
      '--only',
      'cloudsponge',
      '--cloudsponge-port',
      '0',
      '--ready-file',
      '/no/such/folder/ready.json',
    ])
    expect(await run.exited()).toBe(2)
    expect(run.output()).toMatch(
      /The ready file \/no\/such\/folder\/ready.json is in \/no\/such\/folder, which is not a folder/,
    )
    expect(run.output()).not.toMatch(/^cloudsponge/m)
  })

  it('wait exits 0 once every URL answers, and 1 with the reason on timeout', async () => {
    const run = start(['--only', 'cloudsponge,s3', '--cloudsponge-port', '0', '--s3-port', '0', '--index-port', '0'])
    const urls = [await run.urlOf('cloudsponge'), await run.urlOf('s3'), await run.urlOf('index')]
    const waited = start(['wait', '--timeout', '10', ...urls])
    expect(await waited.exited()).toBe(0)
    expect(waited.output()).toContain(`ready: ${urls.join(' ')}`)

    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as { port: number }).port
    await new Promise((resolve) => closed.close(resolve))
    const timedOut = start(['wait', '--timeout', '0.3', urls[0] ?? '', `http://127.0.0.1:${port}`])
    expect(await timedOut.exited()).toBe(1)
    expect(timedOut.output().trim()).toBe(
      `http://127.0.0.1:${port}/__admin/health did not answer 200 within 0.3 s (last: ECONNREFUSED); is contactkit-mocks running there?`,
    )
  })

  it.each([
    [['wait', '--timeout=-1'], /--timeout must be a number of seconds above 0/],
    [['wait', 'localhost:4010'], /"localhost:4010" is not an http\(s\) URL/],
  ])('wait rejects %j with exit 2 and a sentence', async (args, message) => {
    const run = start(args)
    expect(await run.exited()).toBe(2)
    expect(run.output()).toMatch(message)
  })
})
