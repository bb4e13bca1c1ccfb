import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createOmnigageSimulator } from './index.js'
import { sandboxToken } from './testing/harness.js'

const headers = { Authorization: `Basic ${btoa(sandboxToken)}`, 'Content-Type': 'application/json' }

// Without a set, the upload forms point at an S3 simulator of the Omnigage simulator's own making.
describe('a lone Omnigage simulator', () => {
  it('makes one S3 simulator of its own, on its clock, which takes the file an upload form names', async () => {
    // Months before the real date: an S3 on another clock would find the form's policy expired.
    const sim = createOmnigageSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
    const content = 'First Name,Phone\nAnn,+14155550100\n'
    const created = await sim.app.request('/api/v1/uploads', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'people.csv', type: 'text/csv', size: content.length }),
    })
    const { id, attributes } = (await created.json()).data
    const form = new FormData()
    for (const entry of attributes['request-form-data'] as Record<string, string>[]) {
      for (const [field, value] of Object.entries(entry)) {
        form.append(field, value)
      }
    }
    form.append('Content-Type', 'text/csv')
    form.append('file', new File([content], 'people.csv', { type: 'text/csv' }))
    expect(sim.s3).toBe(sim.s3)
    const posted = await sim.s3.app.request(new URL(attributes['request-url']).pathname, {
      method: 'POST',
      body: form,
      headers: { 'x-amz-server-side-encryption': 'AES256' },
    })
    expect(posted.status).toBe(204)
    const imported = await sim.app.request('/api/v1/import-contacts', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        data: { type: 'import-contacts', relationships: { upload: { data: { type: 'uploads', id } } } },
      }),
    })
    expect(imported.status).toBe(201)
  })
})
