import { describe, expect, it } from 'vitest'
import { omnigageHarness } from './testing/harness.js'

async function withTwoContacts() {
  const harness = omnigageHarness()
  const seeded = harness.sim.seed({ contacts: [{ 'first-name': 'Ann' }, { 'first-name': 'Bo' }] }) as {
    contacts: string[]
  }
  return { ...harness, ids: seeded.contacts }
}

const deleteBody = (ids: string[]) => ({ data: ids.map((id) => ({ type: 'contacts', id })) })

describe('DELETE /api/v1/contacts', () => {
  it('names the one contact it does not have, deletes nothing, and asks to remove it', async () => {
    const { call, ids } = await withTwoContacts()
    const answer = await call('DELETE', '/api/v1/contacts', { body: deleteBody([ids[0] as string, 'nope']) })
    expect(answer.status).toBe(404)
    expect(answer.conformance).toEqual([])
    expect(answer.body).toEqual({
      errors: [
        {
          detail:
            'There is no contact "nope" in this account; nothing was deleted. Remove it and send the request again.',
          code: 404,
        },
      ],
    })
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(2)
  })

  it('names every contact it does not have, in the order sent, and asks to remove them', async () => {
    const { call, ids } = await withTwoContacts()
    const answer = await call('DELETE', '/api/v1/contacts', { body: deleteBody(['gone1', ids[1] as string, 'gone2']) })
    expect(answer.status).toBe(404)
    expect(answer.body.errors[0].detail).toBe(
      'There is no contact "gone1", "gone2" in this account; nothing was deleted. Remove them and send the request again.',
    )
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(2)
  })

  it('deletes every contact named with 204 and no body', async () => {
    const { call, ids } = await withTwoContacts()
    const answer = await call('DELETE', '/api/v1/contacts', { body: deleteBody(ids) })
    expect(answer.status).toBe(204)
    expect(answer.text).toBe('')
    expect((await call('GET', '/api/v1/contacts')).body.meta.count).toBe(0)
  })
})
