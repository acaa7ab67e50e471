// A ceiling on every request body, enforced while it arrives and before anything parses it.
// A body that says it is too big (Content-Length) is refused before a byte of it is read; one
// that does not say (chunked) is counted as it streams and refused the moment it passes the
// ceiling. Without this, a sign-in form buffered whatever it was sent: a 400 MB chunked POST
// /login took the server from ~200 MB to 1.4 GB of memory (decision 017).
import { PassThrough } from 'node:stream'

/**
 * Middleware: `limitOf(req)` is the request's ceiling in bytes. The body to read is
 * `res.locals.requestBody` (a stream that ends where the request's body ends, or fails once it
 * passes the ceiling); `req` itself must not be read. A body nobody reads (a GET's, a refused
 * write's) is discarded after the response, still counted, so no request makes the server take
 * in more than its ceiling.
 */
export function limitRequestBody(limitOf) {
  return (req, res, next) => {
    const limit = limitOf(req)
    const declared = req.headers['content-length']
    if (declared !== undefined && Number(declared) > limit) return refuse(req, res)
    // serve.mjs routes `Expect: 100-continue` requests here instead of letting Node agree at once.
    if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue()
    // Node's parser has already refused a malformed Content-Length, or one beside chunked encoding.
    if (!hasBody(req)) return next()
    res.locals.requestBody = countedBody(req, res, limit)
    next()
  }
}

const hasBody = (req) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0

function countedBody(req, res, limit) {
  const body = new PassThrough()
  // A failure reaches whoever reads the body; unread, it must not crash the process.
  body.on('error', () => {})
  let received = 0
  let refused = false
  const onData = (chunk) => {
    received += chunk.length
    if (received > limit) {
      refused = true
      req.off('data', onData)
      req.pause()
      body.destroy(new Error(`The request body is over ${limit} bytes`))
      refuse(req, res)
      return
    }
    // A reader that gave up leaves the rest to be discarded (and counted).
    if (!body.destroyed && !body.write(chunk)) req.pause()
  }
  req.on('data', onData)
  body.on('drain', () => req.resume())
  body.on('close', () => refused || req.resume())
  req.on('end', () => body.end())
  req.on('close', () => req.complete || body.destroy(new Error('The client closed the connection during the request body')))
  // Answered before the body was read through: what is left is discarded, not left to stall the connection.
  res.on('finish', () => req.complete || body.destroy())
  return body
}

/**
 * 413, and the connection closes after it (the rest of the body is never read). A response
 * already under way cannot change: the connection is cut instead.
 */
function refuse(req, res) {
  res.locals.bodyRefused = true
  console.warn(`[limit] ${req.method} ${req.originalUrl}: body over its limit, refused (${req.ip})`)
  if (res.headersSent) {
    req.socket.destroy()
    return
  }
  res.status(413).set('Connection', 'close').type('text/plain').send('Request too large')
}
