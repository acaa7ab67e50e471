// Renders a document request: Remix's default Node entry (stream the shell to browsers, wait for
// everything for bots and the SPA mode; log errors after the shell; a render error makes a 500),
// with two changes. The inline scripts carry the request's CSP nonce, which scripts/serve.mjs
// put in the load context (and in the Content-Security-Policy header). And the render gives up
// only after RENDER_TIMEOUT_MS (default 60 s) instead of 5 s: under 50 concurrent users on two
// cores a whole page could take longer than 5 s, and a client that renders everything before the
// first byte (isbot: every non-browser User-Agent) was then answered 500.
import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
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

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get('user-agent')) || remixContext.isSpaMode
  const nonce = loadContext.nonce
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
