import { BoundedMemo } from './memo.js'

const encoder = new TextEncoder()

/** Answers an owner keeps: `answer(owner, key, write)`, written and encoded once per key. */
export type FinalAnswers<Owner extends object> = (
  owner: Owner,
  key: string,
  write: () => string,
) => Uint8Array<ArrayBuffer>

/**
 * Answers of resources that no longer change (a complete import's events, a finished import),
 * written and encoded once per owner and key, then served as the same bytes: clients poll such a
 * resource until it is final, and often after. The owner is a state object that exists only while
 * the resource stays final (a frozen progress, a result set once), so its answers are let go with
 * it; each owner keeps at most `perOwner` keys (a key past them starts its memo again). The key
 * must name everything the answer is written from besides the owner.
 *
 * @example
 * const answers = finalAnswers<ImportResult>(8)
 * return answers(job.result, `${membershipId} ${origin}`, () => JSON.stringify(document))
 */
export function finalAnswers<Owner extends object>(perOwner: number): FinalAnswers<Owner> {
  const byOwner = new WeakMap<Owner, BoundedMemo<string, Uint8Array<ArrayBuffer>>>()
  return (owner, key, write) => {
    let answers = byOwner.get(owner)
    if (answers === undefined) {
      answers = new BoundedMemo(perOwner)
      byOwner.set(owner, answers)
    }
    return answers.remember(key, () => encoder.encode(write()))
  }
}
