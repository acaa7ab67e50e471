// Pages take turns (scripts/server/admission.mjs): a few GETs at a time, the rest in arrival order,
// writes and the health check never queued, and a client that leaves never keeps a turn.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { takeTurns } from '../../scripts/server/admission.mjs'

const servers: http.Server[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

/** An app whose pages take `workMs`, behind a middleware that waits `beforeMs` (as the disk lookups do). */
function app({ limit, beforeMs = 0, workMs = 20 }: { limit: number; beforeMs?: number; workMs?: number }) {
  const order: string[] = []
  const turns = takeTurns({ limit, bypass: (req: http.IncomingMessage) => req.method !== 'GET' || req.url === '/healthz' })
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    order.push(req.url!)
    setTimeout(() => res.end('ok'), req.url === '/healthz' ? 0 : workMs)
  }
  const server = http.createServer((req, res) => setTimeout(() => turns(req, res, () => handler(req, res)), beforeMs)).listen(0)
  servers.push(server)
  const port = () => (server.address() as AddressInfo).port
  return { url: (path: string) => `http://127.0.0.1:${port()}${path}`, order, port }
}

describe('pages taking turns', () => {
  it('runs at most the limit at once, the rest in arrival order; the health check and writes pass by', async () => {
    const { url, order } = app({ limit: 1, workMs: 40 })
    const pages = ['/a', '/b', '/c'].map((path) => fetch(url(path)))
    await new Promise((resolve) => setTimeout(resolve, 10))
    const health = await fetch(url('/healthz'))
    const write = await fetch(url('/save'), { method: 'POST' })
    expect([health.status, write.status]).toEqual([200, 200])
    // Both answered while /a still held the only turn and /b, /c waited.
    expect(order.slice(0, 3)).toEqual(['/a', '/healthz', '/save'])
    await Promise.all(pages)
    expect(order.slice(3)).toEqual(['/b', '/c'])
  })

  it('gives no turn to a client that left before reaching the queue (the turn would never come back)', async () => {
    const { url, port } = app({ limit: 2, beforeMs: 60 })
    for (let i = 0; i < 3; i++) {
      const request = http.get({ port: port(), path: '/gone.png' })
      request.on('error', () => {})
      setTimeout(() => request.destroy(), 25)
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
    const answer = await fetch(url('/next'), { signal: AbortSignal.timeout(5_000) })
    expect(await answer.text()).toBe('ok')
  })
})
