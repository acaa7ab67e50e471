// The fpp3 bank calls (../shared/data, see its README): calls per 5 minutes, weekdays 07:00–21:00,
// 3 March – 24 October 2003, written as local clock labels. Read into a DaySeries of whole local
// days; weekends, absent from the file, are days with no calls (the bank's lines were closed).
// The few weekdays absent too are US public holidays (Memorial Day, Independence Day, Labor
// Day…): they are marked missing, as a special day the analyst tagged would be.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { addDays, daysBetween, weekdayOf } from '../../app/domain/intervals.ts'
import { createSeries, type DaySeries } from '../../app/domain/forecast/series.ts'
import { backtest } from '../../app/domain/forecast/backtest.ts'
import type { Accuracy } from '../../app/domain/forecast/accuracy.ts'
import { compareAuto } from '../../app/domain/forecast/forecast.ts'

export const bankCallsFile = path.resolve(import.meta.dirname, '../../../shared/data/fpp3_bank_calls_5min.csv')

export function hasBankCalls(): boolean {
  return existsSync(bankCallsFile)
}

export function loadBankCalls(intervalMinutes: number): DaySeries {
  const lines = readFileSync(bankCallsFile, 'utf8').trim().split('\n').slice(1)
  const rows = lines.map((line) => {
    const [stamp, calls] = line.split(',')
    return { day: stamp!.slice(0, 10), minute: Number(stamp!.slice(11, 13)) * 60 + Number(stamp!.slice(14, 16)), calls: Number(calls) }
  })
  const firstDay = rows[0]!.day
  const days = daysBetween(firstDay, rows[rows.length - 1]!.day) + 1
  const slots = 1440 / intervalMinutes
  const series = createSeries(firstDay, days, slots)
  const present = new Set(rows.map((row) => row.day))
  for (let d = 0; d < days; d++) {
    const weekday = (weekdayOf(firstDay) + d) % 7
    if (weekday !== 0 && weekday !== 6 && !present.has(addDays(firstDay, d))) series.values.fill(Number.NaN, d * slots, (d + 1) * slots)
  }
  for (const row of rows) {
    series.values[daysBetween(firstDay, row.day) * slots + Math.floor(row.minute / intervalMinutes)]! += row.calls
  }
  return series
}

export interface BankBacktestRow {
  method: string
  /** Week-ahead and day-ahead pooled WAPE over every origin. */
  weekWape: number
  dayWape: number
  weekBias: number
  weekMape: number
  weekRmse: number
}

/**
 * The acceptance comparison: 30-minute intervals, an origin every day from the 8th week on; auto
 * scored without hindsight (it needs earlier finished origins) and every method over the same
 * origins as auto.
 */
export function bankBacktest(): { origins: number; rows: BankBacktestRow[]; ms: number } {
  const started = performance.now()
  const series = loadBankCalls(30)
  const result = backtest(series, { origins: 1000, stepDays: 1, minTrainingDays: 56 })
  const comparison = compareAuto(result)!
  const row = (method: string, day: Accuracy, week: Accuracy): BankBacktestRow => ({
    method,
    weekWape: week.wape!,
    dayWape: day.wape!,
    weekBias: week.bias!,
    weekMape: week.mape!,
    weekRmse: week.rmse!,
  })
  const rows = comparison.methods.map((m) => row(m.method, m.oneDay, m.oneWeek))
  rows.push(row('auto', comparison.auto.oneDay, comparison.auto.oneWeek))
  return { origins: comparison.origins.oneWeek, rows, ms: performance.now() - started }
}
