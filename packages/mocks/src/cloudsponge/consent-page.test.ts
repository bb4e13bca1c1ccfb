import { describe, expect, it } from 'vitest'
import { manualClock } from '../core/clock.js'
import { createCloudSpongeSimulator } from './index.js'
import { documentedTenant } from './tenants.js'

const auth = { Authorization: `Basic ${btoa(`${documentedTenant.domainKey}:${documentedTenant.domainPassword}`)}` }

/** The page frame every consent page shares, around its title and body. */
const page = (title: string, body: string) =>
  [
    '<!doctype html>',
    '    <html lang="en">',
    '      <head>',
    '        <meta charset="utf-8" />',
    `        <title>${title}</title>`,
    '        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto}button{margin:.5rem}</style>',
    '      </head>',
    '      <body>',
    `        <h1>${title}</h1>`,
    `        ${body}`,
    '        <p><small>CloudSponge simulator (contactkit)</small></p>',
    '      </body>',
    '    </html>',
  ].join('\n')

/** A consent import (with the form fields given) and its page's path. */
async function consent(fields: Record<string, string> = { service: 'gmail' }) {
  const sim = createCloudSpongeSimulator({ clock: manualClock('2026-03-01T12:00:00Z') })
  const begun = await sim.app.request('/begin_import/user_consent.json', {
    method: 'POST',
    headers: auth,
    body: new URLSearchParams(fields),
  })
  const { url, import_id } = (await begun.json()) as { url: string; import_id: number }
  const path = new URL(url).pathname
  const answer = (body: BodyInit, headers: Record<string, string> = {}) =>
    sim.app.request(path, { method: 'POST', body, headers })
  const total = async () => {
    sim.clock.advance(4000)
    const contacts = await sim.app.request(`/contacts/${import_id}`, { headers: auth })
    return ((await contacts.json()) as { total?: number }).total
  }
  return { sim, path, answer, total, importId: import_id }
}

describe('the consent page', () => {
  it('asks the user in a page of its own, as HTML', async () => {
    const { sim, path } = await consent()
    const shown = await sim.app.request(path)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    expect(await shown.text()).toBe(
      page(
        'Share your GMAIL contacts?',
        [
          '<p>An application asks to read the address book of your GMAIL account (import 1126).</p>',
          '            <form method="post">',
          '              <label>Account <input name="username" value="foo" autocomplete="off" /></label>',
          '              <button type="submit" name="decision" value="approve" id="approve">Allow</button>',
          '              <button type="submit" name="decision" value="deny" id="deny">Deny</button>',
          '            </form>',
        ].join('\n'),
      ),
    )
  })

  it('answers an unknown link with 404 on GET and POST alike', async () => {
    const { sim } = await consent()
    const notFound = page('Link not found', '<p>This consent link is unknown or has expired.</p>')
    for (const response of [
      await sim.app.request('/n/ZZZZZZZ'),
      await sim.app.request('/csv/ZZZZZZZ', { method: 'POST', body: new URLSearchParams({ decision: 'approve' }) }),
    ]) {
      expect(response.status).toBe(404)
      expect(await response.text()).toBe(notFound)
    }
  })

  it('thanks the user without a redirect_url, and tells them whether access was granted', async () => {
    const approved = await consent()
    const granted = await approved.answer(new URLSearchParams({ decision: 'approve' }))
    expect(granted.status).toBe(200)
    expect(await granted.text()).toBe(page('Access granted', '<p>You can close this window.</p>'))
    const denied = await consent()
    expect(await (await denied.answer(new URLSearchParams({ decision: 'deny' }))).text()).toBe(
      page('Access denied', '<p>You can close this window.</p>'),
    )
  })

  it('sends the browser to redirect_url once the user has answered, either way', async () => {
    for (const decision of ['approve', 'deny']) {
      const { answer } = await consent({ service: 'gmail', redirect_url: 'https://app.example.com/back?x=1' })
      const answered = await answer(new URLSearchParams({ decision }))
      expect(answered.status).toBe(302)
      expect(answered.headers.get('location')).toBe('https://app.example.com/back?x=1')
    }
  })

  it('shows an answered link as answered, with 409', async () => {
    const { sim, path, answer } = await consent()
    await answer(new URLSearchParams({ decision: 'approve' }))
    const shown = await sim.app.request(path)
    expect(shown.status).toBe(409)
    expect(await shown.text()).toBe(page('Already answered', '<p>You already approved this request.</p>'))
    const again = await answer(new URLSearchParams({ decision: 'deny' }))
    expect(again.status).toBe(409)
    expect(await again.text()).toBe(page('Already answered', '<p>Import 1126 was already approved.</p>'))
  })

  it('asks for an answer when the form has none, or one it does not know, and keeps waiting', async () => {
    const { answer, total } = await consent()
    const choose = page('Choose an answer', '<p>Send decision=approve or decision=deny.</p>')
    for (const body of [new URLSearchParams({}), new URLSearchParams({ decision: 'approved' })]) {
      const refused = await answer(body)
      expect(refused.status).toBe(400)
      expect(await refused.text()).toBe(choose)
    }
    for (const json of ['"approve"', 'null', '[]']) {
      const refused = await answer(json, { 'Content-Type': 'application/json' })
      expect(refused.status, json).toBe(400)
      expect(await refused.text()).toBe(choose)
    }
    const both = await answer('decision=approve&decision=deny', {
      'Content-Type': 'application/x-www-form-urlencoded',
    })
    expect(await both.text()).toBe(
      page('Choose one answer', '<p>The form carried more than one answer; send either Allow or Deny.</p>'),
    )
    const broken = await answer('{', { 'Content-Type': 'application/json' })
    expect(broken.status).toBe(400)
    expect(await broken.text()).toMatch(
      /<title>Unreadable answer<\/title>[\s\S]*<p>The form could not be read: the body is not valid JSON \(/,
    )
    expect(await total()).toBeUndefined()
  })

  it('takes the answer as JSON too', async () => {
    const { answer, total } = await consent()
    const answered = await answer(JSON.stringify({ decision: 'approve', username: 'contacts-3' }), {
      'Content-Type': 'application/json',
    })
    expect(answered.status).toBe(200)
    expect(await total()).toBe(3)
  })

  it('signs in as the documented account when the form carries the username twice', async () => {
    const { answer, total } = await consent()
    await answer('decision=approve&username=contacts-3&username=contacts-4', {
      'Content-Type': 'application/x-www-form-urlencoded',
    })
    expect(await total()).toBe(2)
  })

  it('is served at /n/ and /csv/ alike for any consent code', async () => {
    const { sim, path } = await consent()
    const code = path.split('/').at(-1)
    expect((await sim.app.request(`/csv/${code}`)).status).toBe(200)
  })
})
