const encoder = new TextEncoder()
// Records encoded once, by the object that holds their text: a stored record never changes in
// place (a change makes a new one), so its bytes are good as long as it lives.
const encodedRecords = new WeakMap<object, Uint8Array<ArrayBuffer>>()

/**
 * The UTF-8 bytes of a record's JSON text, encoded on first use and kept as long as `owner` (the
 * immutable stored record the text belongs to) is.
 *
 * @example
 * const bytes = recordBytes(contact, contact.json)
 */
export function recordBytes(owner: object, json: string): Uint8Array<ArrayBuffer> {
  let bytes = encodedRecords.get(owner)
  if (bytes === undefined) {
    bytes = encoder.encode(json)
    encodedRecords.set(owner, bytes)
  }
  return bytes
}

/**
 * A JSON document made of text around a list of records already encoded: `head`, the records
 * separated by commas, then `tail`, copied into one buffer. A page of a hundred records is a copy
 * of bytes, where joining their text and having the socket encode it (a string of tens of KB, in
 * two bytes per character as soon as one name has an accent) cost ten times as much.
 *
 * @example
 * joinJsonRecords('{"records":[', contacts.map((contact) => recordBytes(contact, contact.json)), ']}')
 */
export function joinJsonRecords(head: string, records: readonly Uint8Array[], tail: string): Uint8Array<ArrayBuffer> {
  const headBytes = encoder.encode(head)
  const tailBytes = encoder.encode(tail)
  let size = headBytes.byteLength + tailBytes.byteLength + Math.max(0, records.length - 1)
  for (const record of records) {
    size += record.byteLength
  }
  const joined = new Uint8Array(size)
  joined.set(headBytes, 0)
  let offset = headBytes.byteLength
  for (let index = 0; index < records.length; index++) {
    if (index > 0) {
      joined[offset++] = comma
    }
    const record = records[index] as Uint8Array
    joined.set(record, offset)
    offset += record.byteLength
  }
  joined.set(tailBytes, offset)
  return joined
}

const comma = 0x2c
