// `npm run bench`: prints the figures behind the performance budgets in DESIGN.md. It never fails
// on timing; it fails only if something breaks.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { requiredServersErlangC } from '../../app/domain/erlang.ts'
import { staff } from '../../app/domain/staffing.ts'
import { generateDemoHistory } from '../../app/domain/demo/generate.ts'
import { addDays, localDateOf } from '../../app/domain/intervals.ts'
import { startApp } from '../support/server.ts'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
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

async function benchApp() {
  const started = performance.now()
  const app = await startApp()
  const startup = performance.now() - started
  const loaded = /Loaded demo data: .* in ([\d.]+) s/.exec(app.output())
  console.log(`npm start on an empty database (build check, migrate, demo load, serve): ${ms(startup)}; demo load ${loaded?.[1] ?? '?'} s (budget 15 s)`)
  try {
    const today = localDateOf(Date.now(), 'America/Sao_Paulo')
    for (const [label, query] of [
      ['Overview, 7 days', ''],
      ['Overview, 91 days', `from=${addDays(today, -91)}&to=${addDays(today, -1)}`],
    ] as const) {
      // Single fetch serves the index route's loader data at /_root.data.
      const dataUrl = `${app.baseUrl}/_root.data?_routes=routes%2F_index${query ? `&${query}` : ''}`
      await fetch(dataUrl).then((r) => r.arrayBuffer()) // warm-up
      const latencies: number[] = []
      const concurrency = 20
      const perWorker = 15
      const wallStarted = performance.now()
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = 0; i < perWorker; i++) {
            const t = performance.now()
            const response = await fetch(dataUrl)
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
  } finally {
    await app.stop()
  }
}

/** The million-contact import runs in its own process, so that its peak RSS is its own. */
function benchImport() {
  const tsx = path.join(import.meta.dirname, '../../node_modules/.bin/tsx')
  const run = spawnSync(tsx, [path.join(import.meta.dirname, 'import-million.ts')], { stdio: 'inherit' })
  if (run.status !== 0) throw new Error('the import benchmark failed')
}

benchStaffing()
benchDemoGeneration()
benchImport()
await benchApp()
