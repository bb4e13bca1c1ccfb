/** One page: its items and how to ask for the next, or undefined after the last. */
export interface Page<T, Cursor> {
  items: T[]
  next: Cursor | undefined
}

/**
 * Turns a page fetcher into a `for await` stream of items, fetching each page only when the
 * previous one is used up.
 *
 * @example
 * for await (const contact of paginate((start = 0) => fetchPage(start))) {
 *   console.log(contact.first_name)
 * }
 */
export async function* paginate<T, Cursor>(
  fetchPage: (cursor: Cursor | undefined) => Promise<Page<T, Cursor>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: Cursor | undefined
  do {
    const page = await fetchPage(cursor)
    yield* page.items
    cursor = page.next
  } while (cursor !== undefined)
}
