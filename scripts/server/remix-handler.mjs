// Express → Remix as @remix-run/express 2.17's createRequestHandler does it (its request and
// response code, kept the same: headers, the URL with its port and "trust proxy", the abort when
// the client goes away, each set-cookie apart, streamed bodies), except that the Request's body
// is the size-limited stream of ./body-limit.mjs (res.locals.requestBody): that adapter reads
// the raw request itself, and does not export its parts.
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from '@remix-run/node'

export function remixHandler({ build, mode, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode)
  return async (req, res, next) => {
    try {
      const request = remixRequest(req, res)
      const response = await handleRequest(request, await getLoadContext(req, res))
      // The body went over its limit while the app read it: the 413 already sent stands, and the
      // page rendered for the refused request is dropped (its render stops).
      if (res.locals.bodyRefused) return void (await response.body?.cancel().catch(() => {}))
      await sendRemixResponse(res, response)
    } catch (error) {
      if (res.locals.bodyRefused) return
      next(error)
    }
  }
}

function remixRequest(req, res) {
  // req.hostname has no port (and follows "trust proxy"): take it from X-Forwarded-Host or Host.
  const portOf = (header) => Number.parseInt(req.get(header)?.split(':')[1] ?? '', 10)
  const port = [portOf('X-Forwarded-Host'), portOf('host')].find(Number.isSafeInteger)
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  let controller = new AbortController()
  const init = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const body = res.locals.requestBody
    if (body) {
      init.body = createReadableStreamFromReadable(body)
      init.duplex = 'half'
      // A body cut short (over its limit, or the client left) ends the app's work on it.
      body.once('error', () => controller?.abort())
    }
  }
  // Loaders and actions stop when the response can no longer be written (`close` without `finish`).
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  return new Request(url.href, init)
}

function createRemixHeaders(requestHeaders) {
  const headers = new Headers()
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue
    if (Array.isArray(values)) for (const value of values) headers.append(key, value)
    else headers.set(key, values)
  }
  return headers
}

async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  // The Fetch API's Headers list each Set-Cookie on its own.
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
