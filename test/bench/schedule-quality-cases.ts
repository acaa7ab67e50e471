// The held-back weeks of the schedule quality check (issue 15's acceptance), built here and not
// shared with the product's tests so that the optimiser is not tuned on them: a small week
// peaking at 13 agents, a real bank's week at 79 and a large week at 312, all under NR-17 rules.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { nr17ShiftType, type RulesFile, type WeekRequirements } from '../support/schedule-recount.ts'

export interface QualityCase {
  name: string
  week: WeekRequirements
  rules: RulesFile
  /** How the requirement was made, for the printout. */
  note: string
}

/**
 * NR-17 Annex II as the app's default rules define it (app/services/schedule-rules.server.ts:
 * the 6h20 of nr17ShiftType, starts and breaks every 15 minutes, at least one agent while open),
 * written out rather than imported, with the case's opening hours. Everything else (time limit included) is the CLI's default.
 */
function nr17(openingHours: RulesFile['openingHours']): RulesFile {
  return {
    shiftTypes: [nr17ShiftType],
    startEveryMinutes: 15,
    earliestStart: '06:00',
    latestStart: '22:00',
    breakEveryMinutes: 15,
    openingHours,
    minAgentsWhileOpen: 1,
  }
}

const MONDAY = Date.UTC(2026, 10, 30)
const everyDay = (open: string, close: string) => Array.from({ length: 7 }, () => ({ open, close }))

/**
 * A Monday-to-Sunday week open 07:00–23:00 with a morning and a late-afternoon peak, weekdays
 * differing a little, Saturday and Sunday lighter, ±4% deterministic noise; scaled so that its
 * highest interval needs exactly `peak` agents.
 */
export function twoPeakWeek(peak: number): QualityCase {
  const dayScale = [1, 0.96, 0.93, 0.95, 0.9, 0.58, 0.42]
  let seed = 20_261_130 + peak
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return 1 + 0.08 * (seed / 2_147_483_648 - 0.5)
  }
  const load: number[] = []
  for (let d = 0; d < 7; d++)
    for (let q = 0; q < 96; q++) {
      const hour = q / 4 + 0.125
      const open = hour >= 7 && hour < 23
      const shape = 0.18 + Math.exp(-(((hour - 10.25) / 1.9) ** 2)) + 0.8 * Math.exp(-(((hour - 16.75) / 2.4) ** 2)) + 0.12 * Math.exp(-(((hour - 21) / 1.2) ** 2))
      load.push(open ? dayScale[d]! * shape * noise() : 0)
    }
  const top = Math.max(...load)
  const required = load.map((x) => (x === 0 ? 0 : Math.max(1, Math.round((peak * x) / top))))
  return { name: `peak ${peak}`, week: { start: MONDAY, required }, rules: nr17(everyDay('07:00', '23:00')), note: 'two daily peaks, weekends lighter, open 07:00–23:00' }
}

/** Erlang C probability of waiting with `n` agents and `a` Erlangs (n > a), by the Erlang B recursion. */
function probWait(n: number, a: number): number {
  let b = 1
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b)
  return (n * b) / (n - a * (1 - b))
}

/** The fewest agents answering 80% within 20 s (Erlang C) for `calls` in 15 minutes of `ahtSec` each. */
export function agentsFor(calls: number, ahtSec: number): number {
  if (calls === 0) return 0
  const a = (calls * ahtSec) / 900
  for (let n = Math.floor(a) + 1; ; n++) if (1 - probWait(n, a) * Math.exp((-(n - a) * 20) / ahtSec) >= 0.8) return n
}

const dataDir = process.env.SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data')
export const bankCallsFile = path.join(dataDir, 'fpp3_bank_calls_5min.csv')
const BANK_MONDAY = '2003-03-10'

/**
 * The fpp3 bank's calls (../shared/data, weekdays 07:00–21:00 in 5-minute counts) of the week of
 * Monday 10 March 2003, summed to 15-minute intervals and turned into agents with Erlang C at
 * 80/20, the handle time scaled so that the busiest interval needs 79 agents (the data has no
 * handle times). The bank answers 07:00–21:00 (the file's last count, 21:00–21:05, begins at the
 * close and is left out), Monday to Friday. Null when the data is absent.
 */
export function bankWeek(): QualityCase | null {
  if (!existsSync(bankCallsFile)) return null
  const start = Date.parse(`${BANK_MONDAY}T00:00:00Z`)
  const calls = new Array<number>(5 * 96).fill(0)
  for (const line of readFileSync(bankCallsFile, 'utf8').trim().split('\n').slice(1)) {
    const [stamp, count] = line.split(',')
    const minute = (Date.parse(`${stamp!.replace(' ', 'T')}Z`) - start) / 60_000
    if (minute < 0 || minute >= 5 * 1440 || minute % 1440 >= 21 * 60) continue
    calls[Math.floor(minute / 15)]! += Number(count)
  }
  for (let d = 0; d < 5; d++)
    if (calls.slice(d * 96, d * 96 + 96).every((c) => c === 0)) throw new Error(`the bank calls file has no calls on day ${d} of the week of ${BANK_MONDAY}`)
  // The busiest interval's agents grow by one at a time with the handle time: the shortest
  // handle time (to 0.01 s) at which it needs 79.
  const peakAt = (aht: number) => Math.max(...calls.map((c) => agentsFor(c, aht)))
  let low = 1
  let high = 3600
  while (high - low > 0.01) {
    const mid = (low + high) / 2
    if (peakAt(mid) >= 79) high = mid
    else low = mid
  }
  if (peakAt(high) !== 79) throw new Error(`no handle time makes the bank's peak 79 agents (got ${peakAt(high)})`)
  const required = calls.map((c) => agentsFor(c, high))
  const weekdays = Array.from({ length: 7 }, (_, day) => (day >= 1 && day <= 5 ? { open: '07:00', close: '21:00' } : null))
  return {
    name: 'bank 79',
    week: { start, required },
    rules: nr17(weekdays),
    note: `fpp3 bank calls, week of ${BANK_MONDAY}, Erlang C 80/20 s, AHT ${high.toFixed(2)} s (scaled), open Mon–Fri 07:00–21:00`,
  }
}
