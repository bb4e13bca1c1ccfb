import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Entry, Log } from 'har-format'
import { type SecretReplacer, secretPlaceholders } from '../core/redaction.js'
import { harEntry, type RecordedExchange } from './har-entry.js'

/** Options of a HAR file. */
export interface HarFileOptions {
  /** Who wrote it: `creator` of the HAR log. */
  creator?: { name: string; version: string }
  /** A note on the whole recording (`log.comment`): the vendor, the upstream. */
  comment?: string
  /**
   * The placeholders secrets become. Default: numbered within this file. Recordings of one flow
   * that `compare` replays together (an Omnigage import and its S3 form post) share one
   * `secretPlaceholders()`, so a signature handed out in one file is the same placeholder where the
   * other file sends it.
   */
  secrets?: SecretReplacer
}

const closing = '\n]}}\n'

/**
 * A HAR 1.2 file that is valid after every exchange: entries are appended in place of the closing
 * brackets, which are written again after each one, so a recording cut short by a crash or a kill
 * still opens in any HAR viewer. Every secret is replaced by a placeholder (`<secret:1>`, the same
 * secret always the same number within the file) before anything is written.
 *
 * @example
 * const har = new HarFile('recordings/cloudsponge.har', { comment: 'cloudsponge via https://api.cloudsponge.com' })
 * har.add(exchange)
 * har.close()
 */
export class HarFile {
  readonly #fd: number
  readonly #replace: SecretReplacer
  #position: number
  #entries = 0
  #closed = false

  constructor(
    readonly path: string,
    options: HarFileOptions = {},
  ) {
    this.#replace = options.secrets ?? secretPlaceholders()
    mkdirSync(dirname(path), { recursive: true })
    this.#fd = openSync(path, 'w')
    const log: Omit<Log, 'entries'> = {
      version: '1.2',
      creator: options.creator ?? { name: '@contactkit/mocks', version: '0' },
      ...(options.comment ? { comment: options.comment } : {}),
    }
    const head = `${JSON.stringify({ log }).slice(0, -2)},"entries":[`
    this.#position = writeSync(this.#fd, head, 0)
    writeSync(this.#fd, closing, this.#position)
  }

  /** How many exchanges the file holds. */
  get entries(): number {
    return this.#entries
  }

  /**
   * Appends one exchange, redacted; the file is complete again when this returns.
   *
   * @example
   * const entry = har.add(exchange) // what was written
   */
  add(exchange: RecordedExchange): Entry {
    if (this.#closed) {
      throw new Error(`The recording ${this.path} is closed; open a new HarFile to record more.`)
    }
    const entry = harEntry(exchange, this.#replace)
    const text = `${this.#entries === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`
    // One write of the entry and the closing brackets: the file never lacks its end.
    const written = writeSync(this.#fd, `${text}${closing}`, this.#position)
    this.#position += written - Buffer.byteLength(closing)
    this.#entries++
    return entry
  }

  /** Closes the file; it is complete whether or not this is called. */
  close(): void {
    if (!this.#closed) {
      this.#closed = true
      closeSync(this.#fd)
    }
  }
}
