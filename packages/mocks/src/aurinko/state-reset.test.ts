import { describe, expect, it } from 'vitest'
import { ByteCache } from '../core/byte-cache.js'
import { manualClock } from '../core/clock.js'
import { AccountStore } from './accounts.js'
import { createAurinkoState } from './state.js'
import { defaultSyncTiming, SyncService } from './sync.js'
import { SyncTokens } from './sync-tokens.js'
import { sandboxAccount, sandboxApp } from './tenants.js'

describe('the Aurinko state’s reset', () => {
  it('lets go of the bytes kept of every contact read, which no account after it can ask for', () => {
    const clock = manualClock()
    const contactBytes = new ByteCache()
    const state = createAurinkoState({
      clock,
      accounts: new AccountStore(clock, 1, [sandboxApp], [sandboxAccount]),
      sync: new SyncService(clock, defaultSyncTiming, new SyncTokens()),
      contactBytes,
      ifMatch: 'lenient',
    })
    contactBytes.get('1:c1_0:0000000', () => new TextEncoder().encode('{"id":"c1_0"}'))
    expect(contactBytes.stats.entries).toBe(1)
    state.reset()
    expect(contactBytes.stats).toEqual({ entries: 0, bytes: 0 })
  })
})
