import { createHmac, randomBytes } from 'node:crypto'
import {
  appendFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { SecretReplacer } from '../core/redaction.js'

// The file: a first line naming the format and the digests' key, then one keyed digest per line,
// appended by whichever proxy meets a secret first. A secret's number is the place of its digest's
// first line among the distinct digests, so every process reading the file agrees on it.
const header = /^contactkit-secret-numbers 1 key=([0-9a-f]{64})$/
const digestLine = /^[0-9a-f]{64}$/

/**
 * Placeholders numbered alike by every recording that uses the same file, in this process or in
 * others running at the same time: two `contactkit-mocks record` proxies of one flow (Omnigage and
 * S3) give a signature the same `<secret:N>` in both recordings. The file holds keyed digests
 * (HMAC-SHA-256 under a random key kept in the file), never a secret; it is created with mode 0600,
 * and an existing one that other users can read is refused. Processes share it by appending, not
 * by rewriting: a line appended in one write never overwrites another's, and a proxy killed at any
 * moment leaves no lock behind.
 *
 * @example
 * const secrets = sharedSecretPlaceholders('recordings/.secret-numbers')
 * await startRecordingProxy({ vendor: 's3', upstream, secrets })
 * secrets('hunter2') // '<secret:1>' here and in every process given the same file
 */
export function sharedSecretPlaceholders(path: string): SecretReplacer {
  const key = openStore(path)
  // Numbers never change once given (the file only grows), so each is read from the file once.
  const known = new Map<string, number>()
  return (secret) => {
    let number = known.get(secret)
    if (number === undefined) {
      const digest = createHmac('sha256', key).update(secret).digest('hex')
      number = numberIn(path, digest)
      if (number === undefined) {
        appendFileSync(path, `${digest}\n`)
        number = numberIn(path, digest)
      }
      if (number === undefined) {
        throw new Error(`The secrets file ${path} did not keep what was written to it; give a file on a local disk.`)
      }
      known.set(secret, number)
    }
    return `<secret:${number}>`
  }
}

/** The digests' key, from the file, which is created (complete, mode 0600) when it is missing. */
function openStore(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true })
    // Written whole under a name of its own, then linked into place: a process that finds the file
    // finds it with its key, and of two processes creating it at once one link wins, the other reads it.
    const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.draft`
    writeFileSync(draft, `contactkit-secret-numbers 1 key=${randomBytes(32).toString('hex')}\n`, { mode: 0o600 })
    try {
      linkSync(draft, path)
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') {
        throw error
      }
    } finally {
      unlinkSync(draft)
    }
  }
  const mode = statSync(path).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(
      `The secrets file ${path} can be read by other users (mode ${mode.toString(8)}); run chmod 600 ${path}, or give a new path.`,
    )
  }
  const first = readFileSync(path, 'utf8').split('\n', 1)[0] ?? ''
  const match = header.exec(first)
  if (!match?.[1]) {
    throw new Error(
      `${path} is not a secrets file of contactkit-mocks record; give a new path (it is created) or one an earlier record run wrote.`,
    )
  }
  return Buffer.from(match[1], 'hex')
}

/** A digest's number: its place among the distinct digests, in order of first line; undefined when absent. */
function numberIn(path: string, digest: string): number | undefined {
  const lines = readFileSync(path, 'utf8').split('\n')
  // The last piece has no newline yet: a line another process is still writing, not counted.
  lines.pop()
  const seen = new Set<string>()
  for (const line of lines.slice(1)) {
    if (digestLine.test(line) && !seen.has(line)) {
      seen.add(line)
      if (line === digest) {
        return seen.size
      }
    }
  }
  return undefined
}
