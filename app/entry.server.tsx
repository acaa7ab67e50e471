// Renders a document request: Remix's default Node entry (stream the shell to browsers, wait for
// everything for bots and the SPA mode; log errors after the shell; a render error makes a 500),
// with two changes. The inline scripts carry the request's CSP nonce, which scripts/serve.mjs
// put in the load context (and in the Content-Security-Policy header). And the render gives up
// only after RENDER_TIMEOUT_MS (default 60 s) instead of 5 s: under 50 concurrent users on two
// cores a whole page could take longer than 5 s, and a client that renders everything before the
// first byte (isbot: every non-browser User-Agent) was then answered 500. A page whose data is
// all there is rendered whole and kept: the next request that would render the same bytes gets
// them without a render (app/utils/document-cache.server.ts).
import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { DocumentCache, documentCacheBytes, documentKey, keepPage, NONCE_PLACEHOLDER, pageWithNonce } from './utils/document-cache.server.ts'
import { NonceProvider } from './utils/nonce-provider.ts'

// The upload limit, for the body limit scripts/serve.mjs puts in front of the upload route.
export { maxUploadMegabytes } from './services/uploads.server.ts'
// Called by scripts/serve.mjs once it listens: jobs a previous server left running are marked
// interrupted, queued ones start (decision 016).
export { startJobRunner } from './services/job-runner.server.ts'

/** How long a render (and Remix's streamed loader data) may take, ms. */
function renderTimeout(): number {
  const text = process.env.RENDER_TIMEOUT_MS
  if (text === undefined || text === '') return 60_000
  const ms = Number(text)
  if (!Number.isInteger(ms) || ms < 1000) throw new Error(`RENDER_TIMEOUT_MS must be a whole number of milliseconds, at least 1000 (got "${text}")`)
  return ms
}

/** Remix stops waiting for streamed data after this; the render is aborted a second later, once the rejections have been written. */
export const streamTimeout = renderTimeout()

const documents = new DocumentCache(documentCacheBytes())

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce
  const state = remixContext.serverHandoffStream
  if (documents.capacity > 0 && nonce !== undefined && request.method === 'GET' && responseStatusCode === 200 && state && !remixContext.isSpaMode) {
    // One copy of the encoded state for the key, the other for the render (if there is one).
    const [forKey, forRender] = state.tee()
    remixContext.serverHandoffStream = forRender
    const key = await documentKey(request.url, responseStatusCode, forKey)
    if (key !== null) {
      let page = documents.get(key)
      let status = 200
      if (page === undefined) {
        const started = performance.now()
        const rendered = await renderWhole(request, remixContext)
        page = keepPage(rendered.page)
        status = rendered.status
        if (status === 200) documents.set(key, page)
        responseHeaders.append('Server-Timing', `render;dur=${(performance.now() - started).toFixed(1)}`)
      } else {
        void forRender.cancel().catch(() => {})
        // Says, in the browser's network panel as to tests, that this page was not rendered again.
        responseHeaders.append('Server-Timing', 'render;desc="kept"')
      }
      responseHeaders.set('Content-Type', 'text/html')
      const body = pageWithNonce(page, nonce)
      return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { headers: responseHeaders, status })
    }
  }
  return streamPage(request, responseStatusCode, responseHeaders, remixContext, nonce)
}

/** The page rendered to its end with the nonce's placeholder, to be kept; a render error makes it a 500. */
function renderWhole(request: Request, remixContext: EntryContext): Promise<{ page: string; status: number }> {
  return new Promise((resolve, reject) => {
    // Errors in the shell reject and are logged by Remix; the others are logged once all is rendered.
    const errors: unknown[] = []
    let abortTimer: ReturnType<typeof setTimeout> | undefined
    const chunks: Buffer[] = []
    const sink = new PassThrough()
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    sink.on('end', () => resolve({ page: Buffer.concat(chunks).toString('utf8'), status: errors.length > 0 ? 500 : 200 }))
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={NONCE_PLACEHOLDER}>
        <RemixServer context={remixContext} url={request.url} nonce={NONCE_PLACEHOLDER} />
      </NonceProvider>,
      {
        nonce: NONCE_PLACEHOLDER,
        onAllReady() {
          clearTimeout(abortTimer)
          for (const error of errors) console.error(error)
          pipe(sink)
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer)
          reject(error)
        },
        onError(error: unknown) {
          errors.push(error)
        },
      },
    )
    abortTimer = setTimeout(abort, streamTimeout + 1000)
    request.signal.addEventListener('abort', () => {
      clearTimeout(abortTimer)
      abort()
    })
  })
}

/** The page streamed as it renders: the shell first to browsers, everything at once to bots. */
function streamPage(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, nonce: string | undefined) {
  const waitForAll = isbot(request.headers.get('user-agent')) || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    // Cleared once everything has rendered: a pending abort would keep the render alive for a minute.
    let abortTimer: ReturnType<typeof setTimeout> | undefined
    const respond = () => {
      shellRendered = true
      const body = new PassThrough()
      responseHeaders.set('Content-Type', 'text/html')
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond()
        },
        onAllReady() {
          clearTimeout(abortTimer)
          if (waitForAll) respond()
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors in the shell reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error)
        },
      },
    )
    abortTimer = setTimeout(abort, streamTimeout + 1000)
    // A client that has gone needs no page: stop rendering it now, not after the timeout.
    request.signal.addEventListener('abort', () => {
      clearTimeout(abortTimer)
      abort()
    })
  })
}
