import { describe, expect, it } from 'vitest'
import { RowLog } from './row-log.js'

describe('RowLog', () => {
  it('keeps every row status and contact past its first size, erred rows without a contact', () => {
    const rows = new RowLog((slot) => `c${slot}`)
    const statuses = ['created', 'updated', 'skipped', 'erred'] as const
    for (let index = 0; index < 5000; index++) {
      const status = statuses[index % 4] as (typeof statuses)[number]
      rows.push(status, status === 'erred' ? undefined : index)
    }
    expect(rows.length).toBe(5000)
    expect([0, 1, 2, 3, 4999].map((index) => rows.statusAt(index))).toEqual([
      'created',
      'updated',
      'skipped',
      'erred',
      'erred',
    ])
    expect(rows.contactIdAt(4998)).toBe('c4998')
    expect(rows.contactIdAt(4999)).toBeUndefined()
  })
})
