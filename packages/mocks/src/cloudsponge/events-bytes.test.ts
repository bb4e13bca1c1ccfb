import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createCloudSpongeSimulator } from './index.js'
import { documentedTenant } from './tenants.js'

// A complete import's events are written once per format and echo, then served as the same bytes:
// each request must still get the answer for its own format, echo and import.
const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

async function completeImports(count: number) {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
  const ids: number[] = []
  for (let index = 0; index < count; index++) {
    const answer = await sim.app.request('/begin_import/import.json', {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ service: 'icloud', username: `contacts-${index + 2}`, password: 'x' }),
    })
    ids.push(((await answer.json()) as { import_id: number }).import_id)
  }
  sim.clock.advance(60_000)
  const text = async (path: string) => {
    const answer = await sim.app.request(path, { headers: auth })
    expect(answer.status).toBe(200)
    return answer.text()
  }
  return { sim, ids, text }
}

describe('the events of a complete import, asked again', () => {
  it('answer each import, format and echo with its own events, the same text every time', async () => {
    const { ids, text } = await completeImports(2)
    const [first, second] = ids as [number, number]
    const json = JSON.parse(await text(`/events/${first}`))
    expect(json.import_id).toBe(first)
    expect(json.events.map((event: { event_type: string }) => event.event_type)).toEqual([
      'INITIALIZING',
      'GATHERING',
      'COMPLETE',
    ])
    expect(json.events[1].value).toBe(2)
    expect('echo' in json).toBe(false)
    expect(await text(`/events/${first}`)).toBe(JSON.stringify(json))
    const other = JSON.parse(await text(`/events/${second}`))
    expect(other.import_id).toBe(second)
    expect(other.events[1].value).toBe(3)
    expect(JSON.parse(await text(`/events/${first}?echo=one`)).echo).toBe('one')
    expect(JSON.parse(await text(`/events/${first}?echo=two`)).echo).toBe('two')
    expect('echo' in JSON.parse(await text(`/events/${first}`))).toBe(false)
    const xml = await text(`/events/${first}.xml`)
    expect(xml).toMatch(/^<\?xml/)
    expect(xml).toContain(`<import-id type="integer">${first}</import-id>`)
    expect(await text(`/events/${first}.xml`)).toBe(xml)
  })

  it('keep answering every echo a client sends, past the few remembered', async () => {
    const { ids, text } = await completeImports(1)
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < 20; index++) {
        expect(JSON.parse(await text(`/events/${ids[0]}?echo=e${index}`)).echo).toBe(`e${index}`)
      }
    }
  })

  it('still answer after the import is deleted, and answer an import reset away as unknown', async () => {
    const { sim, ids, text } = await completeImports(1)
    const before = await text(`/events/${ids[0]}`)
    sim.clock.advance(24 * 60 * 60 * 1000)
    expect(await text(`/events/${ids[0]}`)).toBe(before)
    sim.reset()
    expect((await sim.app.request(`/events/${ids[0]}`, { headers: auth })).status).toBe(404)
  })
})
