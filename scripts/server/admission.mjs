// Page and data requests take turns. Rendering a page is synchronous work on the one event loop
// (loaders over a year of intervals, React's render), so 20 browsers at once interleave their
// pieces and anything else that arrives — a health check, a sign-in, a job's poll — waits behind
// all of them: /healthz p99 was 1.1 s at 20 clients (decision 018). With a few GETs running at a
// time and the rest queued in arrival order, a request outside the queue waits for at most those
// few pieces; the pages take as long in all (the CPU is the limit either way).
// Writes (POST…) are not queued: one may wait seconds for another process's database lock, on a
// timer, and must not hold up the pages meanwhile; /healthz is not queued either.
import onFinished from 'on-finished'

/**
 * @param {{ limit: number, bypass: (req: import('express').Request) => boolean }} options
 * @returns {import('express').RequestHandler}
 */
export function takeTurns({ limit, bypass }) {
  let running = 0
  /** @type {Array<() => void>} */
  const waiting = []
  const release = () => {
    running--
    while (running < limit && waiting.length > 0) waiting.shift()()
  }
  return (req, res, next) => {
    if (bypass(req)) return next()
    let state = 'waiting'
    const start = () => {
      if (state !== 'waiting') return
      state = 'running'
      running++
      next()
    }
    // Finished, or the client went away — also before this point, while an earlier middleware
    // waited on the disk (on-finished answers at once for a socket already gone). While waiting it
    // leaves the queue without running.
    onFinished(res, () => {
      if (state === 'running') release()
      state = 'done'
    })
    if (running < limit) start()
    else waiting.push(start)
  }
}
