import { describe, expect, it } from 'vitest'
import { importAnswer } from './import-answer.js'
import { omnigageHarness } from './testing/harness.js'

type Harness = ReturnType<typeof omnigageHarness>

describe('an import read again after its clock was set back', () => {
  it('tells each phase as the clock moves through its timeline again', async () => {
    const { importFile, call, finish, clock } = omnigageHarness()
    const created = await importFile('one.csv', 'First Name,Phone\nAda,+14155550100\n')
    const path = `/api/v1/import-contacts/${created.body.data.id}`
    const createdAt = clock.now()
    finish()
    expect((await call('GET', path)).body.data.attributes.status).toBe('completed')
    clock.set(createdAt)
    expect((await call('GET', path)).body.data.attributes.status).toBe('queued')
    // Queued for a second (the default timing), then processing.
    clock.advance(1500)
    expect((await call('GET', path)).body.data.attributes.status).toBe('processing')
  })
})

/** A one-row import of the first account, with that account. */
async function oneImport(importFile: Harness['importFile'], sim: Harness['sim']) {
  const created = await importFile('one.csv', 'First Name,Phone\nAda,+14155550100\n')
  const account = sim.accounts.all()[0]
  const job = account?.imports.get(created.body.data.id)
  if (!account || !job) {
    throw new Error('the import should be in the first account')
  }
  return { account, job }
}

// What makes polling a finished import cheap: its answer is written and encoded once.
describe('importAnswer', () => {
  it('serves a finished import as the same encoded bytes, and writes one in progress anew', async () => {
    const { importFile, call, finish, clock, sim } = omnigageHarness()
    const { account, job } = await oneImport(importFile, sim)
    const answer = () => importAnswer(job, clock.now(), 'http://localhost', account.membershipId)
    expect(typeof answer()).toBe('string')
    finish()
    // A request settles the import, as every request of the account does.
    await call('GET', `/api/v1/import-contacts/${job.id}`)
    const first = answer()
    expect(first).toBeInstanceOf(Uint8Array)
    expect(answer()).toBe(first)
    expect(JSON.parse(new TextDecoder().decode(first as Uint8Array)).data.attributes.status).toBe('completed')
  })
  it('answers an import that ended after the request settled the account’s imports as processing', async () => {
    // A clock that moves on its own (the system clock) can pass the import's end between the
    // request's settling of due imports and its reading of this one: the result is not there yet.
    const { importFile, sim } = omnigageHarness()
    const { account, job } = await oneImport(importFile, sim)
    const answer = importAnswer(job, job.timeline.endsAt, 'http://localhost', account.membershipId)
    expect(typeof answer).toBe('string')
    expect(JSON.parse(answer as string).data.attributes.status).toBe('processing')
  })
})
