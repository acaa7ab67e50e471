// The fpp3 bank calls (../shared/data, see its README): calls per 5 minutes, weekdays 07:00–21:00,
// 3 March – 24 October 2003, written as local clock labels. Read into a DaySeries of whole local
// days; days absent from the file have no calls. Weekends are never in it (the bank's lines were
// closed); six weekdays are absent too (Memorial Day, Independence Day, Labor Day, 4 and 7 April
// and 14 October): `findGaps` finds them, and they are left out as the app leaves out gaps.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { addDays, daysBetween } from '../../app/domain/intervals.ts'
import { createSeries, type DaySeries } from '../../app/domain/forecast/series.ts'
import { AccuracySums, type Accuracy } from '../../app/domain/forecast/accuracy.ts'
import { autoAccuracy, backtestHorizons, backtestOrigins, forecastFrom, type Backtest, type OriginScore } from '../../app/domain/forecast/backtest.ts'
import { compareAuto } from '../../app/domain/forecast/forecast.ts'
import { findGaps, withoutGaps, type HistoryGap } from '../../app/domain/forecast/gaps.ts'
import { methods, methodIds } from '../../app/domain/forecast/methods/index.ts'

/** `../shared/data` beside the repository, or `SHARED_DATA` (a worktree elsewhere). */
const dataDir = process.env.SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data')
export const bankCallsFile = path.join(dataDir, 'fpp3_bank_calls_5min.csv')

export function hasBankCalls(): boolean {
  return existsSync(bankCallsFile)
}

export interface BankCalls {
  /** Days absent from the file read as zeros, as a source without gap detection would. */
  raw: DaySeries
  /** The gaps `findGaps` finds in it. */
  gaps: HistoryGap[]
  /** The same with the gaps left out (NaN): what the app learns from. */
  series: DaySeries
}

export function loadBankCalls(intervalMinutes: number): BankCalls {
  const lines = readFileSync(bankCallsFile, 'utf8').trim().split('\n').slice(1)
  const rows = lines.map((line) => {
    const [stamp, calls] = line.split(',')
    return { day: stamp!.slice(0, 10), minute: Number(stamp!.slice(11, 13)) * 60 + Number(stamp!.slice(14, 16)), calls: Number(calls) }
  })
  const firstDay = rows[0]!.day
  const raw = createSeries(firstDay, daysBetween(firstDay, rows[rows.length - 1]!.day) + 1, 1440 / intervalMinutes)
  const present = new Uint8Array(raw.values.length)
  for (const row of rows) {
    const i = daysBetween(firstDay, row.day) * raw.slotsPerDay + Math.floor(row.minute / intervalMinutes)
    raw.values[i]! += row.calls
    present[i] = 1
  }
  const gaps = findGaps(raw, { present })
  return { raw, gaps, series: withoutGaps(raw, gaps) }
}

export interface BankBacktestRow {
  method: string
  /** Week-ahead and day-ahead pooled WAPE over every origin. */
  weekWape: number
  dayWape: number
  weekBias: number
  weekMape: number
  weekRmse: number
  /** The worst week-ahead WAPE at any one origin, and that origin's date. */
  worstWeekWape: number
  worstOrigin: string
}

export interface BankBacktestOptions {
  /**
   * Fit every method at every origin, as `wfm forecast` run on that day would (default: as the
   * app's backtest does, Holt-Winters fitted once before the earliest origin).
   */
  refitEveryOrigin?: boolean
  /** Train on the gaps read as zeros (default: left out). Actuals on gap days are unknown either way. */
  gapsAsZeros?: boolean
}

/**
 * The acceptance comparison: 30-minute intervals, an origin every day from the 8th week on; auto
 * scored without hindsight (it needs earlier finished origins) and every method over the same
 * origins as auto. Its own rolling loop rather than `backtest`: it may train on the gaps read as
 * zeros while scoring against the actuals (unknown on those days), and refit at every origin.
 */
export function bankBacktest(options: BankBacktestOptions = {}): { origins: number; rows: BankBacktestRow[]; gaps: HistoryGap[]; ms: number } {
  const started = performance.now()
  const { raw, gaps, series } = loadBankCalls(30)
  const train = options.gapsAsZeros ? raw : series
  const s = train.slotsPerDay
  const origins = backtestOrigins(train, { origins: 1000, stepDays: 1, minTrainingDays: 56 })
  const longest = backtestHorizons[backtestHorizons.length - 1]!
  const result: Backtest = {
    origins,
    methods: methodIds.map((id) => {
      const method = methods[id]
      const first = method.fit(train, origins[0]!)
      const scores: OriginScore[] = []
      for (const origin of origins) {
        const refit = (options.refitEveryOrigin || method.refitEachOrigin) && origin !== origins[0]
        const forecast = forecastFrom(id, train, origin, longest, refit ? method.fit(train, origin) : first)
        for (const horizon of backtestHorizons) {
          const sums = new AccuracySums()
          sums.addAll(forecast.subarray(0, horizon * s), series.values.subarray(origin * s, (origin + horizon) * s))
          scores.push({ origin, horizon, sums })
        }
      }
      return { method: id, params: first, accuracy: { 1: pooled(scores, 1), 7: pooled(scores, 7) }, scores }
    }),
  }
  const comparison = compareAuto(result)!
  const autoWeek = autoAccuracy(result, 7).scores
  const scored = new Set(autoWeek.map((score) => score.origin))
  const worst = (scores: readonly OriginScore[]) => {
    let found = { wape: 0, origin: '' }
    for (const score of scores) {
      const wape = score.sums.result().wape
      if (score.horizon === 7 && scored.has(score.origin) && wape !== null && wape > found.wape) {
        found = { wape, origin: addDays(train.firstDay, score.origin) }
      }
    }
    return found
  }
  const row = (method: string, day: Accuracy, week: Accuracy, scores: readonly OriginScore[]): BankBacktestRow => {
    const w = worst(scores)
    return {
      method,
      weekWape: week.wape!,
      dayWape: day.wape!,
      weekBias: week.bias!,
      weekMape: week.mape!,
      weekRmse: week.rmse!,
      worstWeekWape: w.wape,
      worstOrigin: w.origin,
    }
  }
  const rows = comparison.methods.map((m) => row(m.method, m.oneDay, m.oneWeek, result.methods.find((r) => r.method === m.method)!.scores))
  rows.push(row('auto', comparison.auto.oneDay, comparison.auto.oneWeek, autoWeek))
  return { origins: comparison.origins.oneWeek, rows, gaps, ms: performance.now() - started }
}

function pooled(scores: readonly OriginScore[], horizon: number): Accuracy {
  const sums = new AccuracySums()
  for (const score of scores) if (score.horizon === horizon) sums.merge(score.sums)
  return sums.result()
}
