import { describe, expect, it } from 'vitest'
import { IdSource } from './ids.js'
import { omnigageHarness } from './testing/harness.js'

/** The longest run of characters two ids share, anywhere in each. */
function sharedRun(a: string, b: string): number {
  let longest = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let length = 0
      while (i + length < a.length && j + length < b.length && a[i + length] === b[j + length]) {
        length++
      }
      longest = Math.max(longest, length)
    }
  }
  return longest
}

// Every id is drawn from draws of its own: two ids that shared some would repeat a run of characters.
describe('resource ids', () => {
  it('are the same run to run and release to release for a seed, so fixtures can name them', () => {
    const ids = new IdSource(1)
    expect([ids.next(), ids.hex(), ids.next()]).toEqual([
      'd2YyyJcjSzTV9RGAV5QmJC',
      '069c43a8c3b7cf3c25632b92409d3fb6',
      'Kgxvhvqw84sJtXwiBgx9yB',
    ])
  })

  it('share no run of characters, drawn alone or between upload keys', async () => {
    const { upload, createImport } = omnigageHarness()
    const ids: string[] = []
    for (const name of ['a.csv', 'b.csv', 'c.csv']) {
      const uploaded = await upload(name, 'First Name,Phone\nAnn,+14155550100\n')
      const created = await createImport(uploaded.id)
      ids.push(uploaded.id, created.body.data.id, created.body.data.relationships['original-file'].data.id)
    }
    const source = new IdSource(7)
    ids.push(source.next(), source.next(), source.next())
    expect(new Set(ids).size).toBe(ids.length)
    for (const [index, id] of ids.entries()) {
      for (const other of ids.slice(index + 1)) {
        expect(sharedRun(id, other), `${id} and ${other}`).toBeLessThan(6)
      }
    }
  })
})
