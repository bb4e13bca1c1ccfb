import { Hono } from 'hono'
import { html, raw } from 'hono/html'
import { readBody } from '../core/request-body.js'
import type { ImportStore } from './imports.js'

/**
 * The pages a user sees: the consent page behind a user_consent `url` (`/n/<code>`, or
 * `/csv/<code>` for CSV imports), and the applet placeholder behind a desktop_applet `url`.
 * Approving signs in as the account typed on the page (default `foo`, the documented one) with
 * the same magic usernames as username/password imports; denying ends the import with ERROR.
 *
 * @example
 * app.route('/', consentPages(store))
 */
export function consentPages(store: ImportStore): Hono {
  const pages = new Hono()

  for (const prefix of ['/n', '/csv']) {
    pages.get(`${prefix}/:code`, (c) => {
      const record = store.findByConsentCode(c.req.param('code'))
      if (!record?.consent) {
        return c.html(page('Link not found', html`<p>This consent link is unknown or has expired.</p>`), 404)
      }
      if (record.consent.decision) {
        return c.html(page('Already answered', html`<p>You already ${record.consent.decision} this request.</p>`), 409)
      }
      const service = record.service.code
      return c.html(
        page(
          `Share your ${service} contacts?`,
          html`<p>An application asks to read the address book of your ${service} account (import ${record.id}).</p>
            <form method="post">
              <label>Account <input name="username" value="foo" autocomplete="off" /></label>
              <button type="submit" name="decision" value="approve" id="approve">Allow</button>
              <button type="submit" name="decision" value="deny" id="deny">Deny</button>
            </form>`,
        ),
      )
    })

    pages.post(`${prefix}/:code`, async (c) => {
      const record = store.findByConsentCode(c.req.param('code'))
      if (!record?.consent) {
        return c.html(page('Link not found', html`<p>This consent link is unknown or has expired.</p>`), 404)
      }
      const body = await readBody(c)
      const form = (typeof body.value === 'object' && body.value !== null ? body.value : {}) as Record<string, unknown>
      if (body.problem) {
        return c.html(page('Unreadable answer', html`<p>The form could not be read: ${body.problem}.</p>`), 400)
      }
      if (Array.isArray(form.decision)) {
        return c.html(
          page('Choose one answer', html`<p>The form carried more than one answer; send either Allow or Deny.</p>`),
          400,
        )
      }
      const decision = form.decision === 'approve' ? 'approved' : form.decision === 'deny' ? 'denied' : undefined
      if (!decision) {
        return c.html(page('Choose an answer', html`<p>Send decision=approve or decision=deny.</p>`), 400)
      }
      const refused = store.decide(
        record,
        decision,
        typeof form.username === 'string' ? form.username.trim() : undefined,
      )
      if (refused) {
        return c.html(page('Already answered', html`<p>${refused}</p>`), 409)
      }
      if (record.consent.redirectUrl) {
        return c.redirect(record.consent.redirectUrl, 302)
      }
      return c.html(
        page(decision === 'approved' ? 'Access granted' : 'Access denied', html`<p>You can close this window.</p>`),
      )
    })
  }

  pages.get('/objects/ContactsApplet_signed.jar', (c) =>
    c.text(
      'The contactkit simulator does not run the desktop applet. Answer for the user with ' +
        'POST /__admin/state {"decisions":[{"importId":<id>,"decision":"approved"}]}.\n',
    ),
  )
  return pages
}

function page(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        ${raw('<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto}button{margin:.5rem}</style>')}
      </head>
      <body>
        <h1>${title}</h1>
        ${body}
        <p><small>CloudSponge simulator (contactkit)</small></p>
      </body>
    </html>`
}
