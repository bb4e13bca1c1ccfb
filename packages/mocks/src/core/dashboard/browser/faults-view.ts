import type { FaultRule, FaultRuleInput } from '../../faults.js'
import { type Child, el, pill, replace } from './dom.js'
import { faultRuleOf } from './format.js'

/**
 * Draws the fault rules: what each matches, what it does, how often it has, and a Remove button
 * that calls `remove` with its id.
 *
 * @example
 * renderFaults(answer.faults, (id) => api('DELETE', `faults/${encodeURIComponent(id)}`).then(refresh))
 */
export function renderFaults(faults: FaultRule[], remove: (id: string) => void): void {
  if (faults.length === 0) {
    replace('faults-body', el('div', { class: 'empty', text: 'No fault rules: every request reaches the simulator.' }))
    return
  }
  replace(
    'faults-body',
    el(
      'table',
      { class: 'faults' },
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          ['rule', 'match', 'does', 'hits', ''].map((heading) => el('th', { text: heading })),
        ),
      ),
      el(
        'tbody',
        null,
        faults.map((rule) =>
          el(
            'tr',
            null,
            el('td', { class: 'mono', text: rule.id }),
            el('td', { class: 'mono', text: `${rule.method || 'ANY'} ${rule.path}` }),
            el('td', null, effects(rule)),
            el('td', { class: 'mono', text: String(rule.hits) }),
            el(
              'td',
              null,
              el(
                'button',
                { class: 'small danger', type: 'button', title: `Remove ${rule.id}`, onclick: () => remove(rule.id) },
                'Remove',
              ),
            ),
          ),
        ),
      ),
    ),
  )
}

function effects(rule: FaultRule): Child[] {
  const does: Child[] = []
  if (rule.status !== undefined) {
    does.push(pill('bad', String(rule.status)))
  }
  if (rule.delayMs) {
    does.push(` ${rule.delayMs} ms`)
  }
  if (rule.probability !== undefined) {
    does.push(` p=${rule.probability}`)
  }
  if (rule.times !== undefined) {
    does.push(` ×${rule.times}`)
  }
  return does
}

/**
 * The rule the fault form describes.
 *
 * @example
 * api('POST', 'faults', readFaultForm(event.target as HTMLFormElement))
 */
export function readFaultForm(form: HTMLFormElement): FaultRuleInput {
  const value = (name: string) => {
    const field = form.elements.namedItem(name)
    return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : ''
  }
  return faultRuleOf({
    method: value('method'),
    path: value('path'),
    status: value('status'),
    delayMs: value('delayMs'),
    times: value('times'),
    probability: value('probability'),
  })
}
