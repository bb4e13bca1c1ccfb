// The bytes behind a BufferedRequest, for readers in the core that can use them as they are.
const bodies = new WeakMap<object, Uint8Array<ArrayBuffer>>()
const decoder = new TextDecoder()

/** The members of a Request that only describe it, delegated to the request the body came with. */
const delegated = [
  'cache',
  'credentials',
  'destination',
  'duplex',
  'integrity',
  'keepalive',
  'mode',
  'redirect',
  'referrer',
  'referrerPolicy',
] as const

function unusable(): TypeError {
  return new TypeError('Body is unusable: Body has already been read')
}

/**
 * A request whose body was read whole before the handler ran: the same method, URL, headers and
 * signal, and a body served from the bytes. It costs no `Request` (whose constructor costs more
 * than a small request's whole handling) and no Web Streams unless a handler asks for `body`.
 * Reading follows `Request`: once, unless cloned first.
 */
class BufferedRequest {
  readonly #request: Request
  readonly #bytes: Uint8Array<ArrayBuffer>
  #used = false
  #stream: ReadableStream<Uint8Array> | undefined

  constructor(request: Request, bytes: Uint8Array<ArrayBuffer>) {
    this.#request = request
    this.#bytes = bytes
    bodies.set(this, bytes)
  }

  get method(): string {
    return this.#request.method
  }

  get url(): string {
    return this.#request.url
  }

  get headers(): Headers {
    return this.#request.headers
  }

  get signal(): AbortSignal {
    return this.#request.signal
  }

  get body(): ReadableStream<Uint8Array> {
    // Read only when someone reads it (no high-water mark), which is when the body counts as used.
    this.#stream ??= new ReadableStream(
      {
        pull: (controller) => {
          this.#used = true
          if (this.#bytes.byteLength > 0) {
            controller.enqueue(this.#bytes.slice())
          }
          controller.close()
        },
      },
      { highWaterMark: 0 },
    )
    return this.#stream
  }

  get bodyUsed(): boolean {
    return this.#used
  }

  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used || this.#stream?.locked) {
      throw unusable()
    }
    this.#used = true
    return this.#bytes
  }

  async text(): Promise<string> {
    return decoder.decode(this.#take())
  }

  async json(): Promise<unknown> {
    return JSON.parse(decoder.decode(this.#take()))
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().slice().buffer
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().slice()
  }

  async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.#request.headers.get('content-type') ?? '' })
  }

  async formData(): Promise<FormData> {
    const bytes = this.#take()
    // Parsed as Request.formData parses it (form or multipart, by the Content-Type).
    const type = this.#request.headers.get('content-type')
    return new Response(bytes, type === null ? {} : { headers: { 'content-type': type } }).formData()
  }

  clone(): Request {
    if (this.#used || this.#stream?.locked) {
      throw unusable()
    }
    return new BufferedRequest(this.#request, this.#bytes) as unknown as Request
  }

  static {
    for (const name of delegated) {
      Object.defineProperty(BufferedRequest.prototype, name, {
        get(this: BufferedRequest) {
          return (this.#request as unknown as Record<string, unknown>)[name]
        },
      })
    }
    // So `instanceof Request` holds, as it does for @hono/node-server's own lightweight request.
    Object.setPrototypeOf(BufferedRequest.prototype, Request.prototype)
  }
}

/**
 * A request like `request` whose body is `bytes`, read whole beforehand; the original's body must
 * not be read again. For small bodies: each handler reads them as usual (`text()`, `json()`,
 * `formData()`, `body`), without the cost of building a `Request` or piping streams.
 *
 * @example
 * const bytes = new Uint8Array(await c.req.raw.arrayBuffer())
 * c.req.raw = bufferedRequest(c.req.raw, bytes)
 */
export function bufferedRequest(request: Request, bytes: Uint8Array<ArrayBuffer>): Request {
  return new BufferedRequest(request, bytes) as unknown as Request
}

/**
 * The bytes of a request made by `bufferedRequest`, to read without a copy; undefined for any
 * other request. Treat them as read-only.
 *
 * @example
 * const bytes = bufferedBytes(c.req.raw)
 * if (bytes?.byteLength === 0) return { value: undefined }
 */
export function bufferedBytes(request: Request): Uint8Array<ArrayBuffer> | undefined {
  return bodies.get(request)
}
