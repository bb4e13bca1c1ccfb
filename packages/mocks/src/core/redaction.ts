/** What the journal shows instead of a secret. */
export const redacted = '[redacted]'

/**
 * What a secret becomes: the journal's `[redacted]` for every secret, or a recording's stable
 * placeholder (`<secret:1>`) from `secretPlaceholders()`. It receives the secret as sent (a form
 * or query value decoded, a JSON string unescaped, a header value without its scheme).
 */
export type SecretReplacer = (secret: string) => string

const toRedacted: SecretReplacer = () => redacted

// Names that carry credentials, as headers, query parameters, form fields, JSON keys or XML
// elements. A header ending in authorization or cookie (X-Authorization, Proxy-Authorization,
// Set-Cookie) is one too. S3 shows the signed policy again in refusals (StringToSign), and its
// access key id sits beside the signature (AWSAccessKeyId).
const secretName =
  /(authorization|cookie)$|pass(word|wd)?|secret|token|signature|credential|api[-_]?key|private[-_]?key|session|access[-_]?key[-_]?id|string[-_]?to[-_]?sign/i

// An S3 POST policy: base64 of a JSON document whose conditions name the credential it is signed with.
const policyName = /^policy$/i

/**
 * Whether a header, parameter or field name holds a secret (`Authorization`, `domain_password`,
 * `X-Amz-Signature`, `access_token`, `client_secret`, `AWSAccessKeyId`…).
 *
 * @example
 * isSecretName('domain_password') // true
 * isSecretName('domain_key') // false: it identifies a domain and is public in web pages
 */
export function isSecretName(name: string): boolean {
  return secretName.test(name)
}

/**
 * A replacer that gives each distinct secret its own placeholder, numbered from 1 in order of
 * first appearance: the same secret is always `<secret:1>`, another one `<secret:2>`. A recording
 * redacted with one replacer still tells the account's own credentials from a wrong one.
 *
 * @example
 * const replace = secretPlaceholders()
 * replace('hunter2') // '<secret:1>'
 * replace('other') // '<secret:2>'
 * replace('hunter2') // '<secret:1>'
 */
export function secretPlaceholders(): SecretReplacer {
  const numbers = new Map<string, number>()
  return (secret) => {
    let number = numbers.get(secret)
    if (number === undefined) {
      number = numbers.size + 1
      numbers.set(secret, number)
    }
    return `<secret:${number}>`
  }
}

/**
 * A copy of a name → value record with secret values replaced.
 *
 * @example
 * redactRecord({ password: 'x', service: 'icloud' }) // { password: '[redacted]', service: 'icloud' }
 */
export function redactRecord(
  record: Record<string, string>,
  replace: SecretReplacer = toRedacted,
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(record)) {
    result[name] = redactValue(name, value, replace)
  }
  return result
}

/**
 * The value of one header with its secret replaced. The scheme of a credential stays: "Basic
 * [redacted]" still says how the caller signed in.
 *
 * @example
 * redactHeader('Authorization', 'Bearer abc') // 'Bearer [redacted]'
 * redactHeader('Content-Type', 'text/csv') // 'text/csv'
 */
export function redactHeader(name: string, value: string, replace: SecretReplacer = toRedacted): string {
  if (!isSecretName(name)) {
    return value
  }
  const scheme = /^(basic|bearer|digest|aws4-hmac-sha256)\s+/i.exec(value)
  return scheme ? `${scheme[1]} ${replace(value.slice(scheme[0].length))}` : replace(value)
}

/**
 * A copy of a header record with every credential replaced, as `redactHeader` does.
 *
 * @example
 * redactHeaders({ authorization: 'Basic dTpw', accept: '*' }) // { authorization: 'Basic [redacted]', accept: '*' }
 */
export function redactHeaders(
  headers: Record<string, string>,
  replace: SecretReplacer = toRedacted,
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    result[name] = redactHeader(name, value, replace)
  }
  return result
}

/**
 * Redacts secrets inside a (possibly cut) body preview by its media type: form fields, JSON string
 * or number values, multipart fields and XML elements whose names look secret, and the credential
 * inside an S3 policy. Unknown types pass unchanged.
 *
 * @example
 * redactBody('service=icloud&password=bar', 'application/x-www-form-urlencoded') // 'service=icloud&password=[redacted]'
 */
export function redactBody(text: string, contentType: string | null, replace: SecretReplacer = toRedacted): string {
  const type = contentType?.toLowerCase() ?? ''
  if (type.includes('x-www-form-urlencoded') || (!type && /^[\w.%-]+=/.test(text))) {
    return redactForm(text, replace)
  }
  if (type.includes('json')) {
    return text.replace(
      /("((?:[^"\\]|\\.)*)"\s*:\s*)("((?:[^"\\]|\\.)*)"?|-?\d[\d.eE+-]*)/g,
      (whole, lead: string, name: string, value: string, inner: string | undefined) => {
        if (isSecretName(name)) {
          return `${lead}"${replace(inner === undefined ? value : unescapeJson(inner))}"`
        }
        if (policyName.test(name) && inner !== undefined && value.endsWith('"')) {
          return `${lead}"${redactPolicy(inner, replace)}"`
        }
        return whole
      },
    )
  }
  if (type.includes('multipart/')) {
    return text.replace(
      // Names quoted or not: .NET clients write `name=signature` without quotes.
      /(\bname=(?:"([^"]*)"|([^\s;"]+))[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/gi,
      (_whole, lead: string, quoted: string | undefined, bare: string | undefined, value: string) =>
        // Stryker disable next-line StringLiteral: the pattern always captures a quoted or a bare name
        `${lead}${redactValue(quoted ?? bare ?? '', value, replace)}`,
    )
  }
  if (type.includes('xml')) {
    return text.replace(/<([\w:-]+)>([^<]*)<\/\1>/g, (whole, name: string, value: string) =>
      isSecretName(name) ? `<${name}>${replace(value)}</${name}>` : whole,
    )
  }
  return text
}

/**
 * The query string or form body with secret values replaced; names and every other field stay as sent.
 *
 * @example
 * redactForm('domain_key=k&domain_password=p') // 'domain_key=k&domain_password=[redacted]'
 */
export function redactForm(text: string, replace: SecretReplacer = toRedacted): string {
  return text.replace(/(^|&)([^=&]*)=([^&]*)/g, (whole, lead: string, name: string, value: string) => {
    const decodedName = safeDecode(name)
    if (isSecretName(decodedName)) {
      return `${lead}${name}=${replace(safeDecode(value))}`
    }
    if (policyName.test(decodedName)) {
      return `${lead}${name}=${encodeURIComponent(redactPolicy(safeDecode(value), replace))}`
    }
    return whole
  })
}

function redactValue(name: string, value: string, replace: SecretReplacer): string {
  if (isSecretName(name)) {
    return replace(value)
  }
  return policyName.test(name) ? redactPolicy(value, replace) : value
}

/**
 * An S3 POST policy with the values of its secret conditions (`x-amz-credential`, a security
 * token) replaced, encoded again; anything that is not a base64 JSON policy passes unchanged.
 */
function redactPolicy(policy: string, replace: SecretReplacer): string {
  let document: { conditions?: unknown }
  try {
    document = JSON.parse(atob(policy.trim()))
  } catch {
    return policy
  }
  if (typeof document !== 'object' || document === null || !Array.isArray(document.conditions)) {
    return policy
  }
  let changed = false
  const conditions = document.conditions.map((condition: unknown) => {
    if (Array.isArray(condition) && typeof condition[1] === 'string' && typeof condition[2] === 'string') {
      if (isSecretName(condition[1].replace(/^\$/, ''))) {
        changed = true
        return [condition[0], condition[1], replace(condition[2]), ...condition.slice(3)]
      }
      return condition
    }
    if (typeof condition === 'object' && condition !== null) {
      return Object.fromEntries(
        Object.entries(condition).map(([name, value]) => {
          if (typeof value === 'string' && isSecretName(name)) {
            changed = true
            return [name, replace(value)]
          }
          return [name, value]
        }),
      )
    }
    return condition
  })
  return changed ? btoa(JSON.stringify({ ...document, conditions })) : policy
}

function unescapeJson(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string
  } catch {
    return text
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}
