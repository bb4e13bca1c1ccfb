import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAurinkoClient } from '@contactkit/clients/aurinko'
import type { Har } from '@contactkit/mocks/node'
import { aurinkoDocument } from '@contactkit/specs/aurinko'
import { describe, expect, it } from 'vitest'
import { aurinkoTargets } from '../src/aurinko/targets.js'
import { conformanceRecorder } from '../src/conformance.js'
import { suiteRecording } from '../src/recording.js'

// CONTACTKIT_RECORD=<dir>: a suite's client calls, through the conformance check, land in one HAR
// per suite with every secret replaced; without the variable nothing is written.

describe('suite recordings', () => {
  it('are off unless CONTACTKIT_RECORD names a directory', () => {
    expect(suiteRecording('aurinko-simulator', {})).toBeUndefined()
  })

  it('record the suite against the simulator target into <dir>/<suite>-<timestamp>.har, redacted', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'contactkit-suite-recording-'))
    const simulatorChoice = aurinkoTargets().find((choice) => choice.name === 'simulator')
    const target = await simulatorChoice?.start()
    if (!target) {
      throw new Error('The Aurinko registry has no simulator target.')
    }
    const recording = suiteRecording('aurinko-simulator', { CONTACTKIT_RECORD: directory })
    try {
      const conformance = conformanceRecorder(aurinkoDocument, target.baseUrl, undefined, { recording })
      const client = createAurinkoClient({
        accessToken: target.accessToken,
        baseUrl: target.baseUrl,
        sleep: target.sleep,
        fetch: conformance.fetch,
      })
      const saved = await client.contacts.create({ name: { givenName: 'Ann', familyName: 'Recorded' } })
      await client.contacts.delete(saved.id)
      expect(conformance.violations).toEqual([])
    } finally {
      await recording?.close()
      await target.close()
    }
    const [file] = readdirSync(directory)
    expect(file).toMatch(/^aurinko-simulator-\d{4}-\d{2}-\d{2}T[\d-]+Z\.har$/)
    const text = readFileSync(join(directory, file ?? ''), 'utf8')
    expect(text).not.toContain(target.accessToken)
    const har: Har = JSON.parse(text)
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries.map((entry) => [entry.request.method, entry.response.status])).toEqual([
      ['POST', 201],
      ['DELETE', 200],
    ])
    expect(har.log.entries[0]?.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer <secret:1>' })
    expect(har.log.entries[1]?.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer <secret:1>' })
  })
})
