// Model check: how well the channel's queueing model predicts what happened. For each past
// interval with enough traffic, the model is given the *actual* volume, TMA and agents on duty
// (× the channel's efficiency k: agents on duty are not all available, so the effective servers
// are k × agents, fractional allowed) and its service level and abandonment are set beside the
// actual ones. Both follow decision 004: SL = answered within T ÷ (offered − abandoned within T),
// abandonment = abandoned ÷ offered.
//
// Concurrency follows the staffing engine (decision 006): an agent handling c conversations at
// once is c servers, traffic counted in conversations; so servers = k × agents × c.
//
// Conventions: Erlang C has no abandonment, so it predicts 0. An overloaded Erlang C queue
// (traffic ≥ servers) has no steady state; the engine's convention (erlang.ts) stands: every
// contact waits without end, SL 0. Erlang A is defined at any load (abandonment keeps it stable).
// An interval with no agents on duty or no TMA is not eligible: missing data is not zero.
import { erlangAMetrics } from './erlang-a.ts'
import { erlangCMetrics } from './erlang.ts'
import { isEfficiency, MAX_EFFICIENCY, type QueueModel } from './staffing.ts'

export interface IntervalActuals {
  offered: number
  /** Counts; null where the source did not give them (that measure is then unknown). */
  answered: number | null
  abandoned: number | null
  answeredWithinThreshold: number | null
  abandonedWithinThreshold: number | null
  /** Actual TMA, seconds; null when unknown. */
  ahtSec: number | null
  /** Agents on duty in the interval (a mean over it may be fractional); null when unknown. */
  agentsOnDuty: number | null
  intervalSec: number
}

export interface ChannelModel {
  model: QueueModel
  thresholdSec: number
  /** Mean patience, seconds: required by Erlang A. */
  patienceSec: number | null
  /** Conversations one agent handles at once; 1 when absent. */
  concurrency?: number | null
}

export interface EligibilityRule {
  /** Offered contacts per hour at least, scaled to the interval's length. */
  minOfferedPerHour: number
  minAnsweredPerHour: number
}

export const DEFAULT_ELIGIBILITY: EligibilityRule = { minOfferedPerHour: 60, minAnsweredPerHour: 20 }

function assertEfficiency(efficiency: number): void {
  if (!isEfficiency(efficiency)) {
    throw new RangeError(`efficiency must be a number in (0, ${MAX_EFFICIENCY}] (got ${efficiency})`)
  }
}

/** Whether an interval has enough traffic, a TMA and agents on duty to test the model with. */
export function isEligible(actuals: IntervalActuals, rule: EligibilityRule = DEFAULT_ELIGIBILITY): boolean {
  const hours = actuals.intervalSec / 3600
  return (
    actuals.offered >= rule.minOfferedPerHour * hours &&
    actuals.answered !== null &&
    actuals.answered >= rule.minAnsweredPerHour * hours &&
    actuals.ahtSec !== null &&
    actuals.ahtSec > 0 &&
    actuals.agentsOnDuty !== null &&
    actuals.agentsOnDuty > 0
  )
}

export interface IntervalCheck {
  /** Effective servers the model was given: efficiency × agents on duty × concurrency. */
  servers: number
  /** Offered load, Erlangs: offered × TMA ÷ interval. */
  traffic: number
  predictedServiceLevel: number
  predictedAbandonRate: number
  /** Null where the counts behind them are unknown (or the denominator is 0). */
  actualServiceLevel: number | null
  actualAbandonRate: number | null
}

/** Conversations per agent, checked; refuses an Erlang A channel without patience too. */
function validConcurrency(channel: ChannelModel): number {
  if (channel.model === 'erlangA' && channel.patienceSec === null) throw new RangeError('patience is required by the Erlang A model')
  const concurrency = channel.concurrency ?? 1
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1 (got ${concurrency})`)
  return concurrency
}

/** Predicted and actual measures of one eligible interval (check with isEligible first). */
export function checkInterval(actuals: IntervalActuals, channel: ChannelModel, efficiency: number): IntervalCheck {
  assertEfficiency(efficiency)
  const { offered, ahtSec, agentsOnDuty, intervalSec } = actuals
  if (ahtSec === null || agentsOnDuty === null) throw new RangeError('an interval without TMA or agents on duty cannot be checked')
  const servers = efficiency * agentsOnDuty * validConcurrency(channel)
  const traffic = (offered * ahtSec) / intervalSec
  // The ASA is not compared: skipping it keeps an overloaded Erlang A interval cheap.
  const predicted =
    channel.model === 'erlangA'
      ? erlangAMetrics(servers, traffic, ahtSec, channel.patienceSec!, channel.thresholdSec, false)
      : erlangCMetrics(servers, traffic, ahtSec, channel.thresholdSec)
  const { answeredWithinThreshold, abandonedWithinThreshold, abandoned } = actuals
  const slEligible = abandonedWithinThreshold === null ? 0 : offered - abandonedWithinThreshold
  return {
    servers,
    traffic,
    predictedServiceLevel: predicted.serviceLevel,
    predictedAbandonRate: predicted.abandonRate,
    actualServiceLevel: answeredWithinThreshold !== null && slEligible > 0 ? answeredWithinThreshold / slEligible : null,
    actualAbandonRate: abandoned !== null && offered > 0 ? abandoned / offered : null,
  }
}

export interface ModelCheckSummary {
  /** Eligible intervals checked. */
  intervals: number
  /** Intervals with an actual of that measure (the MAE and bias are over these). */
  slIntervals: number
  abandonIntervals: number
  /** Mean |predicted − actual| and mean (predicted − actual); null over no interval. */
  slMae: number | null
  slBias: number | null
  abandonMae: number | null
  abandonBias: number | null
}

function errors(pairs: { predicted: number; actual: number | null }[]): { count: number; mae: number | null; bias: number | null } {
  let count = 0
  let absolute = 0
  let signed = 0
  for (const { predicted, actual } of pairs) {
    if (actual === null) continue
    count++
    absolute += Math.abs(predicted - actual)
    signed += predicted - actual
  }
  return count === 0 ? { count, mae: null, bias: null } : { count, mae: absolute / count, bias: signed / count }
}

export function summarise(checks: readonly IntervalCheck[]): ModelCheckSummary {
  const sl = errors(checks.map((c) => ({ predicted: c.predictedServiceLevel, actual: c.actualServiceLevel })))
  const abandon = errors(checks.map((c) => ({ predicted: c.predictedAbandonRate, actual: c.actualAbandonRate })))
  return {
    intervals: checks.length,
    slIntervals: sl.count,
    abandonIntervals: abandon.count,
    slMae: sl.mae,
    slBias: sl.bias,
    abandonMae: abandon.mae,
    abandonBias: abandon.bias,
  }
}

export interface ModelCheck {
  /** One entry per interval given, in order: null where it is not eligible. */
  checks: (IntervalCheck | null)[]
  summary: ModelCheckSummary
}

/** The model check over many intervals of one channel. */
export function checkModel(intervals: readonly IntervalActuals[], channel: ChannelModel, efficiency: number, rule: EligibilityRule = DEFAULT_ELIGIBILITY): ModelCheck {
  const checks = intervals.map((actuals) => (isEligible(actuals, rule) ? checkInterval(actuals, channel, efficiency) : null))
  return { checks, summary: summarise(checks.filter((c): c is IntervalCheck => c !== null)) }
}
