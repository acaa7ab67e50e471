// Documents (whole HTML pages) rendered before, reused when a request would render the same
// bytes. A page's render is a pure function of its address and of the state Remix hands to the
// browser (every loader's data, errors included: the language and the user are in the root's),
// and the build; this process's build never changes. So the key is a digest of the address and of
// that state as Remix encoded it for this very request: equal keys render equal pages, and any
// change of data, user, language or period makes another key — nothing is ever served stale, and
// nothing is shared between users whose pages differ. Loaders still run on every request (who is
// signed in, what the data is now); only React's render is skipped. Under 20 users a year's Review
// spent ~30 ms of CPU a request rendering it again; its loader, with its data kept, takes ~3 ms.
//
// The one part of a page that differs per request is the CSP nonce on its inline scripts: cached
// pages are rendered with this process's placeholder, replaced by the request's nonce on the way out.
import { createHash, randomBytes } from 'node:crypto'

/** Stands for the request's nonce in a cached page (random: it cannot occur in a page's data). */
export const NONCE_PLACEHOLDER = `nonce${randomBytes(12).toString('hex')}`

/** DOCUMENT_CACHE_MB: the memory the kept pages may take (0 turns the cache off); 64 by default. */
export function documentCacheBytes(text = process.env.DOCUMENT_CACHE_MB): number {
  if (text === undefined || text === '') return 64 * 1024 * 1024
  const megabytes = Number(text)
  if (!Number.isFinite(megabytes) || megabytes < 0) throw new Error(`DOCUMENT_CACHE_MB must be a number of megabytes, 0 to turn the cache off (got "${text}")`)
  return megabytes * 1024 * 1024
}

/**
 * A page as kept: its UTF-8 bytes cut at each nonce placeholder, so that a response is the parts
 * joined by its nonce — a copy of bytes, where a string would be re-encoded and scanned by the
 * Response for every request (a tenth of the server's time under 20 users).
 */
export interface KeptPage {
  parts: Buffer[]
  bytes: number
}

export function keepPage(page: string): KeptPage {
  const parts = page.split(NONCE_PLACEHOLDER).map((part) => Buffer.from(part, 'utf8'))
  return { parts, bytes: parts.reduce((sum, part) => sum + part.byteLength, 0) }
}

/** The kept page's bytes with `nonce` where the placeholder was. */
export function pageWithNonce(page: KeptPage, nonce: string): Buffer {
  const between = Buffer.from(nonce, 'utf8')
  const pieces: Buffer[] = []
  page.parts.forEach((part, i) => {
    if (i > 0) pieces.push(between)
    pieces.push(part)
  })
  return Buffer.concat(pieces)
}

/** The most recently used pages, up to `capacity` bytes in all (a page larger than a quarter of it is not kept). */
export class DocumentCache {
  readonly #pages = new Map<string, KeptPage>()
  #bytes = 0
  constructor(readonly capacity: number) {}

  get(key: string): KeptPage | undefined {
    const page = this.#pages.get(key)
    if (page === undefined) return undefined
    // Most recently used last: Map keeps insertion order.
    this.#pages.delete(key)
    this.#pages.set(key, page)
    return page
  }

  set(key: string, page: KeptPage): void {
    if (page.bytes > this.capacity / 4) return
    const old = this.#pages.get(key)
    if (old !== undefined) {
      this.#pages.delete(key)
      this.#bytes -= old.bytes
    }
    this.#pages.set(key, page)
    this.#bytes += page.bytes
    for (const [oldest, oldPage] of this.#pages) {
      if (this.#bytes <= this.capacity) break
      this.#pages.delete(oldest)
      this.#bytes -= oldPage.bytes
    }
  }

  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#pages.size
  }
}

/**
 * The key of a page: its address, status and the encoded state, read from `stream` to its end —
 * or null when the state is not all there at once (a loader's promise still pending: such a page
 * streams, and is not kept).
 */
export async function documentKey(address: string, status: number, stream: ReadableStream<Uint8Array>): Promise<string | null> {
  const hash = createHash('sha256').update(`${status} ${address}\n`)
  const reader = stream.getReader()
  // Data without promises is enqueued whole as the stream starts, within this turn of the event
  // loop: a chunk still to come after it means a promise is pending.
  const later = new Promise<null>((resolve) => setImmediate(resolve, null))
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), later])
      if (next === null) return null
      if (next.done) return hash.digest('base64url')
      hash.update(next.value)
    }
  } finally {
    void reader.cancel().catch(() => {})
  }
}
