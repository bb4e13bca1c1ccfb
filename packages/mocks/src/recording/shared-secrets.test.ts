import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { sharedSecretPlaceholders } from './shared-secrets.js'

// The built package, as a second `contactkit-mocks record` process loads it; turbo builds it before the tests.
const built = fileURLToPath(new URL('../../dist/node.js', import.meta.url))

const storePath = () => join(mkdtempSync(join(tmpdir(), 'contactkit-secrets-')), 'nested', '.secret-numbers')

/**
 * Starts another Node process that numbers the secrets, all of them at once, as soon as it reads a
 * line on its stdin (so that two of them start together), and prints what each became.
 */
function numberInChild(path: string, secrets: string[]) {
  const script = `
    const { sharedSecretPlaceholders } = await import(${JSON.stringify(built)})
    const { once } = await import('node:events')
    const secrets = JSON.parse(process.argv[2])
    process.stdout.write('ready\\n')
    await once(process.stdin, 'data')
    const replace = sharedSecretPlaceholders(process.argv[1])
    process.stdout.write(JSON.stringify(Object.fromEntries(secrets.map((secret) => [secret, replace(secret)]))))
    process.exit(0)
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, path, JSON.stringify(secrets)])
  let output = ''
  let errors = ''
  child.stderr.on('data', (chunk) => {
    errors += chunk
  })
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.startsWith('ready\n')) {
        resolve()
      }
    })
  })
  const result = async (): Promise<Record<string, string>> => {
    const [code] = await once(child, 'exit')
    expect(errors).toBe('')
    expect(code).toBe(0)
    return JSON.parse(output.slice('ready\n'.length))
  }
  return { ready, go: () => child.stdin.write('go\n'), result }
}

describe('sharedSecretPlaceholders', () => {
  it('numbers secrets alike for every replacer of one file, in order of first appearance across them', () => {
    const path = storePath()
    const omnigage = sharedSecretPlaceholders(path)
    const s3 = sharedSecretPlaceholders(path)
    expect(omnigage('token-key:token-secret')).toBe('<secret:1>')
    expect(omnigage('signature-abc')).toBe('<secret:2>')
    expect(s3('signature-abc')).toBe('<secret:2>')
    expect(s3('AKIA-credential')).toBe('<secret:3>')
    expect(omnigage('AKIA-credential')).toBe('<secret:3>')
    expect(omnigage('token-key:token-secret')).toBe('<secret:1>')
    // A later run given the same file keeps the numbers.
    expect(sharedSecretPlaceholders(path)('signature-abc')).toBe('<secret:2>')
  })

  it('keeps keyed digests only, in a file only its owner can read', () => {
    const path = storePath()
    const replace = sharedSecretPlaceholders(path)
    const secrets = ['Tpa01z+vVPE7MxXi', 'hunter2', 'x-amz-signature-value']
    for (const secret of secrets) {
      replace(secret)
    }
    const text = readFileSync(path, 'utf8')
    for (const secret of secrets) {
      expect(text).not.toContain(secret)
    }
    const [head, ...digests] = text.trimEnd().split('\n')
    expect(head).toMatch(/^contactkit-secret-numbers 1 key=[0-9a-f]{64}$/)
    expect(digests).toHaveLength(3)
    expect(new Set(digests).size).toBe(3)
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600)
    }
    // Another file has another key: the same secret leaves another digest, so files cannot be matched up.
    const other = storePath()
    sharedSecretPlaceholders(other)('hunter2')
    expect(readFileSync(other, 'utf8').split('\n')[1]).not.toBe(digests[1])
  })

  it('gives processes numbering at the same time one numbering, each number once', async () => {
    const path = storePath()
    // Created by none of them: all start on a missing file. Two meet each secret at the same moment.
    const secrets = Array.from({ length: 60 }, (_, index) => `secret-${index}`)
    const children = [secrets, secrets, [...secrets].reverse()].map((order) => numberInChild(path, order))
    await Promise.all(children.map((child) => child.ready))
    for (const child of children) {
      child.go()
    }
    const [forward, again, backward] = await Promise.all(children.map((child) => child.result()))
    expect(again).toEqual(forward)
    expect(backward).toEqual(forward)
    const numbers = Object.values(forward ?? {})
      .map((placeholder) => Number(/^<secret:(\d+)>$/.exec(placeholder)?.[1]))
      .sort((a, b) => a - b)
    expect(numbers).toEqual(secrets.map((_, index) => index + 1))
    expect(sharedSecretPlaceholders(path)('secret-7')).toBe(forward?.['secret-7'])
  })

  it('refuses a file that is not one of its own, and one that other users can read', () => {
    const path = storePath()
    sharedSecretPlaceholders(path)
    const notAStore = join(mkdtempSync(join(tmpdir(), 'contactkit-secrets-')), 'flow.har')
    writeFileSync(notAStore, '{"log":{}}\n', { mode: 0o600 })
    expect(() => sharedSecretPlaceholders(notAStore)).toThrow(
      `${notAStore} is not a secrets file of contactkit-mocks record; give a new path`,
    )
    if (process.platform !== 'win32') {
      chmodSync(path, 0o644)
      expect(() => sharedSecretPlaceholders(path)).toThrow(
        `The secrets file ${path} can be read by other users (mode 644); run chmod 600 ${path}, or give a new path.`,
      )
    }
  })
})
