import { ByteCache } from '../core/byte-cache.js'
import type { Clock } from '../core/clock.js'
import type { Random } from '../core/random.js'
import { timeline } from '../core/timeline.js'
import { type AddressBook, type SeededAccount, type SignIn, signIn } from './address-books.js'
import type { ImportMethod, ServiceInfo } from './services.js'

/** How long each step of an import takes on the simulator clock. */
export interface ImportTiming {
  /** INITIALIZING, from begin (or consent) until gathering starts. Default 1 s. */
  initializeMs: number
  /** GATHERING, until COMPLETE. Default 3 s. */
  gatherMs: number
  /** GATHERING for the magic username `slow`. Default 60 s. */
  slowGatherMs: number
  /** How long the contacts stay after COMPLETE before 410. Default 5 minutes. */
  deleteAfterMs: number
}

export const defaultTiming: ImportTiming = {
  initializeMs: 1000,
  gatherMs: 3000,
  slowGatherMs: 60_000,
  deleteAfterMs: 5 * 60_000,
}

/** Event codes the simulator reports as the COMPLETE event's value on ERROR. */
export const errorCodes = { signInRejected: 1, consentDenied: 2 } as const

export type EventType = 'INITIALIZING' | 'GATHERING' | 'COMPLETE'
export type EventStatus = 'INPROGRESS' | 'COMPLETED' | 'ERROR'

export interface ImportEvent {
  eventType: EventType
  status: EventStatus
  value: number
  description: string | null
  createdAt: number
}

/** Where an import stands, derived from the clock at the moment of asking. */
export type Phase = 'waiting-for-user' | 'initializing' | 'gathering' | 'complete' | 'error' | 'deleted'

export interface Progress {
  phase: Phase
  events: ImportEvent[]
  completedAt: number | null
  deletesAt: number | null
}

export interface Consent {
  code: string
  redirectUrl: string | null
  decision: 'approved' | 'denied' | null
  decidedAt: number | null
}

export interface ImportRecord {
  id: number
  /** The domain key that began it; no other domain may read it. */
  tenant: string
  method: ImportMethod
  service: ServiceInfo
  userId: string | null
  includeMailingAddress: boolean
  createdAt: number
  /** For user_consent and desktop_applet: the user's answer. */
  consent: Consent | null
  /** Known at begin for username/password, at approval for the other methods. */
  outcome: SignIn | null
}

export interface BeginInput {
  tenant: string
  method: ImportMethod
  service: ServiceInfo
  username?: string
  password?: string
  userId: string | null
  includeMailingAddress: boolean
  redirectUrl: string | null
}

export const firstImportId = 1126

/**
 * Every import of one simulator. Progress is never stored: it is computed from the clock each
 * time someone asks, so advancing a manual clock moves every import at once.
 *
 * @example
 * const store = new ImportStore(manualClock(), defaultTiming, seededRandom(1))
 * const record = store.begin({ tenant: 'key', method: 'import', service, username: 'foo', password: 'bar', … })
 * store.progress(record).phase // 'initializing'
 */
export class ImportStore {
  readonly #imports = new Map<number, ImportRecord>()
  readonly #byConsentCode = new Map<string, ImportRecord>()
  #nextId = firstImportId
  readonly #accounts: SeededAccount[] = []
  // Pages of complete imports, by import, format and range: their contacts can no longer change.
  readonly #pages: ByteCache
  // The page served last, so that asking for it again skips building its key and reordering the cache.
  #lastPage: { record: ImportRecord; key: string; bytes: Uint8Array<ArrayBuffer> } | undefined
  // The progress of complete imports, asked for on every contacts page: the same until deletion.
  readonly #complete = new WeakMap<ImportRecord, Progress>()

  constructor(
    private readonly clock: Clock,
    readonly timing: ImportTiming,
    private readonly random: Random,
    // Stryker disable next-line ObjectLiteral,ArithmeticOperator: the cache's size only decides which pages are rendered again, into the same bytes
    pageCache: ByteCache = new ByteCache({ maxBytes: 64 * 1024 * 1024, maxEntries: 256 }),
  ) {
    this.#pages = pageCache
  }

  /** Accounts seeded through the admin API, consulted before the generated ones. */
  get accounts(): readonly SeededAccount[] {
    return this.#accounts
  }

  addAccount(account: SeededAccount): void {
    this.#accounts.push(account)
  }

  begin(input: BeginInput): ImportRecord {
    const usesPassword = input.method === 'import'
    const record: ImportRecord = {
      id: this.#nextId++,
      tenant: input.tenant,
      method: input.method,
      service: input.service,
      userId: input.userId,
      includeMailingAddress: input.includeMailingAddress,
      createdAt: this.clock.now(),
      consent: usesPassword
        ? null
        : { code: this.#newConsentCode(), redirectUrl: input.redirectUrl, decision: null, decidedAt: null },
      outcome: usesPassword
        ? // Stryker disable next-line StringLiteral: begin_import's spec requires a username and password for this method, so the simulator never begins one without
          signIn(input.service.code, input.username ?? '', input.password ?? '', this.#accounts)
        : null,
    }
    this.#imports.set(record.id, record)
    if (record.consent) {
      this.#byConsentCode.set(record.consent.code, record)
    }
    return record
  }

  find(id: number): ImportRecord | undefined {
    return this.#imports.get(id)
  }

  findByConsentCode(code: string): ImportRecord | undefined {
    return this.#byConsentCode.get(code.toUpperCase())
  }

  list(): ImportRecord[] {
    return [...this.#imports.values()]
  }

  /** Why the user cannot answer for this import (a sentence), or undefined when they can. */
  decisionRefusal(record: ImportRecord): string | undefined {
    if (!record.consent) {
      return `Import ${record.id} is a username/password import; it has no consent to give.`
    }
    if (record.consent.decision) {
      return `Import ${record.id} was already ${record.consent.decision}.`
    }
    return undefined
  }

  /**
   * Records the user's answer on the consent page (or the applet). Approving signs in as
   * `username` (default `foo`, the documented account), with the same magic usernames as the
   * username/password method. Returns a sentence when the answer cannot be taken.
   */
  decide(record: ImportRecord, decision: 'approved' | 'denied', username = 'foo'): string | undefined {
    const refused = this.decisionRefusal(record)
    if (refused || !record.consent) {
      return refused
    }
    record.consent.decision = decision
    record.consent.decidedAt = this.clock.now()
    if (decision === 'approved') {
      record.outcome = signIn(record.service.code, username || 'foo', null, this.#accounts)
    }
    return undefined
  }

  progress(record: ImportRecord): Progress {
    const now = this.clock.now()
    // A complete import changes with time alone: until it is deleted, its progress is the same.
    const complete = this.#complete.get(record)
    // Stryker disable next-line BlockStatement: the memo only saves time: bypassing it recomputes the same progress
    if (complete && now >= (complete.completedAt as number) && now < (complete.deletesAt as number)) {
      return complete
    }
    const startedAt = record.consent ? record.consent.decidedAt : record.createdAt
    const event = (
      eventType: EventType,
      status: EventStatus,
      createdAt: number,
      value = 0,
      description: string | null = null,
    ) => ({
      eventType,
      status,
      value,
      description,
      createdAt,
    })
    if (startedAt === null) {
      return {
        phase: 'waiting-for-user',
        events: [event('INITIALIZING', 'INPROGRESS', record.createdAt)],
        completedAt: null,
        deletesAt: null,
      }
    }
    if (record.consent?.decision === 'denied') {
      const reason = 'The user did not give access to their address book.'
      return {
        phase: 'error',
        events: [
          event('INITIALIZING', 'ERROR', record.createdAt, 0, reason),
          event('COMPLETE', 'ERROR', startedAt, errorCodes.consentDenied, reason),
        ],
        completedAt: startedAt,
        deletesAt: null,
      }
    }
    const steps = timeline(startedAt, [
      { phase: 'initializing', durationMs: this.timing.initializeMs },
      {
        phase: 'gathering',
        durationMs:
          record.outcome?.kind === 'book' && record.outcome.slow ? this.timing.slowGatherMs : this.timing.gatherMs,
      },
      { phase: 'complete', durationMs: this.timing.deleteAfterMs },
    ])
    const position = steps.at(now)
    const gatheringAt = steps.startOf('gathering') ?? startedAt
    const initializing = event('INITIALIZING', 'INPROGRESS', record.createdAt)
    if (position.phase === 'initializing' || !record.outcome) {
      return { phase: 'initializing', events: [initializing], completedAt: null, deletesAt: null }
    }
    if (record.outcome.kind === 'rejected') {
      const reason = record.outcome.reason
      return {
        phase: 'error',
        events: [
          { ...initializing, status: 'ERROR', description: reason },
          event('COMPLETE', 'ERROR', gatheringAt, errorCodes.signInRejected, reason),
        ],
        completedAt: gatheringAt,
        deletesAt: null,
      }
    }
    const initialized = { ...initializing, status: 'COMPLETED' as const }
    const total = record.outcome.book.size
    const completedAt = steps.startOf('complete') ?? gatheringAt
    if (position.phase === 'gathering') {
      // The vendor updates progress at most once a second; so does the simulator.
      const wholeSeconds = Math.floor((now - gatheringAt) / 1000) * 1000
      const gathered = Math.floor((total * wholeSeconds) / (completedAt - gatheringAt))
      return {
        phase: 'gathering',
        events: [initialized, event('GATHERING', 'INPROGRESS', gatheringAt, gathered)],
        completedAt: null,
        deletesAt: null,
      }
    }
    const deletesAt = steps.endsAt
    const events = [
      initialized,
      event('GATHERING', 'COMPLETED', gatheringAt, total),
      event('COMPLETE', 'COMPLETED', completedAt),
    ]
    if (position.phase === 'done') {
      // Deleted contacts free their memory; the events stay, as the vendor's do.
      // Stryker disable next-line StringLiteral: frees memory only: forgetting other imports' pages too just renders them again
      this.#pages.deletePrefix(`${record.id}:`)
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: frees memory only: a deleted import's contacts are never served again (410)
      if (this.#lastPage?.record === record) {
        this.#lastPage = undefined
      }
      return { phase: 'deleted', events, completedAt, deletesAt }
    }
    const progress: Progress = Object.freeze({
      phase: 'complete',
      events: Object.freeze(events) as ImportEvent[],
      completedAt,
      deletesAt,
    })
    this.#complete.set(record, progress)
    return progress
  }

  /** The book of a complete import. */
  book(record: ImportRecord): AddressBook | undefined {
    return record.outcome?.kind === 'book' ? record.outcome.book : undefined
  }

  /** A serialized page, made once: `render` runs only on the first request for this key (while it stays cached). */
  page(record: ImportRecord, key: string, render: () => Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
    const last = this.#lastPage
    // Stryker disable next-line BlockStatement: a shortcut: the cache holds the same bytes for this key
    if (last?.record === record && last.key === key) {
      // Asked for again: it is the most recently used already, so the cache needs no reordering.
      return last.bytes
    }
    const bytes = this.#pages.get(`${record.id}:${key}`, render)
    // Stryker disable next-line ObjectLiteral: without it the shortcut above is never taken and the cache answers the same
    this.#lastPage = { record, key, bytes }
    return bytes
  }

  /** Forgets imports; with `accounts`, the seeded accounts too. */
  reset(options: { accounts?: boolean } = {}): void {
    this.#imports.clear()
    this.#byConsentCode.clear()
    this.#pages.clear()
    this.#lastPage = undefined
    this.#nextId = firstImportId
    if (options.accounts) {
      this.#accounts.length = 0
    }
  }

  #newConsentCode(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
    for (;;) {
      let code = ''
      for (let index = 0; index < 7; index++) {
        code += alphabet[Math.floor(this.random.next() * alphabet.length)]
      }
      if (!this.#byConsentCode.has(code)) {
        return code
      }
    }
  }
}
