import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

const file = 'First Name,Phone\nBo,+14155550101\n'

/** An account with seeded contacts (three seeds a minute apart), an upload, an import and its files; then a reset. */
async function usedThenReset() {
  const harness = omnigageHarness()
  for (const name of ['Ann', 'Cy', 'Di']) {
    harness.sim.seed({ contacts: [{ 'first-name': name }] })
    harness.clock.advance(60_000)
  }
  const created = await harness.importFile('people.csv', 'First Name,Phone\nEd,+14155550100\nFay,555\n')
  harness.finish()
  const job = (await harness.call('GET', `/api/v1/import-contacts/${created.body.data.id}`)).body.data
  const before = {
    importId: created.body.data.id as string,
    fileIds: [job.relationships['original-file'].data.id, job.relationships['errors-file'].data.id] as string[],
  }
  harness.sim.reset()
  return { ...harness, before }
}

describe('Omnigage reset', () => {
  it('forgets every import, file and contact', async () => {
    const { call, before } = await usedThenReset()
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(0)
    expect((await call('GET', '/api/v1/import-contacts')).body.meta.count).toBe(0)
    expect((await call('GET', `/api/v1/import-contacts/${before.importId}`)).status).toBe(404)
    for (const id of before.fileIds) {
      const answer = await call('GET', `/api/v1/files/${id}`)
      expect(answer.status).toBe(404)
      expect(answer.body.errors[0].detail).toBe(`There is no file "${id}" in this account.`)
    }
  })

  it('forgets every upload: an import of one made before is refused', async () => {
    const harness = omnigageHarness()
    const upload = await harness.upload('people.csv', file)
    harness.sim.reset()
    const answer = await harness.createImport(upload.id)
    expect(answer.status).toBe(404)
    expect(answer.body.errors[0].detail).toBe(
      `There is no upload "${upload.id}" in this account; create one with POST /api/v1/uploads.`,
    )
    expect((harness.sim.inspect() as { accounts: { uploads: unknown[] }[] }).accounts[0]?.uploads).toEqual([])
  })

  it('imports afterwards as a fresh simulator does: the same ids, and each contact its own values and times', async () => {
    const { sim, call, importFile, finish } = await usedThenReset()
    const fresh = omnigageHarness()
    fresh.clock.set(new Date(sim.clock.now()))
    const answers = []
    for (const harness of [{ call, importFile, finish }, fresh]) {
      const created = await harness.importFile('people.csv', file)
      harness.finish()
      const contacts = (await harness.call('GET', '/api/v1/contacts')).body.data
      answers.push({ importId: created.body.data.id, contacts })
    }
    expect(answers[0]).toEqual(answers[1])
    expect(
      answers[0]?.contacts.map((contact: { attributes: Record<string, unknown> }) => contact.attributes['first-name']),
    ).toEqual(['Bo'])
  })
})
