/** One request as the simulator saw it, with the answer it gave. */
export interface JournalEntry {
  id: number
  /** Simulator-clock time the request arrived, ISO 8601. */
  at: string
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** The body as text, cut at `bodyPreviewBytes`. */
  body: string
  status: number
  requestId: string | null
  /** The fault rule that answered, if one did. */
  faultId: string | null
}

export interface JournalFilter {
  method?: string
  /** Substring of the path. */
  path?: string
}

/**
 * A bounded request log: the newest `limit` entries, oldest dropped first.
 *
 * @example
 * const journal = new RequestJournal(100)
 * journal.list({ path: '/events' })
 */
export class RequestJournal {
  readonly #entries: JournalEntry[] = []
  #nextId = 1

  constructor(readonly limit = 1000) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Failed to create the request journal: limit ${limit} must be a whole number >= 1.`)
    }
  }

  record(entry: Omit<JournalEntry, 'id'>): JournalEntry {
    const stored = { id: this.#nextId++, ...entry }
    this.#entries.push(stored)
    if (this.#entries.length > this.limit) {
      this.#entries.shift()
    }
    return stored
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase()
    return this.#entries.filter(
      (entry) => (!method || entry.method === method) && (!filter.path || entry.path.includes(filter.path)),
    )
  }

  clear(): void {
    this.#entries.length = 0
  }
}
