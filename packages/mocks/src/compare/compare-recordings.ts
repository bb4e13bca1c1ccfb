import { manualClock } from '../core/clock.js'
import { createSimulatorSet } from '../core/simulator-set.js'
import { vendors } from '../vendors.js'
import { type AcceptFile, applyAccepts } from './accept.js'
import { decodeBody } from './body.js'
import { isClockCall, movesClock, replayClockMove, upstreamStart } from './clock-moves.js'
import { planCredentials } from './credentials.js'
import { compareBodies, placeholderPairing } from './diff.js'
import { CompareInputError } from './errors.js'
import type { Difference, Finding } from './findings.js'
import { headerValue, type RecordedExchange, readHar } from './har.js'
import { compareHeaders } from './headers.js'
import { createIdMap } from './id-map.js'
import { createNormaliser } from './normalise.js'
import { type MatchedOperation, operationMatcher } from './operations.js'
import { type CompareProfile, compareProfile } from './profiles.js'
import { replayRequest, requestValues } from './replay-request.js'
import { type CompareReport, summariseOperations } from './report.js'

/** A recording to compare: its name (for messages) and the parsed HAR document. */
export interface Recording {
  name: string
  har: unknown
}

export interface CompareOptions {
  /** Known, deliberate differences. */
  accept?: AcceptFile
}

const decoder = new TextDecoder()

/**
 * Replays recorded exchanges, in order, against a fresh in-process simulator of the vendor and
 * compares every answer with the recorded one. The clock follows the recorded times, or the
 * recorded `POST /__admin/clock` moves when the upstream was a simulator on a manual clock; redacted
 * credentials become the sandbox's (or stay wrong where the upstream refused them); ids, tokens
 * and etags handed out by earlier answers are mapped to the simulator's. Throws a
 * `CompareInputError` for input it cannot use: an unknown vendor, a file that is not HAR, a
 * request no spec knows.
 *
 * @example
 * const report = await compareRecordings('cloudsponge', [{ name: 'flow.har', har: JSON.parse(text) }])
 * report.drift.length // 0 when the simulator answers as recorded
 */
export async function compareRecordings(
  vendor: string,
  recordings: Recording[],
  options: CompareOptions = {},
): Promise<CompareReport> {
  const registration = registrationOf(vendor)
  if (recordings.length === 0) {
    throw new CompareInputError('Give at least one HAR recording to compare.')
  }
  const profile = compareProfile(registration)
  const perFile = recordings.map((recording) => ({ recording, exchanges: readHar(recording.har, recording.name) }))
  // Several files (a vendor's and the S3 form posts it led to) replay as one timeline.
  const timeline = perFile
    .flatMap((file) => file.exchanges)
    .map((exchange, order) => ({ exchange, order }))
    .sort((a, b) => a.exchange.startedAt - b.exchange.startedAt || a.order - b.order)
    .map(({ exchange }) => exchange)
  // A simulator recorded as the upstream is moved through its clock: those calls move the replay's
  // clock and are not compared (docs/decisions/compare-normalisation.md).
  const followMoves = movesClock(timeline)
  const exchanges = timeline.filter((exchange) => !isClockCall(exchange))
  if (exchanges.length === 0) {
    throw new CompareInputError(
      `${recordings.map((recording) => recording.name).join(', ')} holds no exchange to compare; record some traffic first.`,
    )
  }
  const match = operationMatcher([vendor, ...profile.peers], profile.canonicalPath)
  const operations = exchanges.map(match)
  const credentials = planCredentials(exchanges, registration.credentials, profile.credentials)
  const ids = createIdMap({ volatileKeys: profile.volatileKeys })
  const recordedSide = createNormaliser({ volatileKeys: profile.volatileKeys })
  const simulatedSide = createNormaliser({ volatileKeys: profile.volatileKeys })
  const clock = manualClock((followMoves ? upstreamStart(timeline) : undefined) ?? exchanges[0]?.startedAt ?? 0)
  const set = createSimulatorSet(vendors, { clock, only: [vendor, ...profile.peers] })
  profile.prepare?.(set.get(vendor))

  const samePlaceholder = placeholderPairing()
  const findings: Finding[] = []
  const perExchange: Finding[][] = []
  let index = -1
  for (const exchange of timeline) {
    if (isClockCall(exchange)) {
      await replayClockMove(exchange, set.get(vendor))
      continue
    }
    index += 1
    const operation = operations[index] as MatchedOperation
    if (!followMoves && exchange.startedAt > clock.now()) {
      clock.set(exchange.startedAt)
    }
    const request = replayRequest(exchange, ids, credentials)
    const simulator = set.get(operation.vendor)
    const response = await simulator.app.request(request.target, {
      method: request.method,
      headers: request.headers,
      body: request.body as BodyInit | undefined,
    })
    const simulatedBytes = new Uint8Array(await response.arrayBuffer())
    const simulatedHeaders = [...response.headers].map(([name, value]): [string, string] => [name.toLowerCase(), value])
    const recordedBody = exchange.responseBody
      ? decodeBody(
          decoder.decode(exchange.responseBody.bytes),
          exchange.responseBody.mediaType ?? headerValue(exchange.responseHeaders, 'content-type'),
        )
      : undefined
    const simulatedBody =
      simulatedBytes.length > 0
        ? decodeBody(decoder.decode(simulatedBytes), response.headers.get('content-type') ?? undefined)
        : undefined
    if (recordedBody && simulatedBody) {
      ids.learn(recordedBody.value, simulatedBody.value)
    }
    const recordedEtag = headerValue(exchange.responseHeaders, 'etag')
    const simulatedEtag = response.headers.get('etag')
    if (recordedEtag && simulatedEtag) {
      ids.pair(recordedEtag, simulatedEtag)
      ids.pair(recordedEtag.replace(/^W\/|"/g, ''), simulatedEtag.replace(/^W\/|"/g, ''))
    }

    const differences = compareExchange(exchange, response.status, simulatedHeaders, recordedBody, simulatedBody, {
      profile,
      recordedSide,
      simulatedSide,
      fromRecordedRequest: requestValues(
        exchange.url.search,
        exchange.requestBody?.bytes,
        exchange.requestBody?.mediaType,
      ),
      fromSentRequest: requestValues(request.target.split('?')[1] ?? '', request.body, request.mediaType),
      mapValue: (value) => ids.mapValue(value),
      samePlaceholder,
    })
    const found = differences.map((difference) => ({
      ...difference,
      operation: operation.label,
      operationId: operation.operationId,
      source: exchange.source,
    }))
    findings.push(...found)
    perExchange.push(found)
    profile.afterExchange?.({
      simulator,
      operationId: operation.operationId,
      requestBody: request.body ? decodeRequestBody(request.body, request.mediaType) : undefined,
      status: response.status,
      answer: simulatedBody?.value,
    })
  }

  const outcome = applyAccepts(findings, options.accept)
  const exchangeResults = exchanges.map((exchange, index) => ({
    exchange,
    operation: operations[index] as MatchedOperation,
    findings: perExchange[index] ?? [],
  }))
  return {
    vendor,
    recordings: perFile.map(({ recording, exchanges: list }) => ({
      name: recording.name,
      exchanges: list.length,
      newest:
        list.length === 0 ? undefined : new Date(Math.max(...list.map((exchange) => exchange.startedAt))).toISOString(),
    })),
    exchanges: exchanges.length,
    operations: summariseOperations(exchangeResults, new Set(outcome.drift)),
    drift: outcome.drift,
    accepted: outcome.accepted,
    unusedAccepts: outcome.unused,
  }
}

/**
 * The registry entry of a vendor to compare, or a `CompareInputError` naming the vendors there are.
 *
 * @example
 * registrationOf('aurinko').credentials // [{ label: 'account token', … }]
 */
export function registrationOf(vendor: string) {
  const registration = vendors.find((candidate) => candidate.name === vendor)
  if (!registration) {
    throw new CompareInputError(
      `Unknown vendor "${vendor}"; choose from ${vendors.map((candidate) => candidate.name).join(', ')}.`,
    )
  }
  return registration
}

interface ExchangeContext {
  profile: CompareProfile
  recordedSide: ReturnType<typeof createNormaliser>
  simulatedSide: ReturnType<typeof createNormaliser>
  fromRecordedRequest: ReturnType<typeof requestValues>
  fromSentRequest: ReturnType<typeof requestValues>
  mapValue(value: unknown): unknown
  samePlaceholder(recorded: string, simulated: string): boolean
}

function compareExchange(
  exchange: RecordedExchange,
  status: number,
  simulatedHeaders: [string, string][],
  recordedBody: ReturnType<typeof decodeBody> | undefined,
  simulatedBody: ReturnType<typeof decodeBody> | undefined,
  context: ExchangeContext,
): Difference[] {
  const { profile } = context
  // Normalise both sides even when they are not compared, so placeholders keep their numbers.
  const recorded = recordedBody && context.recordedSide.normalise(recordedBody.value, context.fromRecordedRequest)
  const simulated = simulatedBody && context.simulatedSide.normalise(simulatedBody.value, context.fromSentRequest)
  if (exchange.requestBody?.truncated) {
    // The recorder kept only the start of the request's body: the simulator got another request.
    return []
  }
  if (status !== exchange.status) {
    return [{ kind: 'status', path: 'status', recorded: String(exchange.status), simulated: String(status) }]
  }
  const differences = compareHeaders(
    exchange.responseHeaders,
    simulatedHeaders,
    profile.headers,
    exchange.partialHeaders,
  )
  if (!recordedBody || exchange.responseBody?.truncated) {
    return differences
  }
  if (!simulatedBody) {
    differences.push({ kind: 'shape', path: 'body', recorded: recordedBody.format, simulated: 'empty' })
    return differences
  }
  if (recordedBody.format !== simulatedBody.format) {
    differences.push({ kind: 'shape', path: 'body', recorded: recordedBody.format, simulated: simulatedBody.format })
    return differences
  }
  if (recordedBody.format === 'text') {
    return differences
  }
  differences.push(
    ...compareBodies(recorded, simulated, {
      orderedKeys: recordedBody.format === 'xml' || profile.orderedJsonKeys,
      errorAnswer: status >= 400,
      vocabulary: new Set(profile.vocabulary),
      fromRequest: context.fromRecordedRequest,
      mapValue: context.mapValue,
      samePlaceholder: context.samePlaceholder,
    }),
  )
  return differences
}

function decodeRequestBody(body: Uint8Array, mediaType: string | undefined): unknown {
  const text = decoder.decode(body)
  if (mediaType?.includes('x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  return decodeBody(text, mediaType).value
}
