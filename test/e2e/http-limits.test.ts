// The built server over raw HTTP (scripts/serve.mjs as `npm start` runs it): request body limits
// enforced before anything parses a body, chunked or not; security headers on every response;
// `Origin: null` refused; upload file names of any characters; ids that are not plain digits.
import { readFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startApp, type RunningApp } from '../support/server.ts'

const MB = 1024 * 1024

let app: RunningApp
let port: number
let cookie: string

beforeAll(async () => {
  // A 1 MB upload limit, to send files just under and just over it.
  app = await startApp({ env: { MAX_UPLOAD_MB: '1' } })
  port = Number(new URL(app.baseUrl).port)
  const { email, password } = app.admin()
  cookie = await signIn(app.baseUrl, email, password, 'a-password-for-the-limits-test')
}, 300_000)

afterAll(async () => {
  await app?.stop()
})

/** The server process's resident memory, MB. */
const rssMegabytes = () => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${app.serverPid()}/status`, 'utf8'))![1]) / 1024

interface RawAnswer {
  /** The status line's code, or null when the connection closed without one. */
  status: number | null
  head: string
  body: string
  /** Body bytes this side managed to write before the server stopped it. */
  sent: number
}

/**
 * Sends `head` (request line and headers) and then `bodyBytes` of body as fast as the server
 * takes them (in chunked frames when `chunked`), and waits for the server to answer or close.
 * Stops sending once the server answers or the connection fails.
 */
function rawRequest(head: string, { bodyBytes = 0, chunked = false, body = Buffer.alloc(0) } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1')
    const received: Buffer[] = []
    let sent = 0
    let stopped = false
    const payload = Buffer.alloc(64 * 1024, 'a')
    const frame = chunked ? Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n')]) : payload
    const pump = () => {
      while (!stopped && sent < bodyBytes) {
        sent += payload.length
        if (!socket.write(frame)) return void socket.once('drain', pump)
      }
      if (!stopped && chunked) socket.write('0\r\n\r\n')
    }
    socket.on('connect', () => {
      socket.write(head)
      if (body.length > 0) {
        socket.write(body)
        sent = body.length
      }
      pump()
    })
    socket.on('data', (chunk) => {
      received.push(chunk)
      stopped = true
    })
    socket.on('error', () => (stopped = true))
    socket.on('close', () => {
      stopped = true
      const text = Buffer.concat(received).toString('utf8')
      const [headPart = '', ...rest] = text.split('\r\n\r\n')
      const status = /^HTTP\/1\.1 (\d{3})/.exec(headPart)?.[1]
      resolve({ status: status ? Number(status) : null, head: headPart, body: rest.join('\r\n\r\n'), sent })
    })
    // The request is over once the server has answered: close our side.
    socket.on('data', () => setImmediate(() => socket.end()))
  })
}

const headers = (lines: Record<string, string | number>) =>
  Object.entries(lines)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')

const post = (path: string, lines: Record<string, string | number>) =>
  `POST ${path} HTTP/1.1\r\n${headers({ Host: `127.0.0.1:${port}`, Origin: app.baseUrl, Connection: 'close', ...lines })}\r\n`

describe('request body limits', () => {
  it('cuts off a 400 MB chunked sign-in body after about 1 MB: 413 or a closed connection, and the server’s memory stays flat', async () => {
    const before = rssMegabytes()
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, rssMegabytes())), 20)
    const answer = await rawRequest(post('/login', { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' }), {
      bodyBytes: 400 * MB,
      chunked: true,
    })
    clearInterval(sampler)
    peak = Math.max(peak, rssMegabytes())
    expect([413, null]).toContain(answer.status)
    // What this side could write is the ~1 MB the server read plus the two sockets' buffers; the
    // server that buffered whole forms took all 400 MB.
    expect(answer.sent).toBeLessThan(64 * MB)
    expect(peak - before).toBeLessThan(50)
  })

  it('refuses a 300 MB upload that says its size, before reading it: the 413 comes after a few bytes', async () => {
    const answer = await rawRequest(
      post('/data', { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': 300 * MB, Cookie: cookie }),
      { body: Buffer.from('--x\r\n') },
    )
    expect(answer.status).toBe(413)
    expect(answer.head).toMatch(/^Connection: close$/im)
    expect(answer.body).toBe('Request too large')
    // A client that asks first (`Expect: 100-continue`) is told 413 instead of "go ahead".
    const asked = await rawRequest(post('/data', { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': 300 * MB, Expect: '100-continue' }))
    expect(asked.head).toMatch(/^HTTP\/1\.1 413 /)
    // One that fits is told to go ahead, and the app answers it.
    const small = Buffer.from('email=a')
    const fits = await rawRequest(post('/login', { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': small.length, Expect: '100-continue' }), { body: small })
    expect(`${fits.head}\r\n\r\n${fits.body}`).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 400 /)
  })

  it('refuses a 2 MB form, sized or chunked; a form under 1 MB reaches the app', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }
    const sized = await rawRequest(post('/settings', { ...form, 'Content-Length': 2 * MB }), { bodyBytes: 2 * MB })
    expect(sized.status).toBe(413)
    const chunked = await rawRequest(post('/settings', { ...form, 'Transfer-Encoding': 'chunked' }), { bodyBytes: 2 * MB, chunked: true })
    expect([413, null]).toContain(chunked.status)
    const small = Buffer.from(`intent=operation&name=${'x'.repeat(900 * 1024)}`)
    const fits = await rawRequest(post('/settings', { ...form, 'Content-Length': small.length }), { body: small })
    // The app read it and refused the too-long name itself.
    expect(fits.status).toBe(400)
  })

  it('lets an upload just over MAX_UPLOAD_MB reach the route, which says so in the page’s words', async () => {
    const send = (bytes: number) => {
      const form = new FormData()
      form.append('file', new File([Buffer.alloc(bytes, 'a')], 'grande.csv', { type: 'text/csv' }))
      form.append('kind', 'contacts')
      form.append('timeZone', 'America/Sao_Paulo')
      return fetch(`${app.baseUrl}/data.data`, { method: 'POST', body: form, headers: { Origin: app.baseUrl, Cookie: cookie } })
    }
    const over = await send(MB + 1)
    expect(over.status).toBe(413)
    await expect(over.text()).resolves.toContain('data.tooLarge')
    const within = await send(MB)
    expect(within.status).toBe(200)
    await expect(within.text()).resolves.toContain('"preview"')
  })
})

describe('security headers', () => {
  const expectPolicy = (response: Response) => {
    const csp = response.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toMatch(/(^|;)default-src 'self'(;|$)/)
    expect(csp).toMatch(/(^|;)frame-ancestors 'none'(;|$)/)
    expect(csp).toMatch(/(^|;)object-src 'none'(;|$)/)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
    expect(response.headers.get('X-Frame-Options')).toBe('DENY')
    return /(?:^|;)script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'(?:;|$)/.exec(csp)?.[1]
  }

  it('sends them on pages, data, files and refusals, and no HSTS over plain HTTP', async () => {
    for (const path of ['/login', '/healthz', '/favicon.svg', '/forecast/1/csv', '/nao-existe']) {
      const response = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: cookie } })
      expect(expectPolicy(response), path).toBeTruthy()
      expect(response.headers.get('Strict-Transport-Security'), path).toBeNull()
    }
    const refused = await fetch(`${app.baseUrl}/login`, { method: 'POST', headers: { Origin: 'null' }, body: new URLSearchParams({ email: 'a@b.c' }) })
    expect(refused.status).toBe(403)
    expectPolicy(refused)
  })

  it('gives each page its own nonce, on every inline script (a non-browser client gets the whole page too)', async () => {
    const page = async (userAgent: string) => {
      const response = await fetch(`${app.baseUrl}/login`, { headers: { 'User-Agent': userAgent } })
      expect(response.status).toBe(200)
      return { nonce: expectPolicy(response)!, html: await response.text() }
    }
    const browser = await page('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36')
    const robot = await page('curl/8.5.0')
    expect(browser.nonce).not.toBe(robot.nonce)
    for (const { nonce, html } of [browser, robot]) {
      const scripts = html.match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length).toBeGreaterThan(2)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    }
  })

  it('adds HSTS when the app is reached over HTTPS (COOKIE_SECURE)', async () => {
    // The same database: a second server over it starts without a demo load.
    const secure = await startApp({ env: { COOKIE_SECURE: 'true', DATABASE_URL: app.databaseUrl } })
    try {
      for (const path of ['/healthz', '/login']) {
        const response = await fetch(`${secure.baseUrl}${path}`)
        expect(response.headers.get('Strict-Transport-Security'), path).toBe('max-age=31536000')
        expect(response.headers.get('Content-Security-Policy'), path).toMatch(/(^|;)upgrade-insecure-requests(;|$)/)
      }
    } finally {
      await secure.stop()
    }
  }, 180_000)
})

describe('writes from elsewhere', () => {
  it('refuses a write with `Origin: null` with 403, signed in or not', async () => {
    for (const [path, body] of [
      ['/login', { email: 'admin@trafego.local', password: 'x' }],
      ['/settings', { intent: 'operation', name: 'X', timeZone: 'America/Sao_Paulo' }],
      ['/language', { language: 'en', returnTo: '/' }],
    ] as const) {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method: 'POST',
        headers: { Origin: 'null', Cookie: cookie },
        body: new URLSearchParams(body),
        redirect: 'manual',
      })
      expect(response.status, path).toBe(403)
    }
  })
})

describe('upload file names', () => {
  const csv = 'interval_start,channel,offered\n2026-11-20T08:00,ouvidoria,10\n'
  const upload = (fileName: string) => {
    const form = new FormData()
    form.append('file', new File([csv], fileName, { type: 'text/csv' }))
    form.append('kind', 'intervals')
    form.append('timeZone', 'America/Sao_Paulo')
    return fetch(`${app.baseUrl}/data.data`, { method: 'POST', body: form, headers: { Origin: app.baseUrl, Cookie: cookie } })
  }
  const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

  it('takes names with "=", ";", quotes, unicode and paths to the mapping step, never a 500', async () => {
    for (const [name, shown] of [
      ['export date=2026-11.csv', 'export date=2026-11.csv'],
      ['a;b=c.csv', 'a;b=c.csv'],
      ['relatório "final".csv', 'relatório "final".csv'],
      ["it's; 名前.csv", "it's; 名前.csv"],
      ['C:\\x\\y.csv', 'y.csv'],
    ]) {
      const response = await upload(name!)
      expect(response.status, name).toBe(200)
      await expect(response.text(), name).resolves.toContain(JSON.stringify(shown))
    }
  })

  it('imports such a file, and the import history shows its name', async () => {
    const name = 'export date=2026-11; "ouvidoria".csv'
    const uploaded = await upload(name)
    const preview = await uploaded.text()
    const uploadId = /"uploadId","([0-9a-f-]{36})"/.exec(preview)?.[1]
    expect(uploadId, `HTTP ${uploaded.status}: ${preview.slice(0, 600)}`).toBeDefined()
    const mapped = await fetch(`${app.baseUrl}/data`, {
      method: 'POST',
      headers: { Origin: app.baseUrl, Cookie: cookie },
      body: new URLSearchParams({
        uploadId: uploadId!,
        fileName: name,
        kind: 'intervals',
        timeZone: 'America/Sao_Paulo',
        'map.interval_start': 'interval_start',
        'map.channel': 'channel',
        'map.offered': 'offered',
      }),
      redirect: 'manual',
    })
    expect(mapped.status, (await mapped.clone().text()).slice(0, 600)).toBe(302)
    const jobPage = `${app.baseUrl}${mapped.headers.get('Location')}`
    // The import runs in the background: the page lists it once it has landed.
    let page = ''
    for (let attempt = 0; attempt < 120 && !page.includes(`<td>${html(name)}</td>`); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500))
      page = await (await fetch(jobPage, { headers: { Cookie: cookie } })).text()
    }
    expect(page).toContain(`<td>${html(name)}</td>`)
    expect(page).toContain('data-testid="import-done"')
  })
})

describe('ids in addresses', () => {
  it('answers 404 for an id that is not plain digits within range, and never opens another row', async () => {
    const status = async (path: string) => (await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })).status
    expect(await status('/forecast/1')).toBe(200)
    for (const id of ['0x2', '99999999999999999999', '-1', '1.0', '01', '2147483648', '1e0']) {
      for (const path of [`/forecast/${id}`, `/forecast/${id}/csv`, `/schedules/${id}`, `/schedules/${id}/csv`]) {
        expect(await status(path), path).toBe(404)
      }
    }
  })
})
