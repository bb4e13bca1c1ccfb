import { BoundedMemo } from './kit/memo.js'

/**
 * Path globs for fault rules and body limits: `*` is any characters within one segment, `**` is
 * anything, across segments. Checked when given, so a typo is a clear 400 and not a rule that
 * never matches.
 */
const compiled = new BoundedMemo<string, RegExp>(1000)

/**
 * Why a glob cannot be used, or undefined when it can.
 *
 * @example
 * globProblem('/events/*') // undefined
 * globProblem('events') // 'must be a string starting with "/"…'
 */
export function globProblem(glob: unknown): string | undefined {
  if (typeof glob !== 'string' || !glob.startsWith('/')) {
    return `must be a string starting with "/", such as "/events/*" or "/contacts/**", not ${JSON.stringify(glob) ?? 'nothing'}`
  }
  if (glob.length > 1024) {
    return 'must be at most 1,024 characters long'
  }
  if (/\*{3,}/.test(glob)) {
    return `has three or more "*" in a row ("${glob}"); use "*" for one segment or "**" for any depth`
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
  if (/[\s\u0000-\u001f?#]/.test(glob)) {
    return `has a space, a control character, "?" or "#" ("${glob}"); a glob matches the path alone, without the query`
  }
  return undefined
}

/**
 * A RegExp that matches whole paths, cached per glob.
 *
 * @example
 * globToRegExp('/contacts/**').test('/contacts/1126.json') // true
 */
export function globToRegExp(glob: string): RegExp {
  return compiled.remember(glob, compileGlob)
}

function compileGlob(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`)
}
