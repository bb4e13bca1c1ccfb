import type { Duplex } from 'node:stream'

// What a write reports when the peer has closed the connection: it may have answered first.
const peerClosedCodes = new Set(['EPIPE', 'ECONNRESET'])

/**
 * Keeps a socket reading after a write fails because the peer closed the connection (EPIPE,
 * ECONNRESET): the rest of the request is dropped, as the peer no longer reads it, and the answer
 * the peer sent before it closed is still read. S3 does this on a large upload it refuses (403,
 * 400): it answers as soon as it has read the form's head, then closes. Node's own sockets are
 * destroyed by the failed write, which throws away that answer while it waits, unread, in the
 * kernel's buffer. A peer that closed without answering still fails the request: the read then ends
 * or fails, and `node:http` reports it as before.
 *
 * @example
 * const upstreamRequest = httpRequest(target, { method: 'POST' })
 * upstreamRequest.once('socket', readAnswerAfterRefusedWrite)
 */
export function readAnswerAfterRefusedWrite(socket: Duplex): void {
  let refused = false
  const write = socket._write.bind(socket)
  const writev = socket._writev?.bind(socket)
  const settle = (callback: (error?: Error | null) => void) => (error?: Error | null) => {
    if (error && peerClosedCodes.has((error as Error & { code?: string }).code ?? '')) {
      refused = true
      callback()
      return
    }
    callback(error)
  }
  socket._write = (chunk, encoding, callback) => {
    if (refused) {
      callback()
      return
    }
    write(chunk, encoding, settle(callback))
  }
  if (writev) {
    socket._writev = (chunks, callback) => {
      if (refused) {
        callback()
        return
      }
      writev(chunks, settle(callback))
    }
  }
}
