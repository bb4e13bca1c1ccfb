/** What the journal shows instead of a secret. */
export const redacted = '[redacted]'

// Names that carry credentials, as headers, query parameters, form fields or JSON keys. A header
// ending in authorization or cookie (X-Authorization, Proxy-Authorization, Set-Cookie) is one too.
const secretName =
  /(authorization|cookie)$|pass(word|wd)?|secret|token|signature|credential|api[-_]?key|private[-_]?key|session/i

/**
 * Whether a header, parameter or field name holds a secret (`Authorization`, `domain_password`,
 * `X-Amz-Signature`, `access_token`, `client_secret`…).
 *
 * @example
 * isSecretName('domain_password') // true
 * isSecretName('domain_key') // false: it identifies a domain and is public in web pages
 */
export function isSecretName(name: string): boolean {
  return secretName.test(name)
}

/**
 * A copy of a name → value record with secret values replaced.
 *
 * @example
 * redactRecord({ password: 'x', service: 'icloud' }) // { password: '[redacted]', service: 'icloud' }
 */
export function redactRecord(record: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(record)) {
    result[name] = isSecretName(name) ? redacted : value
  }
  return result
}

/**
 * Redacts secrets inside a (possibly cut) body preview by its media type: form fields, JSON string
 * or number values, and multipart fields whose names look secret. Unknown types pass unchanged.
 *
 * @example
 * redactBody('service=icloud&password=bar', 'application/x-www-form-urlencoded') // 'service=icloud&password=[redacted]'
 */
export function redactBody(text: string, contentType: string | null): string {
  const type = contentType?.toLowerCase() ?? ''
  if (type.includes('x-www-form-urlencoded') || (!type && /^[\w.%-]+=/.test(text))) {
    return text.replace(/(^|&)([^=&]*)=([^&]*)/g, (whole, lead: string, name: string) =>
      isSecretName(safeDecode(name)) ? `${lead}${name}=${redacted}` : whole,
    )
  }
  if (type.includes('json')) {
    return text.replace(
      /("((?:[^"\\]|\\.)*)"\s*:\s*)("(?:[^"\\]|\\.)*"?|-?\d[\d.eE+-]*)/g,
      (whole, lead: string, name: string) => (isSecretName(name) ? `${lead}"${redacted}"` : whole),
    )
  }
  if (type.includes('multipart/')) {
    return text.replace(
      // Names quoted or not: .NET clients write `name=signature` without quotes.
      /(\bname=(?:"([^"]*)"|([^\s;"]+))[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/gi,
      (whole, lead: string, quoted: string | undefined, bare: string | undefined) =>
        // The pattern always captures a quoted or a bare name.
        isSecretName((quoted ?? bare) as string) ? `${lead}${redacted}` : whole,
    )
  }
  return text
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}
