import type { DashboardProfile } from '../profile.js'
import { copyLine } from './clipboard.js'
import { type Child, el, replace } from './dom.js'
import { exampleCommand } from './format.js'

/**
 * Draws the Connect card: the base URL and credentials to copy, the magic accounts (or the
 * vendor's hints) and its curl examples with this simulator's URL in them.
 *
 * @example
 * renderConnect(config.profile, location.origin)
 */
export function renderConnect(profile: DashboardProfile, baseUrl: string): void {
  const parts: Child[] = [copyLine('base URL', baseUrl)]
  for (const credential of profile.credentials) {
    parts.push(copyLine(credential.label, credential.value))
  }
  if (profile.magicAccounts?.length) {
    parts.push(el('h3', { text: 'Magic accounts' }))
    parts.push(
      el(
        'table',
        null,
        el('thead', null, el('tr', null, el('th', { text: 'send' }), el('th', { text: 'and get' }))),
        el(
          'tbody',
          null,
          profile.magicAccounts.map((account) =>
            el('tr', null, el('td', null, el('code', { text: account.input })), el('td', { text: account.result })),
          ),
        ),
      ),
    )
  } else if (profile.hints?.length) {
    parts.push(
      el(
        'ul',
        { class: 'hint-list' },
        profile.hints.map((hint) => el('li', { text: hint })),
      ),
    )
  }
  if (profile.examples?.length) {
    parts.push(el('h3', { text: 'Try it with curl' }))
    parts.push(
      el(
        'div',
        { class: 'examples' },
        profile.examples.map((example) => [
          el('div', { class: 'example-title', text: example.title }),
          copyLine(null, exampleCommand(example.command, baseUrl)),
        ]),
      ),
    )
  }
  replace('connect-body', parts)
}
