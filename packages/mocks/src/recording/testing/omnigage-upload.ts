import { expect } from 'vitest'
import { sandboxTenant } from '../../omnigage/tenants.js'

const jsonType = { 'content-type': 'application/json' }

/**
 * Moves an upstream simulator's clock through a proxy in front of it (`POST /__admin/clock`), so the
 * recording holds the move and nothing sleeps.
 *
 * @example
 * await advanceThrough(proxy.url, 60_000)
 */
export async function advanceThrough(proxyUrl: string, ms: number): Promise<void> {
  const response = await fetch(`${proxyUrl}/__admin/clock`, {
    method: 'POST',
    headers: jsonType,
    body: JSON.stringify({ advanceMs: ms }),
  })
  expect(response.status).toBe(200)
}

/**
 * Omnigage's file import as its client sends it, over HTTP to `omnigageUrl` (a proxy in front of
 * the simulator): create an upload, post the file with the S3 form the upload hands out (to
 * wherever its `request-url` points), create the import, move the clock a minute, read the
 * completed import and its results. Resolves with the form's URL.
 *
 * @example
 * const { requestUrl } = await omnigageUpload(proxy.url)
 */
export async function omnigageUpload(omnigageUrl: string): Promise<{ requestUrl: string }> {
  const auth = {
    authorization: `Basic ${btoa(`${sandboxTenant.tokenKey}:${sandboxTenant.tokenSecret}`)}`,
    'x-account-key': sandboxTenant.accountKey,
  }
  const api = `${omnigageUrl}/api/v1`
  const file = 'First Name,Last Name,Phone Number\nAnn,Archer,+14155550100\nBea,Baker,+14155550101\n'
  const upload = await fetch(`${api}/uploads`, {
    method: 'POST',
    headers: { ...auth, ...jsonType },
    body: JSON.stringify({ name: 'contacts.csv', type: 'text/csv', size: file.length }),
  })
  expect(upload.status).toBe(201)
  const { data } = (await upload.json()) as {
    data: { id: string; attributes: { 'request-url': string; 'request-form-data': Record<string, string>[] } }
  }
  const form = presignedForm(data.attributes['request-form-data'], file)
  const posted = await fetch(data.attributes['request-url'], { method: 'POST', body: form })
  expect(posted.status).toBeLessThan(300)
  const created = await fetch(`${api}/import-contacts`, {
    method: 'POST',
    headers: { ...auth, ...jsonType },
    body: JSON.stringify({
      data: {
        type: 'import-contacts',
        attributes: { status: 'queued', 'unique-primary-phone': true },
        relationships: { upload: { data: { type: 'uploads', id: data.id } } },
      },
    }),
  })
  expect(created.status).toBe(201)
  const importId = ((await created.json()) as { data: { id: string } }).data.id
  await advanceThrough(omnigageUrl, 60_000)
  const done = (await (await fetch(`${api}/import-contacts/${importId}`, { headers: auth })).json()) as {
    data: { attributes: { status: string } }
  }
  expect(done.data.attributes.status).toBe('completed')
  const results = await fetch(`${api}/import-contacts/${importId}/results`, { headers: auth })
  expect(results.status).toBe(200)
  await results.arrayBuffer()
  return { requestUrl: data.attributes['request-url'] }
}

/**
 * The form a browser posts to S3 for an Omnigage upload: every field the upload handed out, in its
 * order, then the file's type and the file itself last, as S3 requires.
 *
 * @example
 * const form = presignedForm(data.attributes['request-form-data'], 'First Name\nAnn\n')
 */
export function presignedForm(fields: Record<string, string>[], file: string): FormData {
  const form = new FormData()
  for (const field of fields) {
    for (const [name, value] of Object.entries(field)) {
      form.append(name, value)
    }
  }
  form.append('Content-Type', 'text/csv')
  form.append('file', new File([file], 'contacts.csv', { type: 'text/csv' }))
  return form
}
