// What a user gets from the registry, not what the workspace links: packs the three published
// packages, installs the tarballs with npm into an empty project outside the workspace, type-checks
// a consumer against them with skipLibCheck off, and runs it. Needs the packages built (turbo's
// `test` depends on `build`) and the npm registry (or a warm npm cache).
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const contractTests = fileURLToPath(new URL('..', import.meta.url))
const repo = join(contractTests, '..', '..')
const fixture = join(contractTests, 'fixtures', 'consumer')
const published = ['specs', 'clients', 'mocks'] as const

/** The consumer's own dependencies, at the versions this workspace resolved (pnpm-lock.yaml). */
const tooling = ['typescript', 'msw', '@types/node'].map((name) => `${name}@${installedVersion(name)}`)

function installedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(contractTests, 'node_modules', name, 'package.json'), 'utf8'))
  return manifest.version
}

// pnpm passes its own settings to scripts as npm_config_*; npm would warn about the ones it does
// not know. Keep only what tells npm where the registry is and how to reach it.
const keptNpmSettings = new Set([
  'registry',
  'cafile',
  'ca',
  'cache',
  'userconfig',
  'strict_ssl',
  'proxy',
  'https_proxy',
])
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => {
    const setting = /^npm_config_(.+)$/i.exec(key)?.[1]
    return setting ? keptNpmSettings.has(setting.toLowerCase()) : !/^(npm|pnpm)_/i.test(key)
  }),
)

/** Runs a command, printing it and its output as it goes; resolves with stdout, rejects on failure. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  console.log(`$ ${command} ${args.join(' ')}\n  (in ${cwd})`)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      output += chunk
      process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk
      process.stderr.write(chunk)
    })
    child.once('error', reject)
    child.once('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      if (code === 0) {
        console.log(`  done in ${seconds} s`)
        resolve(stdout)
      } else {
        reject(
          new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) after ${seconds} s:\n${output}`),
        )
      }
    })
  })
}

const book = { contacts: 2, first: 'John Doe', owner: 'Joe Smith' }

describe('the published packages, packed and installed with npm outside the workspace', () => {
  let work = ''
  let consumer = ''

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'contactkit-packaging-'))
    const tarballs = join(work, 'tarballs')
    mkdirSync(tarballs)
    for (const name of published) {
      await run('pnpm', ['pack', '--pack-destination', tarballs], join(repo, 'packages', name))
    }
    consumer = join(work, 'consumer')
    cpSync(fixture, consumer, { recursive: true, filter: (source) => !/[\\/](node_modules|dist)$/.test(source) })
    const packed = readdirSync(tarballs).map((file) => join(tarballs, file))
    // --ignore-scripts: msw's postinstall only copies its service worker, as in pnpm-workspace.yaml.
    const flags = ['--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts']
    await run('npm', ['install', ...flags, ...packed, ...tooling], consumer)
  }, 600_000)

  afterAll(() => {
    if (work) {
      rmSync(work, { recursive: true, force: true })
    }
  })

  it.each(published)('@contactkit/%s declares ranges, with no workspace: or catalog: left', (name) => {
    const manifest = JSON.parse(
      readFileSync(join(consumer, 'node_modules', '@contactkit', name, 'package.json'), 'utf8'),
    )
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:|catalog:/)
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies } as Record<string, string>
    expect(Object.keys(ranges).length).toBeGreaterThan(0)
    for (const [dependency, range] of Object.entries(ranges)) {
      expect(range, dependency).toMatch(/^\^\d+\.\d+\.\d+$/)
    }
  })

  it('type-checks a strict NodeNext consumer with skipLibCheck off, without the DOM lib unless it uses MSW', async () => {
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc')
    await run(process.execPath, [tsc, '-p', 'tsconfig.node.json'], consumer)
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer)
  }, 300_000)

  it('imports a CloudSponge address book over HTTP and through MSW', async () => {
    const stdout = await run(process.execPath, ['dist/index.js'], consumer)
    const lastLine = stdout.trim().split('\n').at(-1) ?? ''
    expect(JSON.parse(lastLine)).toEqual({ http: book, msw: book })
  }, 60_000)

  it('links the contactkit-mocks bin, which starts the built CLI', async () => {
    const usage = await run(join(consumer, 'node_modules', '.bin', 'contactkit-mocks'), ['--help'], consumer)
    expect(usage).toContain('Usage: contactkit-mocks')
  }, 60_000)
})
