import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createSimulatorSet } from '../core/simulator-set.js'
import { vendors } from '../vendors.js'
import { compareRecordings } from './compare-recordings.js'
import { cloudspongeAuth } from './testing/flows.js'
import { inProcessRecorder } from './testing/in-process-recorder.js'

/**
 * A CloudSponge import whose upstream clock moves only through recorded `POST /__admin/clock`
 * calls, every entry stamped with one wall-clock time, as a proxy in front of a manual clock does.
 */
async function importMovedByAdminCalls() {
  const set = createSimulatorSet(vendors, { clock: manualClock('2026-03-02T10:00:00Z'), only: ['cloudsponge'] })
  const app = set.get('cloudsponge').app
  const recorder = inProcessRecorder(manualClock('2026-12-06T07:00:00Z'), [cloudspongeAuth.slice(6)])
  const send = (request: Request) => app.fetch(request)
  const base = 'http://127.0.0.1:4110'
  const begin = await recorder.send(send, `${base}/begin_import/import.json`, {
    method: 'POST',
    headers: { authorization: cloudspongeAuth, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'service=icloud&username=foo&password=bar',
  })
  const { import_id: importId } = (await begin.clone().json()) as { import_id: number }
  const move = (body: object) =>
    recorder.send(send, `${base}/__admin/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  await move({ advanceMs: 10_000 })
  await recorder.send(send, `${base}/events/${importId}.json`, { headers: { authorization: cloudspongeAuth } })
  await move({ now: '2026-03-02T11:00:00Z' })
  await recorder.send(send, `${base}/contacts/${importId}.json`, { headers: { authorization: cloudspongeAuth } })
  return recorder.har()
}

describe('recorded clock moves', () => {
  it('move the replay clock as they moved the upstream, and are not compared', async () => {
    const har = await importMovedByAdminCalls()
    const report = await compareRecordings('cloudsponge', [{ name: 'moved.har', har }])
    expect(report.drift).toEqual([])
    expect(report.exchanges).toBe(3)
    expect(report.operations.map((row) => row.operationId)).toEqual([
      'beginImportFormatted',
      'getEventsFormatted',
      'getContactsFormatted',
    ])
  })

  it('are what brings the replay to the recorded state: without them the import is still running', async () => {
    const har = await importMovedByAdminCalls()
    har.log.entries = har.log.entries.filter((entry) => !entry.request.url.endsWith('/__admin/clock'))
    const report = await compareRecordings('cloudsponge', [{ name: 'unmoved.har', har }])
    expect(report.drift.length).toBeGreaterThan(0)
  })

  it('leave other admin calls bad input', async () => {
    const har = await importMovedByAdminCalls()
    const clock = har.log.entries.find((entry) => entry.request.url.endsWith('/__admin/clock'))
    if (clock) {
      clock.request.url = clock.request.url.replace('/__admin/clock', '/__admin/reset')
    }
    await expect(compareRecordings('cloudsponge', [{ name: 'reset.har', har }])).rejects.toThrow(
      /POST \/__admin\/reset is not an operation/,
    )
  })
})
