/** The little XML S3 writes: a declaration and one element of text elements, without whitespace. */

/**
 * Escapes text for an XML element. Quotes stay as they are, as S3 writes them in `<ETag>`.
 *
 * @example
 * xmlText('a<b & "c"') // 'a&lt;b &amp; "c"'
 */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
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
