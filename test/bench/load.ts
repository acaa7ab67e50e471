// `npm run bench -- load` (issue 14): signed-in clients read the dashboard's pages in a closed
// loop, alone and while a 500k-contact web import and a schedule generation run; per page
// p50/p95/p99 and errors, /healthz latency on its own connection, the server's peak RSS. Local
// only: it starts the built app (`npm start` builds it when stale; `npx remix build` first keeps
// that out of the run) on a fresh demo database and removes it afterwards. ~6–8 minutes at the
// defaults; environment: LOAD_SECONDS (60, each scenario without jobs), LOAD_CLIENTS ("20,50"),
// LOAD_CONTACTS (500000), LOAD_JOB_TIMEOUT_SECONDS (150, the longest the jobs are followed),
// LOAD_JOBS (1; 0 runs only the scenarios without jobs).
import { createWriteStream, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import http from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { addDays } from '../../app/domain/intervals.ts'
import { Random } from '../../app/domain/random.ts'
import { appToday, signIn, startApp, type RunningApp } from '../support/server.ts'
import { percentile } from './percentile.ts'

// --- The jobs, started and followed as the pages do. The job mechanism is changing (durable jobs
// in a child process): these three functions are all that knows its URLs and markers. ----------

/** Uploads a contacts CSV on the Data page and confirms the mapping step: the URL that follows the import. */
async function startImportJob(admin: Session, file: string, timeZone: string): Promise<string> {
  const fileName = path.basename(file)
  const upload = new FormData()
  upload.append('file', await openAsBlob(file, { type: 'text/csv' }), fileName)
  upload.append('kind', 'contacts')
  upload.append('timeZone', timeZone)
  const uploaded = await admin.fetch('/data', { method: 'POST', body: upload })
  const uploadId = /name="uploadId" value="([^"]+)"/.exec(await uploaded.text())?.[1]
  if (!uploadId) throw new Error(`upload of ${fileName}: HTTP ${uploaded.status} without the mapping step`)
  const mapping = Object.fromEntries(contactColumns.map((column) => [`map.${column}`, column]))
  const confirmed = await admin.fetch('/data', {
    method: 'POST',
    body: new URLSearchParams({ uploadId, fileName, kind: 'contacts', timeZone, ...mapping }),
  })
  await confirmed.arrayBuffer()
  const location = confirmed.headers.get('location')
  if (confirmed.status !== 302 || !location) throw new Error(`mapping of ${fileName}: HTTP ${confirmed.status}, no job`)
  return location
}

/** Asks the Schedules page for the forecast's first week, every channel: the URL that follows the generation. */
async function startScheduleJob(admin: Session, forecastId: number): Promise<string> {
  const response = await admin.fetch('/schedules', {
    method: 'POST',
    body: new URLSearchParams({ forecastId: String(forecastId), week: '0', channel: '' }),
  })
  await response.arrayBuffer()
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) throw new Error(`schedule generation: HTTP ${response.status}, no job`)
  return location
}

/**
 * Polls a job's page every second until it ends: done (the page redirects to what it made, or
 * shows the import's summary) or failed (what the page says), or the deadline passes. A poll that
 * gets no answer is tried again a second later, as the page's next poll would be, and counted.
 */
async function waitForJob(admin: Session, url: string, deadline: number): Promise<{ state: JobState; outcome: string; failedPolls: string[] }> {
  const failedPolls: string[] = []
  while (performance.now() < deadline) {
    let response: Response
    let page: string
    try {
      response = await admin.fetch(url)
      page = await response.text()
    } catch (error) {
      failedPolls.push(describe(error))
      await sleep(1000)
      continue
    }
    if (response.status >= 300 && response.status < 400) return { state: 'done', outcome: `→ ${response.headers.get('location')}`, failedPolls }
    if (/data-testid="(import|schedule)-progress"/.test(page)) {
      await sleep(1000)
      continue
    }
    const done = /data-testid="import-done"[^>]*>([\s\S]*?)<\/div>/.exec(page)
    if (response.ok && done) return { state: 'done', outcome: textOf(done[1]!), failedPolls }
    const alert = /role="alert"[^>]*>([\s\S]*?)<\/(p|div)>/.exec(page)
    return { state: 'failed', outcome: `HTTP ${response.status}: ${alert ? textOf(alert[1]!) : 'no job on the page'}`, failedPolls }
  }
  return { state: 'unfinished', outcome: `still running after ${jobTimeoutMs / 1000} s`, failedPolls }
}

type JobState = 'done' | 'failed' | 'unfinished'

// --- Settings -----------------------------------------------------------------------------------

const loadSeconds = Number(process.env.LOAD_SECONDS ?? 60)
const clientCounts = (process.env.LOAD_CLIENTS ?? '20,50').split(',').map(Number)
const contactCount = Number(process.env.LOAD_CONTACTS ?? 500_000)
const jobTimeoutMs = Number(process.env.LOAD_JOB_TIMEOUT_SECONDS ?? 150) * 1000
const withJobs = process.env.LOAD_JOBS !== '0'
/** A page slower than this counts as an error (and keeps the bench bounded). */
const REQUEST_TIMEOUT_MS = 120_000
// A browser's headers: isbot sends other user agents down the full-render path (issue 14).
const browserHeaders = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Encoding': 'gzip, deflate, br',
}
const contactColumns = ['contact_id', 'channel', 'arrived_at', 'outcome', 'wait_seconds', 'handle_seconds'] as const

const round1 = (x: number) => Math.round(x * 10) / 10
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()
const describe = (error: unknown) => {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause as { code?: string; message?: string } | undefined
  return `${error.name}: ${error.message}${cause ? ` (${cause.code ?? cause.message})` : ''}`
}

// --- Clients ------------------------------------------------------------------------------------

/** A signed-in browser: its own session cookie; fetch keeps connections alive and decodes br. */
export interface Session {
  fetch: (path: string, init?: RequestInit) => Promise<Response>
}

/** A script's headers (a monitoring probe, a report fetcher): isbot sends these down the full-render path. */
const scriptHeaders = { 'User-Agent': 'curl/8.5.0', Accept: '*/*', 'Accept-Encoding': 'gzip, deflate, br' }

export function session(baseUrl: string, cookie: string, headers: Record<string, string> = browserHeaders): Session {
  return {
    fetch: (url, init = {}) =>
      fetch(`${baseUrl}${url}`, {
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        ...init,
        // Browsers send Origin with a POST, which the app requires of every write.
        headers: { ...headers, Cookie: cookie, ...(init.method === 'POST' ? { Origin: baseUrl } : {}) },
      }),
  }
}

export interface Page {
  name: string
  path: string
  /** A loader's data (`….data`), not a document: no streamed end to check. */
  data?: boolean
}

export interface Sample {
  page: string
  ms: number
  /** HTTP status; 0 when no answer came. */
  status: number
  /** A 200 whose page stops short: React's render was aborted (after 5 s) while it streamed. */
  aborted?: boolean
  error?: string
}

/** Remix closes its stream of loader data at the very end of a whole page. */
const completePage = (body: ArrayBuffer) => Buffer.from(body).includes('streamController.close()')

/** Each client GETs the pages in rotation (each starting at its own), reading every body, while `going()`. */
export async function closedLoop(clients: Session[], pages: Page[], going: () => boolean): Promise<Sample[]> {
  const samples: Sample[] = []
  await Promise.all(
    clients.map(async (client, i) => {
      for (let k = i; going(); k++) {
        const page = pages[k % pages.length]!
        const started = performance.now()
        try {
          const response = await client.fetch(page.path)
          const body = await response.arrayBuffer()
          const ms = performance.now() - started
          if (response.status !== 200) samples.push({ page: page.name, ms, status: response.status, error: `HTTP ${response.status} ${page.path}` })
          else if (!page.data && !completePage(body)) samples.push({ page: page.name, ms, status: 200, aborted: true, error: `incomplete page (render aborted) ${page.path}` })
          else samples.push({ page: page.name, ms, status: 200 })
        } catch (error) {
          samples.push({ page: page.name, ms: performance.now() - started, status: 0, error: `${describe(error)} ${page.path}` })
          await sleep(100) // a server that is gone must not make this a busy loop
        }
      }
    }),
  )
  return samples
}

/** GET /healthz every 100 ms (the next at once when one takes longer) on a connection of its own. */
function pollHealthz(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const samples: { ms: number; error?: string }[] = []
  let stopped = false
  const poll = () =>
    new Promise<string | undefined>((resolve) => {
      const request = http.get(`${baseUrl}/healthz`, { agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode === 200 ? undefined : `HTTP ${response.statusCode}`))
      })
      request.on('timeout', () => request.destroy(new Error('timeout')))
      request.on('error', (error) => resolve(describe(error)))
    })
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now()
      const error = await poll()
      const ms = performance.now() - started
      samples.push({ ms, error })
      await sleep(Math.max(0, 100 - ms))
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
      agent.destroy()
      return samples
    },
  }
}

// --- The server's processes (Linux /proc) ------------------------------------------------------

const readProc = (file: string) => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return '' // the process ended
  }
}

function childrenOf(pid: number): number[] {
  let tasks: string[] = []
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return []
  }
  return tasks.flatMap((task) => readProc(`/proc/${pid}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number))
}

const descendantsOf = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)])

/** VmRSS, MB (0 once the process has ended). */
const rssMb = (pid: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/status`))?.[1] ?? 0) / 1024

/** CPU time the process and its waited-for children used, s. */
function cpuSeconds(pid: number): number {
  const fields = readProc(`/proc/${pid}/stat`).split(') ')[1]?.split(' ') ?? []
  // utime, stime, cutime, cstime are fields 14–17 of stat; 3 is the first after the name.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / 100
}

/** Peak RSS of the server, and of the server with every process under it (job processes), every 250 ms. */
export function sampleRss(pid: number) {
  let server = 0
  let tree = 0
  const sample = () => {
    const own = rssMb(pid)
    server = Math.max(server, own)
    tree = Math.max(tree, own + descendantsOf(pid).reduce((sum, child) => sum + rssMb(child), 0))
  }
  sample()
  const timer = setInterval(sample, 250)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return { server, tree }
    },
  }
}

// --- The import file ----------------------------------------------------------------------------

/**
 * `rows` contacts of channel "Carga" spread evenly over 14 days from `firstDay`, local wall-clock
 * times (the upload's time zone), ids unique to the file. Dated from the app's today on, after the
 * demo's history, so the pages' default periods do not change.
 */
async function writeContacts(file: string, rows: number, firstDay: string, seed: number): Promise<void> {
  const random = new Random(seed)
  const out = createWriteStream(file)
  out.write(`${contactColumns.join(',')}\n`)
  const start = Date.parse(`${firstDay}T00:00:00Z`)
  const spacing = (14 * 86_400_000) / rows
  for (let i = 0; i < rows; i++) {
    const local = new Date(start + Math.floor(i * spacing)).toISOString().slice(0, 19).replace('T', ' ')
    const answered = random.chance(0.93)
    const line = `L${seed}-${i},Carga,${local},${answered ? 'answered' : 'abandoned'},${Math.round(random.exponential(25))},${answered ? Math.round(random.logNormal(280, 0.6)) : 0}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

// --- Scenarios ----------------------------------------------------------------------------------

export interface Figures {
  requests: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function figures(latencies: number[]): Figures {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (p: number) => (sorted.length ? round1(percentile(sorted, p)) : NaN)
  return { requests: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) }
}

interface JobRun {
  state: JobState
  /** From the first request to the job's end, s. */
  seconds: number
  /** For the import: the upload and the mapping step, s. */
  startSeconds: number
  outcome: string
  failedPolls: string[]
}

/** Starts a job and follows it; never rejects (a failure is its outcome). */
async function runJob(start: () => Promise<string>, admin: Session, deadline: number): Promise<JobRun> {
  const began = performance.now()
  let startSeconds = NaN
  try {
    const url = await start()
    startSeconds = (performance.now() - began) / 1000
    return { ...(await waitForJob(admin, url, deadline)), seconds: (performance.now() - began) / 1000, startSeconds }
  } catch (error) {
    return { state: 'failed', seconds: (performance.now() - began) / 1000, startSeconds, outcome: describe(error), failedPolls: [] }
  }
}

interface Bench {
  app: RunningApp
  server: number
  admin: Session
  clients: Session[]
  pages: Page[]
  timeZone: string
  forecastId: number
}

/**
 * One scenario: `count` clients for LOAD_SECONDS alone, or, with jobs, from the start of the
 * import and the schedule generation until both have ended (every request then meets a job).
 */
async function runScenario(bench: Bench, count: number, jobs: { file: string } | null) {
  await sleep(2000) // the previous scenario's last answers and garbage settle
  const label = `${count} clients, ${jobs ? 'with a web import and a schedule generation' : 'alone'}`
  const loadBefore = loadavg()
  const logFrom = bench.app.output().length
  const cpuBefore = cpuSeconds(bench.server)
  const clientCpuBefore = process.cpuUsage()
  const healthz = pollHealthz(bench.app.baseUrl)
  const rss = sampleRss(bench.server)
  const started = performance.now()
  let running = jobs !== null
  const jobRuns = jobs
    ? Promise.all([
        runJob(() => startImportJob(bench.admin, jobs.file, bench.timeZone), bench.admin, started + jobTimeoutMs),
        runJob(() => startScheduleJob(bench.admin, bench.forecastId), bench.admin, started + jobTimeoutMs),
      ]).finally(() => (running = false))
    : null
  const going = jobs ? () => running : () => performance.now() - started < loadSeconds * 1000
  const samples = await closedLoop(bench.clients.slice(0, count), bench.pages, going)
  const [importRun, scheduleRun] = (await jobRuns) ?? []
  const seconds = (performance.now() - started) / 1000
  const health = await healthz.stop()
  const peak = rss.stop()
  const serverCpu = cpuSeconds(bench.server) - cpuBefore
  const clientCpu = process.cpuUsage(clientCpuBefore)

  const byPage = (name?: string) => {
    const mine = samples.filter((s) => name === undefined || s.page === name)
    return {
      ...figures(mine.map((s) => s.ms)),
      '5xx': mine.filter((s) => s.status >= 500).length,
      aborted: mine.filter((s) => s.aborted).length,
      otherErrors: mine.filter((s) => s.error && !s.aborted && s.status < 500).length,
    }
  }
  const pages = Object.fromEntries(bench.pages.map((p) => [p.path, byPage(p.name)]))
  const all = { ...byPage(), perSecond: round1(samples.length / seconds) }
  const health99 = figures(health.map((h) => h.ms))
  const errorMessages = [...new Set(samples.flatMap((s) => (s.error ? [s.error] : [])))]
  // What the server printed besides its request log (morgan "tiny": method url status …) and
  // stack frames: one line per error.
  const serverLines = bench.app
    .output()
    .slice(logFrom)
    .split('\n')
    .filter((line) => /^\S/.test(line) && !/^(GET|POST|HEAD) \S+ \d{3} /.test(line))
  return {
    bench: 'load',
    scenario: label,
    clients: count,
    jobs: jobs !== null,
    seconds: round1(seconds),
    loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
    pages,
    all,
    errors: errorMessages.slice(0, 5),
    healthz: {
      polls: health99.requests,
      p50: health99.p50,
      p99: health99.p99,
      max: health99.max,
      failed: health.filter((h) => h.error).length,
      errors: [...new Set(health.flatMap((h) => (h.error ? [h.error] : [])))].slice(0, 3),
    },
    rssPeakMb: { server: Math.round(peak.server), withChildProcesses: Math.round(peak.tree) },
    cpuSeconds: { server: round1(serverCpu), benchClients: round1((clientCpu.user + clientCpu.system) / 1e6) },
    ...(importRun && scheduleRun
      ? {
          import: { contacts: contactCount, ...jobFigures(importRun), uploadSeconds: round1(importRun.startSeconds) },
          schedule: jobFigures(scheduleRun),
        }
      : {}),
    serverErrors: { count: serverLines.length, first: [...new Set(serverLines)].slice(0, 3).map((line) => line.slice(0, 200)) },
  }
}

type ScenarioResult = Awaited<ReturnType<typeof runScenario>>

const jobFigures = (run: JobRun) => ({
  state: run.state,
  seconds: round1(run.seconds),
  outcome: run.outcome,
  failedPolls: run.failedPolls.length,
  ...(run.failedPolls.length ? { pollErrors: [...new Set(run.failedPolls)].slice(0, 3) } : {}),
})

function printScenario(r: ScenarioResult, pages: Page[]) {
  const num = (x: number, width = 9) => (Number.isNaN(x) ? '—' : x.toFixed(x >= 100 ? 0 : 1)).padStart(width)
  const count = (x: number, width = 8) => String(x).padStart(width)
  console.log(`\nLoad, ${r.scenario}: ${r.seconds} s, load average before ${r.loadAverageBefore.join(' ')} (1/5/15 min, 2 cores)`)
  const heads = ['requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '5xx', 'aborted', 'other']
  console.log(`  ${'page'.padEnd(30)}${heads.map((h, i) => h.padStart(i < 5 ? 9 : 8)).join('')}`)
  const row = (name: string, f: ScenarioResult['all']) =>
    console.log(`  ${name.padEnd(30)}${count(f.requests, 9)}${num(f.p50)}${num(f.p95)}${num(f.p99)}${num(f.max)}${count(f['5xx'])}${count(f.aborted)}${count(f.otherErrors)}`)
  for (const page of pages) row(`${page.name} ${page.path}`, { ...r.pages[page.path]!, perSecond: NaN })
  row(`all (${r.all.perSecond} req/s)`, r.all)
  const h = r.healthz
  console.log(
    `  /healthz every 100 ms, own connection${r.jobs ? ', during the jobs' : ''}: ${h.polls} polls, p50 ${h.p50} ms, p99 ${h.p99} ms, max ${h.max} ms, ` +
      `${h.failed} failed${h.errors.length ? ` (${h.errors.join('; ')})` : ''}`,
  )
  console.log(
    `  peak RSS: server ${r.rssPeakMb.server} MB, with its child processes ${r.rssPeakMb.withChildProcesses} MB; ` +
      `CPU used: server ${r.cpuSeconds.server} s, bench clients ${r.cpuSeconds.benchClients} s`,
  )
  const job = (name: string, j: ReturnType<typeof jobFigures>, extra = '') =>
    console.log(
      `  ${name}: ${j.state} after ${j.seconds} s${extra}: ${j.outcome}` +
        (j.failedPolls ? `; ${j.failedPolls} polls of its page got no answer (${j.pollErrors!.join('; ')})` : ''),
    )
  if (r.import) job(`web import of ${r.import.contacts.toLocaleString('en')} contacts`, r.import, ` (upload and mapping step ${r.import.uploadSeconds} s)`)
  if (r.schedule) job('schedule generation', r.schedule)
  for (const message of r.errors) console.log(`  error: ${message}`)
  if (r.serverErrors.count) console.log(`  the server logged ${r.serverErrors.count} errors, first: ${r.serverErrors.first.join(' | ')}`)
  console.log(JSON.stringify(r))
}

export async function benchLoad() {
  const dir = mkdtempSync(path.join(tmpdir(), 'traffic-bench-load-'))
  const app = await startApp()
  try {
    const server = app.serverPid()
    const { email, password } = app.admin()
    const ownPassword = 'senha-do-benchmark-de-carga'
    const admin = session(app.baseUrl, await signIn(app.baseUrl, email, password, ownPassword))
    // One session per client, signed in one after another: sign-ins that succeed do not count
    // towards the rate limit, and each verifies an Argon2 hash (a core for a moment).
    const clients: Session[] = []
    // Every fifth client is a script, not a browser (the full-render path that aborted at 5 s, issue 14).
    for (let i = 0; i < Math.max(...clientCounts); i++) {
      clients.push(session(app.baseUrl, await signIn(app.baseUrl, email, ownPassword), i % 5 === 4 ? scriptHeaders : browserHeaders))
    }
    const forecastIds = [...(await (await admin.fetch('/forecast')).text()).matchAll(/href="\/forecast\/(\d+)"/g)].map((m) => Number(m[1]))
    if (forecastIds.length === 0) throw new Error('the demo has no forecast')
    // The newest forecast is the demo's plan of the coming weeks.
    const forecastId = Math.max(...forecastIds)
    const timeZone = /name="timeZone"[^>]*value="([^"]+)"/.exec(await (await admin.fetch('/data')).text())?.[1]
    if (!timeZone) throw new Error('the Data page offers no time zone')
    // The demo has no schedule: one generated first, to read.
    const first = await runJob(() => startScheduleJob(admin, forecastId), admin, performance.now() + jobTimeoutMs)
    const schedule = /→ (\/schedules\/\d+)/.exec(first.outcome)?.[1]
    if (first.state !== 'done' || !schedule) throw new Error(`the first schedule generation failed: ${first.outcome}`)
    console.log(`Load: a schedule generated alone in ${first.seconds.toFixed(1)} s; ${clients.length} sessions signed in`)
    const pages: Page[] = [
      { name: 'Overview', path: '/' },
      { name: 'Volume', path: '/volume' },
      { name: 'Forecast', path: `/forecast/${forecastId}` },
      { name: 'Staffing', path: '/staffing' },
      { name: 'Schedules', path: '/schedules' },
      { name: 'Schedule', path: schedule },
      { name: 'Review', path: '/review' },
    ]
    // Warm-up (JIT, kept views), not measured.
    for (let round = 0; round < 2; round++) for (const page of pages) await (await admin.fetch(page.path)).arrayBuffer()
    const bench: Bench = { app, server, admin, clients, pages, timeZone, forecastId }

    const results: ScenarioResult[] = []
    const run = async (count: number, jobs: { file: string } | null) => {
      const result = await runScenario(bench, count, jobs)
      printScenario(result, pages)
      results.push(result)
    }
    for (const count of clientCounts) await run(count, null)
    for (const [i, count] of withJobs ? clientCounts.entries() : []) {
      // Each import adds new contacts (the next 14 days), as the first import of a file does.
      const file = path.join(dir, `carga-${i + 1}.csv`)
      await writeContacts(file, contactCount, addDays(appToday, 14 * i), i + 1)
      console.log(`\nLoad: ${contactCount.toLocaleString('en')} contacts written (${(statSync(file).size / 1e6).toFixed(0)} MB)`)
      await run(count, { file })
      rmSync(file, { force: true })
    }
    // A job that failed is something broken; one still running at the deadline is a figure.
    const failed = results.flatMap((r) => [r.import, r.schedule].filter((job) => job?.state === 'failed'))
    if (failed.length) throw new Error(`jobs failed under load: ${failed.map((job) => job!.outcome).join('; ')}`)
  } finally {
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
