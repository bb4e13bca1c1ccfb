/**
 * Byte arrays end to end, in one new array (a plain loop: the simulators also run in browsers and
 * workers, where there is no `Buffer.concat`).
 *
 * @example
 * concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])]) // Uint8Array [1, 2, 3]
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0
  for (const part of parts) {
    length += part.byteLength
  }
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return bytes
}
