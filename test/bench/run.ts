// `npm run bench`: prints the figures behind the performance budgets in DESIGN.md. It never fails
// on timing; it fails only if something breaks.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { requiredServersErlangC } from '../../app/domain/erlang.ts'
import { staff } from '../../app/domain/staffing.ts'
import { generateDemoHistory } from '../../app/domain/demo/generate.ts'
import { addDays } from '../../app/domain/intervals.ts'
import { appToday, signIn, startApp } from '../support/server.ts'
import { bankBacktest, hasBankCalls } from '../support/bank-calls.ts'
import { forecastChannel } from '../../app/domain/forecast/forecast.ts'
import { gapsBeyond } from '../../app/domain/forecast/gaps.ts'
import { presentSlots } from '../../app/domain/forecast/grid.ts'
import { channelHistory, type HistoryRecord } from '../../app/domain/forecast/history.ts'
import { solveSchedule } from '../../app/services/scheduler.server.ts'
import { nr17Rules, weekRequirements } from '../support/schedule-week.ts'
import { benchLoad } from './load.ts'
import { benchScale } from './scale.ts'
import { benchScheduleQuality } from './schedule-quality.ts'
import { benchScheduleSkills } from './schedule-skills.ts'
import { percentile } from './percentile.ts'

const ms = (x: number) => `${x.toFixed(1)} ms`

/** Median of `runs` timings of `work`, ms. */
function time(runs: number, work: () => void): number {
  const timings: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    work()
    timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  return percentile(timings, 0.5)
}

function benchStaffing() {
  // One year of 15-minute intervals with loads spread over 1–500 Erlangs, AHT 300 s, 80/20.
  const intervals = 35_040
  const loads = Float64Array.from({ length: intervals }, (_, i) => 1 + ((i * 7919) % 49_900) / 100)
  const goals = { slGoal: 0.8, thresholdSec: 20 }
  const request = (traffic: number) => ({ calls: (traffic * 900) / 300, intervalSec: 900, ahtSec: 300, ...goals })
  console.log(
    `Erlang C staffing, ${intervals} intervals at 1–500 Erlangs (whole agents): median ${ms(time(7, () => loads.forEach((a) => requiredServersErlangC(a, 300, goals))))} (budget 100 ms)`,
  )
  console.log(
    `  … with every output (fractional agents, SL, ASA, occupancy): median ${ms(time(3, () => loads.forEach((a) => staff(request(a)))))}`,
  )
  console.log(
    `  … Erlang A (patience 180 s), every output: median ${ms(time(1, () => loads.forEach((a) => staff({ ...request(a), model: 'erlangA', patienceSec: 180 }))))}`,
  )
  for (const traffic of [10_000, 50_000]) {
    const perInterval = (work: () => void) => `${(time(21, work) * 1000).toFixed(0)} µs`
    console.log(
      `Per interval at ${traffic.toLocaleString('en')} Erlangs: Erlang C whole agents ${perInterval(() => requiredServersErlangC(traffic, 300, goals))}, ` +
        `with every output ${perInterval(() => staff(request(traffic)))}, Erlang A ${perInterval(() => staff({ ...request(traffic), model: 'erlangA', patienceSec: 180 }))}`,
    )
  }
}

function benchDemoGeneration() {
  const started = performance.now()
  const history = generateDemoHistory({ today: '2026-11-24', timeZone: 'America/Sao_Paulo' })
  const contacts = history.channels.reduce((s, c) => s + c.contacts.arrivedAt.length, 0)
  console.log(`Demo history generation (arrivals + queue simulation): ${contacts} contacts in ${ms(performance.now() - started)}`)
}

/** The signed-in administrator's cookie, sent with every request to the app (and this site's Origin, as browsers do). */
let session = ''
const appFetch = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { Cookie: session, Origin: new URL(url).origin, ...(init.headers as Record<string, string>) } })

async function benchApp() {
  const started = performance.now()
  const app = await startApp()
  const startup = performance.now() - started
  const admin = app.admin()
  session = await signIn(app.baseUrl, admin.email, admin.password, 'senha-do-benchmark')
  const loaded = /Loaded demo data: .* in ([\d.]+) s/.exec(app.output())
  console.log(`npm start on an empty database (build check, migrate, demo load, serve): ${ms(startup)}; demo load ${loaded?.[1] ?? '?'} s (budget 15 s)`)
  try {
    // The demo's forecast of the next weeks is the fresh database's second (id 2; the first is the Review's); a +10% scenario to compare.
    await appFetch(`${app.baseUrl}/staffing`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'scenario', forecastId: '2', name: 'Volume +10%', volumePct: '10' }),
    })
    for (const [label, query] of [
      ['Overview, 7 days', ''],
      ['Overview, 91 days', `from=${addDays(appToday, -91)}&to=${addDays(appToday, -1)}`],
    ] as const) {
      // Single fetch serves the index route's loader data at /_root.data.
      const dataUrl = `${app.baseUrl}/_root.data?_routes=routes%2F_index${query ? `&${query}` : ''}`
      await appFetch(dataUrl).then((r) => r.arrayBuffer()) // warm-up
      const latencies: number[] = []
      const concurrency = 20
      const perWorker = 15
      const wallStarted = performance.now()
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = 0; i < perWorker; i++) {
            const t = performance.now()
            const response = await appFetch(dataUrl)
            await response.arrayBuffer()
            if (!response.ok) throw new Error(`${dataUrl}: HTTP ${response.status}`)
            latencies.push(performance.now() - t)
          }
        }),
      )
      const wall = performance.now() - wallStarted
      latencies.sort((a, b) => a - b)
      console.log(
        `${label} loader, ${concurrency} concurrent × ${perWorker}: p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, ` +
          `${((concurrency * perWorker) / (wall / 1000)).toFixed(0)} req/s (budget p95 150 ms)`,
      )
    }
    // The staffing plan of the demo's 4-week, 15-minute forecast for its 4 channels, one request
    // at a time (server time): the loader's data, and the whole page rendered.
    for (const [label, url] of [
      ['Staffing plan, 4 weeks × 15 min × 4 channels, loader data', `${app.baseUrl}/staffing.data?week=-1&_routes=routes%2Fstaffing`],
      ['Staffing plan, same, whole page rendered', `${app.baseUrl}/staffing?week=-1`],
      ['Staffing plan, one week with a +10% scenario compared, whole page', `${app.baseUrl}/staffing?week=0&scenario=1`],
    ] as const) {
      await appFetch(url).then((r) => r.arrayBuffer())
      const latencies: number[] = []
      for (let i = 0; i < 15; i++) {
        const t = performance.now()
        const response = await appFetch(url)
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
        latencies.push(performance.now() - t)
      }
      latencies.sort((a, b) => a - b)
      console.log(`${label}: p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))} (budget 300 ms)`)
    }
    await benchReview(app.baseUrl, appToday)
    await benchSchedulePage(app.baseUrl)
  } finally {
    await app.stop()
  }
}

/**
 * The Review of 13 weeks × 4 channels × 15 minutes against the demo's review forecast (id 1), 20
 * concurrent requests asking for compressed answers as browsers do: the first computes (reported
 * alone), the rest read the kept view until the database changes; then a different day drilled into
 * each time (computed on every request). Each is run twice: the first round still warms the server
 * up (JIT), the second is the steady state.
 */
async function benchReview(baseUrl: string, today: string) {
  const period = `from=${addDays(today, -91)}&to=${addDays(today, -1)}`
  const url = (extra = '') => `${baseUrl}/review.data?_routes=routes%2Freview&forecast=1&${period}${extra}`
  const headers = { 'accept-encoding': 'gzip, deflate, br' }
  const first = performance.now()
  const response = await appFetch(url(), { headers })
  const bytes = (await response.arrayBuffer()).byteLength
  if (!response.ok) throw new Error(`review: HTTP ${response.status}`)
  console.log(
    `Review, 13 weeks × 4 channels × 15 min, first request (computed): ${ms(performance.now() - first)}, ` +
      `${(bytes / 1024).toFixed(0)} KB of loader data sent as ${response.headers.get('content-encoding') ?? 'identity'}`,
  )
  for (const [label, extraFor] of [
    ['Review, same query', () => ''],
    ['Review, a different day drilled into on each request (computed)', (k: number) => `&day=${addDays(today, -1 - (k % 90))}`],
  ] as const) {
    for (const round of ['warming up', 'steady']) {
      const latencies: number[] = []
      const concurrency = 20
      const perWorker = 15
      const wallStarted = performance.now()
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          for (let i = 0; i < perWorker; i++) {
            const t = performance.now()
            const r = await appFetch(url(extraFor(w * perWorker + i)), { headers })
            await r.arrayBuffer()
            if (!r.ok) throw new Error(`review: HTTP ${r.status}`)
            latencies.push(performance.now() - t)
          }
        }),
      )
      const wall = performance.now() - wallStarted
      latencies.sort((a, b) => a - b)
      console.log(
        `${label}, ${concurrency} concurrent × ${perWorker}, ${round}: p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, ` +
          `${((concurrency * perWorker) / (wall / 1000)).toFixed(0)} req/s (budget p95 150 ms)`,
      )
    }
  }
}

/**
 * The demo week's schedule for all channels from the page (plan, solve in a worker thread, roster,
 * save), how fast the server answers meanwhile, then the schedule page's server time.
 */
async function benchSchedulePage(baseUrl: string) {
  const started = performance.now()
  const response = await appFetch(`${baseUrl}/schedules`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ forecastId: '2', week: '0', channel: '' }),
    redirect: 'manual',
  })
  const jobUrl = `${baseUrl}${response.headers.get('location')}`
  const during: number[] = []
  let scheduleUrl: string | null = null
  while (scheduleUrl === null) {
    const t = performance.now()
    await fetch(`${baseUrl}/healthz`).then((r) => r.arrayBuffer())
    during.push(performance.now() - t)
    const poll = await appFetch(jobUrl, { redirect: 'manual' })
    await poll.arrayBuffer()
    if (poll.status === 302) scheduleUrl = `${baseUrl}${poll.headers.get('location')}`
    else await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const seconds = (performance.now() - started) / 1000
  during.sort((a, b) => a - b)
  const page = await appFetch(scheduleUrl).then((r) => r.text())
  const figure = (id: string) => new RegExp(`data-testid="${id}">([^<]+)<`).exec(page)?.[1] ?? '?'
  console.log(
    `Demo week's schedule, all channels, from the page: ${seconds.toFixed(1)} s (time limit 10 s), paid ${figure('paid-hours')} h, ` +
      `coverage ${figure('coverage')}, gap ${figure('gap')}, ${figure('shifts')} shifts, ${figure('open-shifts')} open; ` +
      `/healthz meanwhile p50 ${ms(percentile(during, 0.5))}, max ${ms(during.at(-1)!)}`,
  )
  for (const [label, url] of [
    ['Schedule page, week (coverage chart + roster of every agent)', scheduleUrl],
    ['Schedule page, one day (coverage chart + timeline)', `${scheduleUrl}?day=0`],
  ] as const) {
    const latencies: number[] = []
    for (let i = 0; i < 10; i++) {
      const t = performance.now()
      await appFetch(url).then((r) => r.arrayBuffer())
      latencies.push(performance.now() - t)
    }
    latencies.sort((a, b) => a - b)
    console.log(`${label}: p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}`)
  }
}

function benchForecast() {
  // A year of demo history (4 channels, generated by the same simulator as the demo), aggregated
  // to 15-minute records as the database holds them; timed: 30-minute series, a backtest of every
  // method from 8 origins, auto's choice and the final fit.
  const timeZone = 'America/Sao_Paulo'
  const history = generateDemoHistory({ today: '2026-11-24', timeZone, weeks: 52 })
  const records = history.channels.map(({ contacts }) => {
    const byStart = new Map<number, HistoryRecord>()
    contacts.arrivedAt.forEach((t, i) => {
      const start = Math.floor(t / 900_000) * 900_000
      let r = byStart.get(start)
      if (!r) byStart.set(start, (r = { start, offered: 0, handleSec: 0, handled: 0 }))
      r.offered++
      if (contacts.answered[i]) {
        r.handleSec! += contacts.handleSec[i]!
        r.handled!++
      }
    })
    return [...byStart.values()]
  })
  const started = performance.now()
  const methods: string[] = []
  for (const channelRecords of records) {
    const { volume, handle } = channelHistory(channelRecords, history.from, history.to, timeZone, 30)
    const result = forecastChannel(volume, handle, { horizonDays: 7, method: 'auto' })
    methods.push(`${result.method} ${((result.choice?.wape ?? 0) * 100).toFixed(1)}%`)
  }
  console.log(
    `Forecast, one year of 30-minute history × 4 channels (series, backtest of 5 methods × 8 origins, auto, final fit): ` +
      `${ms(performance.now() - started)} (budget 5 s); chosen: ${methods.join(', ')}`,
  )
  // The gaps of the same year as the Data page finds them (15-minute series, rows present).
  const gapsStarted = performance.now()
  const found = records.map((channelRecords) => {
    const { volume } = channelHistory(channelRecords, history.from, history.to, timeZone, 15)
    const present = presentSlots(channelRecords.map((r) => r.start), history.from, volume.days, timeZone, 15)
    return gapsBeyond(volume, [], { present }).length
  })
  console.log(`History gaps, the same year × 4 channels at 15 minutes: ${ms(performance.now() - gapsStarted)}; gaps found ${found.join(', ')}`)
  if (!hasBankCalls()) {
    console.log('Bank calls backtest: ../shared/data absent, skipped')
    return
  }
  const bank = bankBacktest()
  console.log(`Bank calls (fpp3, 30-minute intervals), rolling origin from every day after week 8, over the ${bank.origins} origins auto can be scored at, ${ms(bank.ms)}`)
  console.log('  method            WAPE 7d   WAPE 1d   bias 7d   MAPE 7d   RMSE 7d')
  for (const row of bank.rows) {
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`.padStart(8)
    console.log(`  ${row.method.padEnd(16)}${pct(row.weekWape)}  ${pct(row.dayWape)}  ${pct(row.weekBias)}  ${pct(row.weekMape)}  ${row.weekRmse.toFixed(1).padStart(8)}`)
  }
}

async function benchSchedule() {
  // A week of 15-minute requirements peaking at 300 agents, NR-17 6h20 and 8h48 shifts with
  // their breaks, starts every 15 minutes 07:00–22:00: LP bound, integer program, repair.
  for (const peak of [300, 60]) {
    const result = await solveSchedule(weekRequirements(peak), nr17Rules, { timeLimitSec: 10 })
    console.log(
      `Weekly schedule peaking at ${peak} agents: ${(result.milliseconds / 1000).toFixed(1)} s (limit 10 s, the whole solve), paid ${result.paidHours.toFixed(1)} h, ` +
        `LP bound ${result.lpBound.toFixed(1)} h, gap ${(result.gap * 100).toFixed(2)}% (budget 3%), ` +
        `MIP bound ${result.mipBound === null ? 'none' : `${result.mipBound.toFixed(1)} h`}, gap to the better bound ${(result.bestGap * 100).toFixed(2)}%, ${result.shifts.length} shifts, ` +
        `${result.uncovered.length} intervals short, ${result.minutes.shortMinutes} minutes short (${result.minutes.shortAgentMinutes} agent-minutes) ` +
        `and ${result.minutes.unreachableMinutes} no allowed shift can reach (${result.minutes.unreachableAgentMinutes} agent-minutes), ` +
        `solver "${result.status}" (LP ${(result.phases.relaxationMs / 1000).toFixed(1)} s, integer program ${(result.phases.integerMs / 1000).toFixed(1)} s of the ${result.phases.integerLimitSec.toFixed(1)} s left to it)`,
    )
  }
}

/** The million-contact import runs in its own process, so that its peak RSS is its own. */
function benchImport() {
  const tsx = path.join(import.meta.dirname, '../../node_modules/.bin/tsx')
  const run = spawnSync(tsx, [path.join(import.meta.dirname, 'import-million.ts')], { stdio: 'inherit' })
  if (run.status !== 0) throw new Error('the import benchmark failed')
}

// `npm run bench -- app` (or any of the names) runs only those parts; `load`, `scale`,
// `schedule-quality` and `schedule-skills` (minutes long) run only when named.
const parts = {
  staffing: async () => benchStaffing(),
  demo: async () => benchDemoGeneration(),
  forecast: async () => benchForecast(),
  schedule: benchSchedule,
  'schedule-skills': benchScheduleSkills,
  import: async () => benchImport(),
  app: benchApp,
  load: benchLoad,
  scale: benchScale,
  'schedule-quality': benchScheduleQuality,
}
const chosen = process.argv.slice(2)
for (const name of chosen) if (!(name in parts)) throw new Error(`unknown bench part "${name}"; parts: ${Object.keys(parts).join(', ')}`)
const onlyWhenNamed = ['load', 'scale', 'schedule-quality', 'schedule-skills']
for (const [name, run] of Object.entries(parts)) if (chosen.includes(name) || (chosen.length === 0 && !onlyWhenNamed.includes(name))) await run()
