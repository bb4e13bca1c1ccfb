import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { readAcceptFile } from './accept.js'
import { type CompareOptions, compareRecordings, registrationOf } from './compare-recordings.js'
import { CompareInputError } from './errors.js'
import type { CompareReport } from './report.js'

/** Files to compare from: an accept file beside the HAR files. */
export interface CompareFilesOptions extends Omit<CompareOptions, 'accept'> {
  /** Path of an accept file (`{ "accepted": [{ "path", "reason" }] }`). */
  accept?: string
}

/**
 * `compareRecordings` from files: reads each HAR and the accept file, refusing with a
 * `CompareInputError` one that cannot be read or is not JSON.
 *
 * @example
 * import { compareHarFiles } from '@contactkit/mocks/node'
 * const report = await compareHarFiles('aurinko', ['recordings/aurinko/sync.har'], { accept: 'recordings/aurinko.accept.json' })
 */
export async function compareHarFiles(
  vendor: string,
  paths: string[],
  options: CompareFilesOptions = {},
): Promise<CompareReport> {
  registrationOf(vendor)
  const accept =
    options.accept === undefined
      ? undefined
      : readAcceptFile(await readJson(options.accept, 'accept file'), options.accept)
  const recordings = await Promise.all(
    paths.map(async (path) => ({ name: basename(path), har: await readJson(path, 'HAR file') })),
  )
  return compareRecordings(vendor, recordings, { ...options, accept })
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new CompareInputError(
      `Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    )
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new CompareInputError(`${path} is not a ${what}: it is not JSON.`)
  }
}
