/** The little XML S3 writes: a declaration and one element of text elements, without whitespace. */

// What XML 1.0 forbids even as a character reference: C0 controls but tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF.
const forbidden =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to replace.
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Escapes text for an XML element. Quotes stay as they are, as S3 writes them in `<ETag>`.
 * Characters XML 1.0 forbids (a NUL in a path or field the error repeats) become U+FFFD, so that
 * every answer parses.
 *
 * @example
 * xmlText('a<b & "c"') // 'a&lt;b &amp; "c"'
 * xmlText('/\u0000x') // '/\ufffdx'
 */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(forbidden, '\ufffd')
}

/**
 * An XML document of one root element holding text elements in the given order.
 *
 * @example
 * xmlDocument('Error', [['Code', 'AccessDenied'], ['Message', 'Access Denied']])
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>'
 */
export function xmlDocument(root: string, elements: readonly (readonly [string, string | number])[]): string {
  let body = ''
  for (const [name, value] of elements) {
    body += `<${name}>${xmlText(String(value))}</${name}>`
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${body}</${root}>`
}
