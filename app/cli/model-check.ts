// `wfm model-check` and `wfm calibrate`: the public JSON lines of issue 17 (docs/command-line.md).
import type { CalibrationResult, ModelCheckResult } from '../services/model-check.server.ts'
import { roundTo } from '../utils/format.ts'

const round = (x: number | null, digits: number) => (x === null ? null : roundTo(x, digits))

/** One line per checked interval. */
export function modelCheckLines(result: ModelCheckResult): string[] {
  return result.checked.map(({ actuals, check }) =>
    JSON.stringify({
      start: new Date(actuals.start).toISOString(),
      channel: result.channel.key,
      offered: actuals.offered,
      answered: actuals.answered,
      abandoned: actuals.abandoned,
      agents: round(actuals.agentsOnDuty, 4),
      aht: round(actuals.ahtSec, 1),
      predictedServiceLevel: round(check.predictedServiceLevel, 6),
      actualServiceLevel: round(check.actualServiceLevel, 6),
      predictedAbandonRate: round(check.predictedAbandonRate, 6),
      actualAbandonRate: round(check.actualAbandonRate, 6),
    }),
  )
}

/** The check's closing line. */
export function modelCheckSummaryLine(result: ModelCheckResult): string {
  const { summary } = result
  return JSON.stringify({
    summary: {
      intervals: summary.intervals,
      abandonMae: round(summary.abandonMae, 6),
      slMae: round(summary.slMae, 6),
      abandonBias: round(summary.abandonBias, 6),
      slBias: round(summary.slBias, 6),
      efficiency: result.efficiency,
      patience: result.patienceSec,
    },
  })
}

export function calibrationLine(channel: string, fit: CalibrationResult, applied: boolean): string {
  return JSON.stringify({
    channel,
    efficiency: roundTo(fit.efficiency, 3),
    patience: fit.patienceSec,
    intervals: fit.intervals,
    abandonMae: round(fit.abandonMae, 6),
    slMae: round(fit.slMae, 6),
    abandonBias: round(fit.abandonBias, 6),
    slBias: round(fit.slBias, 6),
    applied,
  })
}
