import type { HeaderRule } from '../core/fidelity.js'
import type { Difference } from './findings.js'
import { headerValue } from './har.js'

export type { HeaderRule }

/** The headers every vendor's answers are compared on; a vendor adds its own. */
export const defaultHeaderRules: Readonly<Record<string, HeaderRule>> = {
  'content-type': 'media-type',
  'cache-control': 'directives',
  pragma: 'value',
  expires: 'presence',
  etag: 'presence',
  'last-modified': 'presence',
  location: 'presence',
  'www-authenticate': 'scheme',
  'retry-after': 'presence',
}

/**
 * Compares the headers the rules name. A recording whose answer carries `_partialHeaders: true`
 * (a documented example that shows only some headers) is compared only on the headers it has.
 *
 * @example
 * compareHeaders([['content-type', 'application/json']], [['content-type', 'application/xml']], defaultHeaderRules, false)
 * // [{ kind: 'header', path: 'header.content-type', recorded: 'application/json', simulated: 'application/xml' }]
 */
export function compareHeaders(
  recorded: [string, string][],
  simulated: [string, string][],
  rules: Readonly<Record<string, HeaderRule>>,
  partial: boolean,
): Difference[] {
  const differences: Difference[] = []
  for (const [name, rule] of Object.entries(rules)) {
    const recordedValue = headerValue(recorded, name)
    const simulatedValue = headerValue(simulated, name)
    if (recordedValue === undefined && (partial || simulatedValue === undefined)) {
      continue
    }
    const path = `header.${name}`
    if (recordedValue === undefined || simulatedValue === undefined) {
      differences.push({
        kind: 'header',
        path,
        recorded: recordedValue === undefined ? 'missing' : 'present',
        simulated: simulatedValue === undefined ? 'missing' : 'present',
      })
      continue
    }
    const recordedForm = comparable(recordedValue, rule)
    const simulatedForm = comparable(simulatedValue, rule)
    if (recordedForm !== simulatedForm) {
      differences.push({ kind: 'header', path, recorded: recordedForm, simulated: simulatedForm })
    }
  }
  return differences
}

function comparable(value: string, rule: HeaderRule): string {
  switch (rule) {
    case 'media-type': {
      const [type = '', ...parameters] = value.split(';').map((part) => part.trim().toLowerCase())
      const charset = parameters.find((parameter) => parameter.startsWith('charset='))
      return charset ? `${type}; ${charset.replace(/"/g, '')}` : type
    }
    case 'directives':
      return value
        .split(',')
        .map((part) => part.trim().toLowerCase())
        .filter(Boolean)
        .sort()
        .join(', ')
    case 'scheme':
      return value.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
    case 'presence':
      return 'present'
    default:
      return value.trim()
  }
}
