/**
 * Building the page with the DOM, never with HTML strings, so nothing a request carries (a path,
 * a header, a body) can become markup.
 */

/** An attribute value; `on…` attributes take a listener, `text` sets the text, `class` the class. */
export type AttributeValue = string | number | boolean | null | undefined | ((event: Event) => void)

/** What `el` and `replace` accept as content: nodes, text, nothing, or lists of them. */
export type Child = Node | string | number | null | undefined | false | Child[]

/**
 * An element with attributes and children. Absent, null and false attributes are left out; `true`
 * sets an empty one.
 *
 * @example
 * el('button', { class: 'small', type: 'button', onclick: () => copy(text) }, 'Copy')
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, AttributeValue> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue
    }
    if (typeof value === 'function') {
      node.addEventListener(key.slice(2), value)
    } else if (key === 'text') {
      node.textContent = String(value)
    } else if (key === 'class') {
      node.className = String(value)
    } else {
      node.setAttribute(key, value === true ? '' : String(value))
    }
  }
  append(node, children)
  return node
}

/**
 * Appends content to a node: text as text nodes, lists flattened, nothing for null or false.
 *
 * @example
 * append(list, items.map((item) => el('li', { text: item })))
 */
export function append(node: Node, child: Child): void {
  if (child === undefined || child === null || child === false) {
    return
  }
  if (Array.isArray(child)) {
    for (const each of child) {
      append(node, each)
    }
    return
  }
  node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
}

/**
 * The element of the page with an id; the page always has the ids the script names.
 *
 * @example
 * byId('clock-set', HTMLInputElement).value = clock.now
 */
export function byId<E extends HTMLElement = HTMLElement>(id: string, type?: new () => E): E {
  const node = document.getElementById(id)
  if (!node || (type && !(node instanceof type))) {
    throw new Error(`The dashboard page has no ${type?.name ?? 'element'} #${id}.`)
  }
  return node as E
}

/**
 * Replaces the content of the element with an id.
 *
 * @example
 * replace('clock-now', clockText(clock.nowMs))
 */
export function replace(id: string, content: Child): void {
  const node = byId(id)
  node.textContent = ''
  append(node, content)
}

let toastTimer: ReturnType<typeof setTimeout> | undefined

/**
 * Shows a short message at the bottom of the page for a moment and a half.
 *
 * @example
 * toast('Copied to the clipboard')
 */
export function toast(message: string): void {
  const node = byId('toast')
  node.textContent = message
  node.className = 'toast show'
  clearTimeout(toastTimer)
  toastTimer = setTimeout(() => {
    node.className = 'toast'
  }, 1600)
}

/**
 * A pill: a small coloured label.
 *
 * @example
 * pill('ok', 'live')
 */
export function pill(kind: string, text: string): HTMLSpanElement {
  return el('span', { class: `pill ${kind}`, text })
}
