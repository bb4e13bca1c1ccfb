import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Writes the URLs of a running set as one JSON object (`{"cloudsponge":"http://127.0.0.1:4010",…}`),
 * whole or not at all: written beside the target, then renamed over it, so a script polling for
 * the file never reads half of it. Node-only, like `serve()`.
 *
 * @example
 * writeReadyFile('/tmp/mocks.json', { cloudsponge: 'http://127.0.0.1:4010', index: 'http://127.0.0.1:4000' })
 */
export function writeReadyFile(path: string, urls: Readonly<Record<string, string>>): void {
  const partial = `${path}.${process.pid}.partial`
  try {
    writeFileSync(partial, `${JSON.stringify(urls, null, 2)}\n`)
    renameSync(partial, path)
  } finally {
    rmSync(partial, { force: true })
  }
}

/**
 * Removes a ready file if it is there: at start, so a waiting script never reads an earlier run's
 * ports, and at a clean stop.
 *
 * @example
 * removeReadyFile('/tmp/mocks.json')
 */
export function removeReadyFile(path: string): void {
  rmSync(path, { force: true })
}

/**
 * Why a ready file could not be written there, as a sentence, or undefined when it can: checked
 * before any simulator starts, so a typo stops the CLI at once instead of after it serves.
 *
 * @example
 * readyFileProblem('/no/such/dir/ready.json') // 'The ready file … is in /no/such/dir, which is not a folder …'
 */
export function readyFileProblem(path: string): string | undefined {
  const folder = dirname(path)
  const isFolder = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false
  if (!isFolder) {
    return `The ready file ${path} is in ${folder}, which is not a folder that exists; create it or give another --ready-file.`
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    return `The ready file ${path} is a folder; give a file name such as ${path}/contactkit-mocks.json.`
  }
  return undefined
}
