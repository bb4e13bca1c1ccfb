import { el, toast } from './dom.js'

/**
 * Copies text to the clipboard and says so. The Clipboard API needs a secure context (https or
 * localhost); a simulator reached by another host name over http falls back to a hidden textarea.
 *
 * @example
 * copy('curl http://127.0.0.1:4010/events/1126')
 */
export function copy(text: string): void {
  const done = () => toast('Copied to the clipboard')
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => {
      fallbackCopy(text)
      done()
    })
  } else {
    fallbackCopy(text)
    done()
  }
}

function fallbackCopy(text: string): void {
  const area = el('textarea', { style: 'position:fixed;opacity:0' })
  area.value = text
  document.body.appendChild(area)
  area.select()
  try {
    // Deprecated, but the only way without the Clipboard API.
    document.execCommand('copy')
  } catch {
    // Nothing to do: the toast still shows, and the text is on the page to copy by hand.
  }
  area.remove()
}

/**
 * A line of code with a Copy button, optionally named.
 *
 * @example
 * copyLine('base URL', location.origin)
 */
export function copyLine(what: string | null, text: string): HTMLDivElement {
  return el(
    'div',
    { class: 'copyline' },
    what ? el('span', { class: 'what', text: what }) : null,
    el('code', { text }),
    el('button', { class: 'small', type: 'button', title: 'Copy', onclick: () => copy(text) }, 'Copy'),
  )
}
