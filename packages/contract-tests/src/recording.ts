import { join } from 'node:path'
import { HarFile, type RecordingFetch, recordingFetch } from '@contactkit/mocks/node'

/** Where one contract suite records its exchanges, when asked to. */
export interface SuiteRecording {
  /** The HAR file. */
  path: string
  /** A fetch that records every exchange into it. */
  fetch: RecordingFetch
  /** Waits for exchanges still being written, then closes the file. */
  close(): Promise<void>
}

/**
 * The recording of one suite when `CONTACTKIT_RECORD` names a directory: a HAR 1.2 file
 * `<dir>/<suite>-<timestamp>.har`, every secret replaced by a `<secret:N>` placeholder as the
 * `contactkit-mocks record` proxy does. Undefined when the variable is not set.
 *
 * @example
 * const recording = suiteRecording(`aurinko-${choice.name}`)
 * const conformance = conformanceRecorder(aurinkoDocument, target.baseUrl, decodeJson, { recording })
 * afterAll(() => recording?.close())
 */
export function suiteRecording(suite: string, env: NodeJS.ProcessEnv = process.env): SuiteRecording | undefined {
  const directory = env.CONTACTKIT_RECORD
  if (!directory) {
    return undefined
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const har = new HarFile(join(directory, `${suite}-${stamp}.har`), {
    creator: { name: '@contactkit/contract-tests', version: '1' },
    comment: `The ${suite} contract suite`,
  })
  const fetch = recordingFetch(har)
  return {
    path: har.path,
    fetch,
    async close() {
      await fetch.flush()
      har.close()
    },
  }
}
