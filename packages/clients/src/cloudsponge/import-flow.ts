import { ContactKitError, PollTimeoutError } from '../core/errors.js'
import { poll } from '../core/poll.js'
import type { Sleep } from '../core/sleep.js'
import type {
  BeginImportInput,
  CloudSpongeClient,
  Contact,
  ContactsOwner,
  EventsResponse,
  ImportEvent,
} from './client.js'

/** Where an import stands, as read from its events. */
export interface ImportProgress {
  importId: number
  phase: 'waiting' | 'gathering' | 'complete'
  /** Contacts gathered so far (the GATHERING event's value). */
  gathered: number
  events: ImportEvent[]
}

export interface ImportContactsOptions {
  /**
   * Called with the consent or applet URL: show it to the user. A returned promise is awaited
   * before polling starts; either way the flow then waits for the user's answer.
   */
  onConsentUrl?: (url: string, importId: number) => void | Promise<void>
  /** Called once for each event that is new or changed since the last poll, in order. */
  onEvent?: (event: ImportEvent) => void
  /** Called after every poll of the events. */
  onProgress?: (progress: ImportProgress) => void
  signal?: AbortSignal
  /** Time between polls; never under the vendor's limit of one a second. Default 1 s. */
  pollIntervalMs?: number
  /** Give up with ImportTimeoutError once this long has passed. Default: wait as long as the signal allows. */
  maxWaitMs?: number
  /** Contacts per page while downloading. Default 1,000. */
  pageSize?: number
  /** How to wait between polls; tests pass one that advances a simulated clock. */
  sleep?: Sleep
}

export interface ImportedAddressBook {
  importId: number
  owner: ContactsOwner | null
  contacts: Contact[]
  total: number
  events: ImportEvent[]
}

/** The import ended with an ERROR event (rejected password, denied consent…). */
export class ImportFailedError extends ContactKitError {
  override name = 'ImportFailedError'
  constructor(
    readonly importId: number,
    readonly events: ImportEvent[],
    /** The COMPLETE event's value: the vendor's error code. */
    readonly errorCode: number | undefined,
  ) {
    const failed = events.find((event) => event.status === 'ERROR')
    // The vendor's description may end a sentence itself ("Error!", "foo."): it then gets no full stop of ours.
    const reason = (failed?.description ?? '').replace(/[.\s]+$/, '') || 'no reason given'
    super(
      `Import ${importId} failed at ${failed?.event_type ?? 'an unknown step'}: ${reason}${/[!?]$/.test(reason) ? '' : '.'}`,
    )
  }
}

/** The import did not finish within `maxWaitMs`; a PollTimeoutError, so `maxWaitMs`, `elapsedMs` and `attempts` are on it. */
export class ImportTimeoutError extends PollTimeoutError {
  override name = 'ImportTimeoutError'
}

const minPollIntervalMs = 1000

/**
 * Polls an import's events, at most once a second, until COMPLETE/COMPLETED.
 *
 * @example
 * await waitForImport(cloudsponge, 1126, { onProgress: (p) => console.log(p.phase, p.gathered) })
 */
export async function waitForImport(
  client: CloudSpongeClient,
  importId: number,
  options: ImportContactsOptions = {},
): Promise<EventsResponse> {
  // Events are updated in place, so "new" means a position not seen, or a changed status or value.
  const seen = new Map<number, string>()
  // Polling stops when the import ends either way; an ERROR ending throws after onProgress has seen it.
  const response = await poll<EventsResponse, ImportProgress>(
    async ({ signal }) => {
      const response = await client.getEvents(importId, { signal })
      const events = response.events
      events.forEach((event, index) => {
        const key = `${event.event_type}/${event.status}/${event.value}`
        if (seen.get(index) !== key) {
          seen.set(index, key)
          options.onEvent?.(event)
        }
      })
      const complete = events.some((event) => event.event_type === 'COMPLETE' && event.status === 'COMPLETED')
      const failed = events.some((event) => event.status === 'ERROR')
      const gathering = events.find((event) => event.event_type === 'GATHERING')
      const progress: ImportProgress = {
        importId,
        phase: complete ? 'complete' : gathering ? 'gathering' : 'waiting',
        gathered: gathering?.value ?? 0,
        events,
      }
      return complete || failed ? { done: true, value: response, progress } : { done: false, progress }
    },
    {
      intervalMs: Math.max(minPollIntervalMs, options.pollIntervalMs ?? minPollIntervalMs),
      maxWaitMs: options.maxWaitMs,
      signal: options.signal,
      sleep: options.sleep,
      onProgress: options.onProgress,
      timeoutError: (details) =>
        new ImportTimeoutError(
          `Import ${importId} did not complete within ${details.maxWaitMs} ms; raise maxWaitMs, or check its events for a step that is stuck.`,
          details,
        ),
    },
  )
  const { events } = response
  if (events.some((event) => event.status === 'ERROR')) {
    const completeEvent = events.find((event) => event.event_type === 'COMPLETE')
    throw new ImportFailedError(importId, events, completeEvent?.value)
  }
  return response
}

/**
 * The whole flow: begin, hand over the consent URL if any, wait, then page through every contact.
 *
 * @example
 * const book = await importContacts(cloudsponge, { service: 'gmail' }, { onConsentUrl: (url) => open(url) })
 */
export async function importContacts(
  client: CloudSpongeClient,
  input: BeginImportInput,
  options: ImportContactsOptions = {},
): Promise<ImportedAddressBook> {
  const begun = await client.beginImport(input, { signal: options.signal })
  if (begun.url) {
    await options.onConsentUrl?.(begun.url, begun.import_id)
  }
  const { events } = await client.waitForImport(begun.import_id, options)
  let owner: ContactsOwner | null = null
  let total = 0
  const contacts: Contact[] = []
  for await (const page of client.pages(begun.import_id, { pageSize: options.pageSize, signal: options.signal })) {
    owner = page.contacts_owner ?? null
    total = page.total ?? contacts.length + page.contacts.length
    contacts.push(...page.contacts)
  }
  return { importId: begun.import_id, owner, contacts, total, events }
}
