import type { Simulator } from '../core/simulator.js'
import { CompareInputError } from './errors.js'
import type { RecordedExchange } from './har.js'

/**
 * Whether a recorded exchange is a call to a simulator's clock (`/__admin/clock`): the control plane
 * of a simulator used as the upstream, not an operation of the vendor's API, so it is never compared.
 *
 * @example
 * isClockCall(exchange) // true for POST /__admin/clock {"advanceMs": 60000}
 */
export function isClockCall(exchange: RecordedExchange): boolean {
  return exchange.url.pathname.endsWith('/__admin/clock')
}

/**
 * Whether the recording moved its upstream's clock: some `POST /__admin/clock` that the upstream
 * accepted. Such an upstream ran on a manual clock, so the wall-clock times the recorder stamped on
 * its entries say nothing of the upstream's time; the replay follows the recorded moves instead.
 *
 * @example
 * const followMoves = movesClock(exchanges)
 */
export function movesClock(exchanges: readonly RecordedExchange[]): boolean {
  return exchanges.some(
    (exchange) =>
      isClockCall(exchange) && exchange.method === 'POST' && exchange.status >= 200 && exchange.status < 300,
  )
}

/**
 * The upstream's time when the recording began, from its first accepted clock move: the time that
 * move answered, less what it advanced. The wall-clock stamps cannot tell it, and a later
 * `{"now": …}` move replayed from a wrong start would move the replay's clock backwards.
 *
 * @example
 * const clock = manualClock(upstreamStart(exchanges) ?? exchanges[0].startedAt)
 */
export function upstreamStart(exchanges: readonly RecordedExchange[]): number | undefined {
  const first = exchanges.find(
    (exchange) =>
      isClockCall(exchange) && exchange.method === 'POST' && exchange.status >= 200 && exchange.status < 300,
  )
  const answered = readJson(first?.responseBody?.bytes) as { nowMs?: unknown } | undefined
  const sent = readJson(first?.requestBody?.bytes) as { advanceMs?: unknown } | undefined
  if (typeof answered?.nowMs !== 'number') {
    return undefined
  }
  return answered.nowMs - (typeof sent?.advanceMs === 'number' ? sent.advanceMs : 0)
}

function readJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) {
    return undefined
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return undefined
  }
}

/**
 * Replays a recorded clock move that the upstream accepted against the replay's own simulator, so
 * its clock moves as the upstream's did (`advanceMs` by as much, `now` to the same time). A read or a
 * refused move changes nothing. The recorded credentials are left out: the replay's simulator has no
 * admin token.
 *
 * @example
 * await replayClockMove(exchange, set.get('cloudsponge'))
 */
export async function replayClockMove(exchange: RecordedExchange, simulator: Simulator): Promise<void> {
  if (exchange.method !== 'POST' || exchange.status < 200 || exchange.status >= 300 || !exchange.requestBody) {
    return
  }
  const response = await simulator.app.request('/__admin/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exchange.requestBody.bytes as BodyInit,
  })
  if (!response.ok) {
    throw new CompareInputError(
      `${exchange.source}: the recorded clock move was accepted upstream but refused by the replay: ${await response.text()}`,
    )
  }
}
