import { finalAnswers } from '../core/kit/final-answers.js'
import { importResource } from './documents.js'
import type { ImportJob, ImportResult } from './imports.js'

// By the import's result, set once when it finished and let go with the import. Up to 8 answers
// each: the origins and members that asked for it (rarely more than one).
const answers = finalAnswers<ImportResult>(8)

/**
 * The answer to a GET of an import, `{"data": <import resource>}` as JSON. A finished import no
 * longer changes (its result is set once, its timeline is over), so its answer is written and
 * encoded once per origin and member, then served as the same bytes: clients poll an import until
 * it finishes, and read it again after. An import still queued or processing is written on every
 * request, and so is a finished one whose clock was set back into its timeline.
 *
 * @example
 * return jsonText(c, importAnswer(job, clock.now(), originOf(c, options), account.membershipId))
 */
export function importAnswer(
  job: ImportJob,
  now: number,
  origin: string,
  membershipId: string,
): string | Uint8Array<ArrayBuffer> {
  // Every request of the account settles the imports past their timeline first (`settleDue`), but
  // on a clock that moves, the import may end between that and this reading: still processing.
  const result = job.result
  if (result === undefined || job.timeline.at(now).phase !== 'done') {
    return JSON.stringify({ data: importResource(job, now, origin, membershipId) })
  }
  return answers(result, `${membershipId} ${origin}`, () =>
    JSON.stringify({ data: importResource(job, now, origin, membershipId) }),
  )
}
