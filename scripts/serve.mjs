// The production server: Express with the Remix request handler, like `remix-serve`, but with
// security headers and request body limits (decision 017), and compression tuned for the
// dashboard's large JSON answers. Brotli at quality 1 compresses the Review's ~100 KB of loader
// data in ~0.3 ms (quality 4, remix-serve's, ~1 ms; gzip 6 ~1.6 ms) at about the same size, and
// that was a third of the time per request under 20 concurrent users.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import { installGlobals } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import morgan from 'morgan'
import { limitRequestBody } from './server/body-limit.mjs'
import { remixHandler } from './server/remix-handler.mjs'
import { securityHeaders } from './server/security-headers.mjs'
import { takeTurns } from './server/admission.mjs'

// As remix-serve: production unless told otherwise (React's development build is slow).
process.env.NODE_ENV ??= 'production'

const buildPath = path.resolve(process.argv[2] ?? 'build/index.js')
const build = await import(pathToFileURL(buildPath).href)
installGlobals({ nativeFetch: build.future.v3_singleFetch })

const app = express()
app.disable('x-powered-by')
// Every answer, files and refusals included. COOKIE_SECURE=true says the app is reached over HTTPS.
app.use(securityHeaders({ https: process.env.COOKIE_SECURE === 'true' }))
// Forms are small: 1 MB. The upload (a multipart POST to /data; /data.data when the page sends it
// itself) may carry MAX_UPLOAD_MB of file plus its few other fields, so that a file just over
// the limit reaches the route, which says so in the page's words.
const MAX_FORM_BYTES = 1024 * 1024
const uploadMegabytes = build.entry.module.maxUploadMegabytes
// A setting that is not a number would lift the limit altogether (every comparison with NaN is false).
if (!Number.isFinite(uploadMegabytes) || uploadMegabytes <= 0) throw new Error(`MAX_UPLOAD_MB must be a positive number of megabytes (got "${process.env.MAX_UPLOAD_MB}")`)
const MAX_UPLOAD_BYTES = uploadMegabytes * 1024 * 1024 + 64 * 1024
const isUpload = (req) => req.method === 'POST' && (req.path === '/data' || req.path === '/data.data') && req.is('multipart/form-data')
app.use(limitRequestBody((req) => (isUpload(req) ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES)))
app.use(
  compression({
    level: 1,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
  }),
)
// Fingerprinted build assets never change; the rest of public/ may.
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: '1y' }))
// Only a path that names a file (an extension, not Remix's `.data`) is looked for in public/: the
// disk lookup of every page and data request cost ~0.3 ms each under load.
const publicFiles = express.static('public', { maxAge: '1h', index: false })
app.use((req, res, next) => (/\.\w+$/.test(req.path) && !req.path.endsWith('.data') ? publicFiles(req, res, next) : next()))
app.use(morgan('tiny'))
// Pages and exports hold an operation's data for a signed-in user: no shared or disk caches.
app.use((_req, res, next) => {
  res.set('Cache-Control', 'private, no-store')
  next()
})
// A 503 says when to try again: the answer to a write that met another process's database lock
// past the server's wait (app/utils/database-busy.server.ts, which sets the same Retry-After on the
// answers it returns itself). Remix keeps only the status of an answer a page's action throws.
app.use((_req, res, next) => {
  const writeHead = res.writeHead
  res.writeHead = function (status, ...rest) {
    if (status === 503 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', '10')
    return writeHead.call(this, status, ...rest)
  }
  next()
})
// A write from another site's page, or from an opaque origin (`Origin: null`: a sandboxed frame,
// a file, a cross-site redirect; our pages send their own origin), is refused here with 403. The
// app refuses these too, and a write without Origin or Referer; Remix would otherwise answer such
// a document POST with a 500.
app.use((req, res, next) => {
  const origin = req.get('origin')
  if (req.method === 'GET' || req.method === 'HEAD' || origin === undefined) return next()
  let host = null
  try {
    host = new URL(origin).host
  } catch {}
  if (host === req.get('host')) return next()
  res.status(403).type('text/plain').send('Forbidden: this change did not come from this site’s pages')
})
// Pages take turns (at most PAGE_CONCURRENCY at once, default 2): the health check, sign-ins and
// other writes keep answering while 50 browsers load pages (scripts/server/admission.mjs).
const pageConcurrency = Number(process.env.PAGE_CONCURRENCY ?? 2)
if (!Number.isInteger(pageConcurrency) || pageConcurrency < 1) throw new Error(`PAGE_CONCURRENCY must be a whole number from 1 (got "${process.env.PAGE_CONCURRENCY}")`)
app.use(takeTurns({ limit: pageConcurrency, bypass: (req) => (req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/healthz' }))
// The client's address reaches loaders and actions (the sign-in rate limit counts per address).
// Behind a reverse proxy, set TRUST_PROXY (Express's "trust proxy" value) so it is the client's.
const trustProxy = process.env.TRUST_PROXY
if (trustProxy) app.set('trust proxy', trustProxy === 'true' ? true : /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy)
app.all(
  '*',
  remixHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? 'unknown', nonce: res.locals.nonce }),
  }),
)

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const server = app.listen(port, host, () => {
  console.log(`[serve] http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (process ${process.pid})`)
  // Background jobs (decision 016): what the last server left running is now interrupted; queued jobs start.
  build.entry.module.startJobRunner().catch((error) => console.error('[jobs] could not start', error))
})
// A client that asks before sending its body (`Expect: 100-continue`, as curl does for large ones)
// is told to go ahead only by the body limit, when the body fits: a 413 saves it the upload.
server.on('checkContinue', app)
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 3000).unref()
  })
}
