import { explainCsvError, maxRowChars } from './csv-errors.js'
import { chunkBytes, utf8Chunks } from './decode.js'
import type { UploadedFile } from './file-kind.js'

// Tolerant where a person's intent is plain, strict where a mistake would swallow rows:
// - relax_quotes: a quote inside an unquoted field (`Bob "Bobby" Smith`) is kept as written, as Excel does;
// - relax_column_count: rows may have fewer or more cells than the header;
// - skip_empty_lines: empty lines are not rows;
// - max_record_size: an unclosed quote fails at 1 MiB instead of reading the rest of a 100 MB file into one field.
const parserOptions = {
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  max_record_size: maxRowChars,
} as const

type ReadResult = { done: true; value?: undefined } | { done: false; value: string[] }

/**
 * Records read one at a time (`{ done, value }`, as a stream reader reads them). A rejection is an
 * `UnreadableFileError` with the sentence for the user, or an unexpected error as it came.
 */
export interface RecordReader {
  read(): Promise<ReadResult>
  /** Stops reading: nothing more is decoded or parsed. */
  close(): void
}

/**
 * csv-parse, loaded on the first CSV read rather than with the simulators: it needs Node's
 * `Buffer` and `node:stream/web`, so a browser bundle of the simulators (which never reads a CSV
 * there) must not evaluate it on load, and the CLI starts without it.
 */
let csvParse: Promise<typeof import('csv-parse/stream')> | undefined
const loadCsvParse = () => {
  csvParse ??= import('csv-parse/stream')
  return csvParse
}

const notYet = Symbol('not yet')
const settledNow = Promise.resolve(notYet)
const ended: ReadResult = { done: true }

/**
 * The records of a CSV file as csv-parse reads them (cells untrimmed, blank rows included), through
 * `csv-parse/stream` fed 64 KiB views of the file. The next chunk is decoded and written only when
 * every record of the last one has been read, so:
 * - a preview that stops after the first rows leaves the rest of the file undecoded and unparsed;
 * - an error reaches the reader after every record before it. A stream that errors drops the
 *   records still queued in it; feeding on demand keeps that queue empty whenever it can fail.
 * Text that is not valid ends the records at the line it is on (that line is not a record), then
 * rejects with the decoder's sentence; broken quoting rejects naming the line.
 *
 * @example
 * const records = await csvRecords(file)
 * for (let next = await records.read(); !next.done; next = await records.read()) count++
 */
export async function csvRecords(file: UploadedFile): Promise<RecordReader> {
  const { parse } = await loadCsvParse()
  const chunks = utf8Chunks(file, chunkBytes)
  const parser = parse(parserOptions)
  const writer = parser.writable.getWriter()
  const reader = parser.readable.getReader() as ReadableStreamDefaultReader<string[]>
  let closed = false
  let lastByte = 0x0a
  let failure: unknown
  // Records flushed after the text went bad, delivered before the failure.
  const flushed: string[][] = []

  const nextRecord = () => reader.read() as Promise<ReadResult>
  const fail = (error: unknown): never => {
    throw explainCsvError(error, file)
  }

  async function read(): Promise<ReadResult> {
    const record = flushed.shift()
    if (record !== undefined) {
      return { done: false, value: record }
    }
    if (failure !== undefined) {
      throw failure
    }
    const pending = nextRecord()
    for (;;) {
      // A read of a queued record is settled already and wins the race; one that waits means the
      // parser has given every record of what it was fed.
      const settled = await Promise.race([pending, settledNow]).catch(fail)
      if (settled !== notYet) {
        return settled
      }
      if (closed) {
        return pending.catch(fail)
      }
      let next: IteratorResult<Uint8Array>
      try {
        next = chunks.next()
      } catch (error) {
        await endAtBadText(pending, error)
        return read()
      }
      if (next.done) {
        closed = true
        // A flush error (a quote left open) reaches `pending`; this promise would only repeat it.
        writer.close().catch(() => undefined)
      } else {
        lastByte = next.value[next.value.length - 1] ?? lastByte
        // A parse error errors the stream and so `pending`; the write itself settles either way.
        await writer.write(next.value).catch(() => undefined)
      }
    }
  }

  // The decoder yielded the text up to the bad byte and threw. Flushing the parser gives the records
  // it held back (it keeps the last bytes of a chunk in case a line break spans two); the last one is
  // the cut-off line, unless the text stopped right after a line break.
  async function endAtBadText(pending: Promise<ReadResult>, error: unknown): Promise<void> {
    closed = true
    failure = error
    await writer.close().catch(() => undefined)
    const none = () => ended
    for (let result = await pending.catch(none); !result.done; result = await nextRecord().catch(none)) {
      flushed.push(result.value)
    }
    if (lastByte !== 0x0a && lastByte !== 0x0d) {
      flushed.pop()
    }
  }

  return {
    read,
    close: () => {
      closed = true
      chunks.return()
      writer.abort().catch(() => undefined)
    },
  }
}
