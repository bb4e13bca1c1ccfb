import { finalAnswers } from '../core/kit/final-answers.js'
import type { ImportRecord, Progress } from './imports.js'
import { eventsBody, type Format } from './wire-format.js'

// By the import's progress: a complete import's is one frozen object, the same on every request
// until the import is deleted (ImportStore.progress remembers it), and let go with it. Up to 8
// answers each: its formats and the echoes clients sent.
const answers = finalAnswers<Progress>(8)

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
  // Everything the answer is written from besides the progress: the record's ids, which it names.
  const key = `${format} ${record.id} ${record.userId} ${echo === undefined ? 'u' : echo === null ? 'n' : `s${echo}`}`
  return answers(progress, key, () => eventsBody(format, record, progress, echo))
}
