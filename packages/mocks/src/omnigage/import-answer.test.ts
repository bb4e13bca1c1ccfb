import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

// A finished import is written once per origin and member, then served as the same bytes: every
// request must still get its own import, its own origin's links, and a written answer while the
// import is not finished.
describe('a finished import, read again', () => {
  it('answers each import with its own resource, the same text every time', async () => {
    const { importFile, call, finish } = omnigageHarness()
    const first = await importFile('one.csv', 'First Name,Phone\nAda,+14155550100\n')
    const second = await importFile('two.csv', 'First Name,Phone\nBo,+14155550101\nCy,+14155550102\n')
    finish()
    const read = (id: string) => call('GET', `/api/v1/import-contacts/${id}`)
    const done = await read(first.body.data.id)
    expect(done.status).toBe(200)
    expect(done.conformance).toEqual([])
    expect(done.body.data).toMatchObject({
      id: first.body.data.id,
      attributes: { status: 'completed', 'count-total': 1 },
    })
    expect((await read(first.body.data.id)).text).toBe(done.text)
    const other = await read(second.body.data.id)
    expect(other.body.data).toMatchObject({ id: second.body.data.id, attributes: { 'count-total': 2 } })
  })

  it('links each origin it is asked from to itself', async () => {
    const { importFile, call, finish, sim } = omnigageHarness()
    const created = await importFile('one.csv', 'First Name,Phone\nAda,+14155550100\n')
    finish()
    const path = `/api/v1/import-contacts/${created.body.data.id}`
    const results = (answer: { body: { data: { relationships: { results: { links: { related: string } } } } } }) =>
      answer.body.data.relationships.results.links.related
    expect(results(await call('GET', path))).toBe(`http://localhost${path}/results`)
    const elsewhere = await sim.app.request(`http://127.0.0.1:4080${path}`, {
      headers: { Authorization: `Basic ${btoa('omnigage-sandbox-key:omnigage-sandbox-secret')}` },
    })
    expect(results({ body: await elsewhere.json() })).toBe(`http://127.0.0.1:4080${path}/results`)
    expect(results(await call('GET', path))).toBe(`http://localhost${path}/results`)
  })

  it('is written anew while queued or processing, and again when the clock is set back into its timeline', async () => {
    const { importFile, call, finish, clock } = omnigageHarness()
    const created = await importFile('one.csv', 'First Name,Phone\nAda,+14155550100\n')
    const path = `/api/v1/import-contacts/${created.body.data.id}`
    expect((await call('GET', path)).body.data.attributes.status).toBe('queued')
    const createdAt = clock.now()
    finish()
    expect((await call('GET', path)).body.data.attributes.status).toBe('completed')
    clock.set(createdAt)
    expect((await call('GET', path)).body.data.attributes.status).toBe('queued')
    finish()
    expect((await call('GET', path)).body.data.attributes.status).toBe('completed')
  })
})
