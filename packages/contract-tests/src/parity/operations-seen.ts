import { type OpenApiDocument, openApiDocument, vendors } from '@contactkit/specs'

// Operations whose answers a conformance check saw in this test file, by spec. One module per test
// file (vitest isolates files), so this is what the file covers.
const seen = new Map<string, Set<string>>()

/**
 * Notes that a test received an answer of an operation; the parity table lists which contract
 * suites cover which operations from these notes.
 *
 * @example
 * noteOperation(aurinkoDocument, 'createContact')
 */
export function noteOperation(document: OpenApiDocument, operationId: string): void {
  const vendor = vendors.find((name) => openApiDocument(name) === document) ?? document.info.title
  let operations = seen.get(vendor)
  if (!operations) {
    operations = new Set()
    seen.set(vendor, operations)
  }
  operations.add(operationId)
}

/**
 * The operations noted so far, by vendor, sorted.
 *
 * @example
 * operationsSeen() // { aurinko: ['contSyncStart', 'createContact', …] }
 */
export function operationsSeen(): Record<string, string[]> {
  return Object.fromEntries(
    [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([vendor, operations]) => [vendor, [...operations].sort()]),
  )
}
