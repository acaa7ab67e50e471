import { describe, expect, it } from 'vitest'
import { DocumentCache, documentCacheBytes, documentKey, keepPage, NONCE_PLACEHOLDER, pageWithNonce } from '../../app/utils/document-cache.server.ts'

const encoder = new TextEncoder()

/** A stream of the chunks given, all enqueued as it starts (as Remix's state without promises). */
const whole = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })

describe('documentKey', () => {
  it('is the same for the same address, status and state, however the state is cut in chunks', async () => {
    const a = await documentKey('http://x/review?from=2025-01-01', 200, whole('[{"a":1},', '"b"]\n'))
    const b = await documentKey('http://x/review?from=2025-01-01', 200, whole('[{"a":1},"b"]\n'))
    expect(a).toMatch(/^[\w-]{43}$/)
    expect(b).toBe(a)
  })

  it('differs when the address, the status or the state differs', async () => {
    const key = (address: string, status: number, state: string) => documentKey(address, status, whole(state))
    const base = await key('http://x/review', 200, '[1]\n')
    expect(await key('http://x/review?day=2025-01-02', 200, '[1]\n')).not.toBe(base)
    expect(await key('http://x/review', 404, '[1]\n')).not.toBe(base)
    expect(await key('http://x/review', 200, '[2]\n')).not.toBe(base)
  })

  it('is null when part of the state comes later (a loader promise still pending)', async () => {
    let resolveLater: () => void = () => {}
    const later = new Promise<void>((resolve) => (resolveLater = resolve))
    const streaming = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode('[1]\n'))
        await later
        controller.enqueue(encoder.encode('P1:[2]\n'))
        controller.close()
      },
    })
    await expect(documentKey('http://x/', 200, streaming)).resolves.toBeNull()
    resolveLater()
  })
})

describe('DocumentCache', () => {
  // A page of n ASCII characters takes n bytes.
  const page = (c: string, n = 50) => keepPage(c.repeat(n))
  const text = (kept: ReturnType<typeof keepPage> | undefined) => kept && pageWithNonce(kept, '').toString('utf8')

  it('keeps pages up to its capacity, dropping the least recently used first', () => {
    // Four pages of 50 bytes fill 200.
    const cache = new DocumentCache(200)
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, page(key))
    expect(cache.bytes).toBe(200)
    expect(text(cache.get('a'))).toBe('a'.repeat(50)) // a is now the most recent
    cache.set('e', page('e')) // 250 bytes: b, the least recent, goes
    expect(cache.get('b')).toBeUndefined()
    for (const key of ['a', 'c', 'd', 'e']) expect(text(cache.get(key))).toBe(key.repeat(50))
    expect(cache.bytes).toBe(200)
    expect(cache.size).toBe(4)
  })

  it('replaces a page kept under the same key and does not keep one larger than a quarter of it', () => {
    const cache = new DocumentCache(200)
    cache.set('a', page('x', 20))
    cache.set('a', page('y', 10))
    expect(text(cache.get('a'))).toBe('y'.repeat(10))
    expect(cache.bytes).toBe(10)
    cache.set('big', page('z', 51)) // 51 bytes > 50
    expect(cache.get('big')).toBeUndefined()
    expect(cache.size).toBe(1)
  })
})

describe('a kept page', () => {
  it('is given the nonce of each response wherever the placeholder was, in UTF-8', () => {
    const kept = keepPage(`<script nonce="${NONCE_PLACEHOLDER}">1</script><p>Análise</p><script nonce="${NONCE_PLACEHOLDER}">2</script>`)
    expect(kept.parts).toHaveLength(3)
    expect(kept.bytes).toBe(Buffer.byteLength('<script nonce="">1</script><p>Análise</p><script nonce="">2</script>'))
    expect(pageWithNonce(kept, 'AbC+/1==').toString('utf8')).toBe('<script nonce="AbC+/1==">1</script><p>Análise</p><script nonce="AbC+/1==">2</script>')
    expect(pageWithNonce(kept, 'other').toString('utf8')).toContain('nonce="other">2')
  })
})

describe('documentCacheBytes (DOCUMENT_CACHE_MB)', () => {
  it('is 64 MB by default, 0 turns it off, anything else not a number of megabytes is refused', () => {
    expect(documentCacheBytes(undefined)).toBe(64 * 1024 * 1024)
    expect(documentCacheBytes('')).toBe(64 * 1024 * 1024)
    expect(documentCacheBytes('0')).toBe(0)
    expect(documentCacheBytes('1.5')).toBe(1.5 * 1024 * 1024)
    expect(() => documentCacheBytes('lots')).toThrow(/DOCUMENT_CACHE_MB/)
    expect(() => documentCacheBytes('-1')).toThrow(/DOCUMENT_CACHE_MB/)
  })
})
