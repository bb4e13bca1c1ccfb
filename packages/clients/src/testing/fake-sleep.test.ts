import { describe, expect, it } from 'vitest'
import { poll } from '../core/poll.js'
import { createOmnigageClient, type ImportContact } from '../omnigage/client.js'
import { waitForImport } from '../omnigage/import-flow.js'
import { fakeFetch, json } from './fake-fetch.js'
import { instantSleep, instantSleepLimit } from './fake-sleep.js'

// A loop on an instant sleep never yields to a timer, so vitest's timeout could not stop it: the
// worker would run out of memory and the report would name no test. These show the bound failing
// the test that loops instead, with a message that says why.
describe('an instant sleep ends a loop that never ends', () => {
  it('rejects a poll whose check never says done, saying the loop never ends', async () => {
    const { sleep, waits } = instantSleep()
    let checks = 0
    const never = poll(
      async () => {
        checks++
        return { done: false }
      },
      { sleep },
    )
    await expect(never).rejects.toThrow(
      `The fake sleep was asked to wait ${instantSleepLimit + 1} times, past its limit of ${instantSleepLimit}: a poll or retry loop never ends.`,
    )
    expect(waits).toHaveLength(instantSleepLimit)
    expect(checks).toBe(instantSleepLimit + 1)
  })

  it('fails an Omnigage import that stays queued forever instead of hanging the worker', async () => {
    const { sleep } = instantSleep({ limit: 50 })
    const queued = { type: 'import-contacts', id: 'imp-1', attributes: { status: 'queued' } } as ImportContact
    const fake = fakeFetch(() => json(200, { data: queued }))
    const client = createOmnigageClient({ tokenKey: 'key', tokenSecret: 'secret', fetch: fake.fetch })
    await expect(waitForImport(client, queued, { sleep })).rejects.toThrow(
      'past its limit of 50: a poll or retry loop never ends',
    )
    expect(fake.requests).toHaveLength(50)
  })

  it('waits at once, hands each wait to onWait first, and records it', async () => {
    const seen: number[] = []
    const { sleep, waits } = instantSleep({ onWait: (ms) => seen.push(ms) })
    await sleep(1000)
    await sleep(250)
    expect(seen).toEqual([1000, 250])
    expect(waits).toEqual([1000, 250])
  })

  it('allows exactly its limit of waits', async () => {
    const { sleep, waits } = instantSleep({ limit: 2 })
    await sleep(1)
    await sleep(1)
    await expect(sleep(1)).rejects.toThrow('asked to wait 3 times, past its limit of 2')
    expect(waits).toEqual([1, 1])
  })
})
