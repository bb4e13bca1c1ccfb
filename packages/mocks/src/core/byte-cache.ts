export interface ByteCacheOptions {
  /** Largest total size kept, in bytes; the least recently used go first. Default 64 MiB. */
  maxBytes?: number
  /** Most entries kept. Default 1,024. */
  maxEntries?: number
}

/**
 * A bounded cache of response bytes that can no longer change (a completed import's contacts page,
 * a finished job's results): serialize once, then serve bytes. Least recently used entries go
 * first when either bound is reached; an entry larger than the whole budget is not kept.
 *
 * @example
 * const cache = new ByteCache({ maxBytes: 16 << 20 })
 * const bytes = cache.get('1126:json:0:1000', () => encoder.encode(render()))
 * cache.deletePrefix('1126:') // the import's contacts were deleted
 */
export class ByteCache {
  readonly maxBytes: number
  readonly maxEntries: number
  // A Map keeps insertion order; re-inserting on each hit makes its first key the least recently used.
  readonly #entries = new Map<string, Uint8Array<ArrayBuffer>>()
  #bytes = 0

  constructor(options: ByteCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024
    this.maxEntries = options.maxEntries ?? 1024
    if (!(this.maxBytes >= 0 && Number.isInteger(this.maxEntries) && this.maxEntries >= 0)) {
      throw new RangeError('Failed to create the byte cache: maxBytes and maxEntries must be 0 or more.')
    }
  }

  /** The bytes for `key`, rendered by `render` only when they are not cached. */
  get(key: string, render: () => Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
    const hit = this.#entries.get(key)
    if (hit) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return hit
    }
    const bytes = render()
    // Too large for the budget: keeping it would first evict everything else, then it too.
    if (bytes.byteLength <= this.maxBytes) {
      this.#entries.set(key, bytes)
      this.#bytes += bytes.byteLength
      this.#evict()
    }
    return bytes
  }

  has(key: string): boolean {
    return this.#entries.has(key)
  }

  /** Forgets every entry whose key starts with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const [key, bytes] of this.#entries) {
      if (key.startsWith(prefix)) {
        this.#entries.delete(key)
        this.#bytes -= bytes.byteLength
      }
    }
  }

  clear(): void {
    this.#entries.clear()
    this.#bytes = 0
  }

  /** Entries and total bytes held now. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes }
  }

  #evict(): void {
    for (const [key, bytes] of this.#entries) {
      if (this.#bytes <= this.maxBytes && this.#entries.size <= this.maxEntries) {
        return
      }
      this.#entries.delete(key)
      this.#bytes -= bytes.byteLength
    }
  }
}
