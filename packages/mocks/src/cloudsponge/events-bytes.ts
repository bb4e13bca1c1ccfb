import { BoundedMemo } from '../core/kit/memo.js'
import type { ImportRecord, Progress } from './imports.js'
import { eventsBody, type Format } from './wire-format.js'

// Answers kept per complete import: its formats and the echoes clients sent (a new echo past
// these starts the memo again, see BoundedMemo).
const answersPerImport = 8
const encoder = new TextEncoder()
// By the import's progress: a complete import's is one frozen object, the same on every request
// until the import is deleted (ImportStore.progress remembers it), and let go with it.
const answers = new WeakMap<Progress, BoundedMemo<string, Uint8Array<ArrayBuffer>>>()

/**
 * The events answer, as `eventsBody` writes it. A complete import's events no longer change, so
 * its answer is written and encoded once per format, echo and user id, then served as the same
 * bytes: clients poll the events of an import until it completes, and often after. An import still
 * in progress is written on every request (its events move with the clock).
 *
 * @example
 * return respond(c, format, eventsAnswer(format, record, store.progress(record), echo))
 */
export function eventsAnswer(
  format: Format,
  record: ImportRecord,
  progress: Progress,
  echo: string | null | undefined,
): string | Uint8Array<ArrayBuffer> {
  if (progress.phase !== 'complete' || !Object.isFrozen(progress)) {
    return eventsBody(format, record, progress, echo)
  }
  let byRequest = answers.get(progress)
  if (byRequest === undefined) {
    byRequest = new BoundedMemo(answersPerImport)
    answers.set(progress, byRequest)
  }
  // Everything the answer is written from besides the progress: the record's ids, which it names.
  const key = `${format} ${record.id} ${record.userId} ${echo === undefined ? 'u' : echo === null ? 'n' : `s${echo}`}`
  return byRequest.remember(key, () => encoder.encode(eventsBody(format, record, progress, echo)))
}
