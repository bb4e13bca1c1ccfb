// The standalone executable (scripts/build-binary.mjs) against the npm package's CLI: started from
// an empty folder with the same arguments, it must print the same banner and serve the same
// simulators, dashboards, API reference and index. The contract suites run against it too, from
// the root's `pnpm test` (scripts/real-target.mjs --bin).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vendors } from './vendors.js'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const cli = join(packageRoot, 'dist', 'cli.js')
const built = join(packageRoot, 'dist', 'contactkit-mocks-linux-x64')
const supported = process.platform === 'linux' && process.arch === 'x64'
if (!supported) {
  console.log(
    `Standalone executable tests skipped: it is built for linux-x64 only, and this is ${process.platform}-${process.arch}.`,
  )
}

const children: ChildProcess[] = []
const folder = mkdtempSync(join(tmpdir(), 'contactkit-binary-'))
const binary = join(folder, 'contactkit-mocks-linux-x64')

/** Runs a command to its end: exit code and everything it printed. */
async function finish(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd: folder })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const [code] = await once(child, 'exit')
  return { code, output }
}

/** Starts a CLI on free ports from the empty folder; resolves with its ready file and banner. */
async function startSet(command: string, args: string[], name: string) {
  const readyFile = join(folder, `${name}.json`)
  const child = spawn(
    command,
    [
      ...args,
      '--index-port',
      '0',
      ...vendors.flatMap((vendor) => [`--${vendor.name}-port`, '0']),
      '--ready-file',
      readyFile,
    ],
    // The admin token from the environment, the clock from a flag: the executable reads both as the CLI does.
    { cwd: folder, env: { ...process.env, CONTACTKIT_ADMIN_TOKEN: 'binary-token' } },
  )
  children.push(child)
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  for (let tries = 0; !existsSync(readyFile) || !output.includes('Press Ctrl+C'); tries++) {
    if (child.exitCode !== null || tries > 400) {
      throw new Error(`${name} did not start: ${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { child, urls: JSON.parse(readFileSync(readyFile, 'utf8')) as Record<string, string>, output: () => output }
}

const withoutPorts = (text: string) => text.replaceAll(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')

describe.skipIf(!supported)('the standalone executable', { timeout: 60_000 }, () => {
  let npm: Awaited<ReturnType<typeof startSet>>
  let standalone: Awaited<ReturnType<typeof startSet>>

  beforeAll(async () => {
    // Built here when missing or older than the package it is made from, so the test never runs a stale one.
    const build = spawnSync(process.execPath, [join(packageRoot, 'scripts', 'build-binary.mjs'), '--if-stale'], {
      encoding: 'utf8',
    })
    expect(build.status, build.stderr).toBe(0)
    // Alone in an empty folder: no node_modules beside it or above it.
    copyFileSync(built, binary)
    const args = ['--clock', 'manual']
    npm = await startSet(process.execPath, [cli, ...args], 'npm')
    standalone = await startSet(binary, args, 'standalone')
  }, 600_000)

  afterAll(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null) {
        child.kill('SIGKILL')
        await once(child, 'exit')
      }
    }
    // A copy of a 100 MB executable per run: not left in the temp folder.
    rmSync(folder, { recursive: true, force: true })
  })

  it('prints the same banner as the npm CLI, and the same help and errors', async () => {
    expect(withoutPorts(standalone.output())).toBe(withoutPorts(npm.output()))
    expect(standalone.output()).toContain('cloudsponge  http://127.0.0.1:')
    expect(await finish(binary, ['--help'])).toEqual(await finish(process.execPath, [cli, '--help']))
    const refused = await finish(binary, ['--clock', 'fast'])
    expect(refused).toEqual(await finish(process.execPath, [cli, '--clock', 'fast']))
    expect(refused.code).toBe(2)
  })

  it('serves every simulator as the npm CLI does: health, spec, dashboard, index', async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
    const token = { Authorization: 'Bearer binary-token' }
    expect(Object.keys(standalone.urls)).toEqual(Object.keys(npm.urls))
    for (const vendor of vendors) {
      const url = standalone.urls[vendor.name]
      const health = await fetch(`${url}/__admin/health`)
      expect(await health.json()).toMatchObject({ status: 'ok', vendor: vendor.name, version })
      const spec = await (await fetch(`${url}/openapi.json`)).text()
      expect(spec).toBe(await (await fetch(`${npm.urls[vendor.name]}/openapi.json`)).text())
      const dashboard = await fetch(`${url}/__admin/`, { headers: token })
      expect(dashboard.status).toBe(200)
      expect(await dashboard.text()).toContain(`${vendor.title} simulator`)
      expect((await fetch(`${url}/__admin/clock`)).status).toBe(401)
      expect(await (await fetch(`${url}/__admin/clock`, { headers: token })).json()).toMatchObject({ mode: 'manual' })
    }
    const index = await fetch(`${standalone.urls.index}/`, { headers: token })
    expect(index.status).toBe(200)
    expect(await index.text()).toContain(`${standalone.urls.cloudsponge}/__admin/`)
  })

  it("serves the API reference with Scalar's bundle carried inside it", async () => {
    const url = standalone.urls.aurinko
    const page = await fetch(`${url}/__admin/reference`, { headers: { Authorization: 'Bearer binary-token' } })
    expect(await page.text()).toContain("script.src = 'reference/standalone.js'")
    const bundle = await fetch(`${url}/__admin/reference/standalone.js`)
    expect(bundle.status).toBe(200)
    const installed = createRequire(join(packageRoot, 'package.json')).resolve(
      '@scalar/api-reference/browser/standalone.js',
    )
    expect(Buffer.from(await bundle.arrayBuffer()).equals(readFileSync(installed))).toBe(true)
  })

  it('waits on the simulators it serves, and stops cleanly on SIGTERM', async () => {
    const waited = await finish(binary, ['wait', '--timeout', '10', ...Object.values(standalone.urls)])
    expect(waited).toEqual({ code: 0, output: `ready: ${Object.values(standalone.urls).join(' ')}\n` })
    standalone.child.kill('SIGTERM')
    expect((await once(standalone.child, 'exit'))[0]).toBe(0)
    expect(standalone.output()).toContain('contactkit-mocks stopped.')
  })
})
