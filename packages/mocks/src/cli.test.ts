import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

// The built CLI, as `contactkit-mocks` runs it; turbo builds the package before its tests.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const children: ChildProcess[] = []

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const urlOf = (name: string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = new RegExp(`^${name}\\s+(http://\\S+)`, 'm').exec(output)
        if (match?.[1]) {
          resolve(match[1])
        }
      }
      child.stdout?.on('data', check)
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
      check()
    })
  return { child, urlOf, output: () => output }
}

afterEach(() => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL')
  }
})

describe('contactkit-mocks', () => {
  it('serves the simulators, prints URLs and credentials, and stops cleanly on SIGTERM', async () => {
    const run = start(['--cloudsponge-port', '0'])
    const url = await run.urlOf('cloudsponge')
    const clock = await fetch(`${url}/__admin/clock`)
    expect(clock.status).toBe(200)
    expect(((await clock.json()) as { mode: string }).mode).toBe('system')
    expect(run.output()).toContain('domain key 33664218758c5244136965160db455db012b1411')
    run.child.kill('SIGTERM')
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(0)
    expect(run.output()).toContain('contactkit-mocks stopped.')
  })

  it('takes the port and clock from the environment, and stops on SIGINT', async () => {
    const run = start([], { CONTACTKIT_CLOUDSPONGE_PORT: '0', CONTACTKIT_CLOCK: 'manual' })
    const url = await run.urlOf('cloudsponge')
    expect(((await (await fetch(`${url}/__admin/clock`)).json()) as { mode: string }).mode).toBe('manual')
    run.child.kill('SIGINT')
    expect((await once(run.child, 'exit'))[0]).toBe(0)
  })

  it('says which port is taken and how to choose another', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const run = start(['--cloudsponge-port', String(port)])
      const [code] = await once(run.child, 'exit')
      expect(code).toBe(1)
      expect(run.output()).toContain(`Failed to start cloudsponge on 127.0.0.1:${port}`)
      expect(run.output()).toContain('--cloudsponge-port')
    } finally {
      blocker.close()
    }
  })

  it.each([
    [['--cloudsponge-port', 'abc'], /port must be a whole number/],
    [['--clock', 'fast'], /--clock must be "system" or "manual"/],
    [['--only', 'nosuchvendor'], /Unknown simulator nosuchvendor/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j with exit 2 and a sentence', async (args, message) => {
    const run = start(args)
    const [code] = await once(run.child, 'exit')
    expect(code).toBe(2)
    expect(run.output()).toMatch(message)
  })
})
