// A staffing plan: for every forecast interval of a channel, the agents its targets need (the
// staffing engine: Erlang C or A for real-time work, with concurrency and the channel's efficiency;
// workload and response goal for deferred work, backlog carried over), with shrinkage, and the
// measures predicted at those agents. Totals add fractional agents, so rounding each interval up
// does not inflate hours. Efficiency applies to the queue models only: deferred work is sized by
// workload, where unavailable time is shrinkage's (docs/decisions/006-staffing-engine.md).
import { queueModelOf, type ChannelTargets } from './channel.ts'
import { deferredStaffing } from './deferred.ts'
import { isOpen, type WeekHours } from './opening-hours.ts'
import { plannedAhtAt } from './planned-aht.ts'
import { ceilAgents, EngineLimit, staff } from './staffing.ts'

export interface PlanInterval {
  /** UTC start, epoch ms. */
  start: number
  /** Local date, weekday (0 = Sunday) and minute of the day of the start. */
  day: string
  weekday: number
  minute: number
  offered: number
  /** Forecast TMA, seconds; null when unknown (the channel's planned TMA, else the plan's mean, is used). */
  ahtSec: number | null
}

export interface PlannedInterval {
  start: number
  day: string
  offered: number
  ahtSec: number
  /** Agents needed on the floor: whole, and the continuous value where the goals are met exactly. */
  agents: number
  agentsFractional: number
  /** Agents to schedule, with shrinkage. */
  scheduled: number
  scheduledFractional: number
  /**
   * Predicted at `agents`; null where nothing is offered. Deferred work: null in a plan (it is
   * sized to answer everything in time); when evaluated at given agents, the share of the items
   * answered in the interval that were on time.
   */
  serviceLevel: number | null
  /** What the service level is a share of: contacts offered (real-time), items answered (deferred). */
  slWeight: number
  asa: number | null
  occupancy: number | null
  /** Erlang A only. */
  abandonRate: number | null
  /** Deferred work: items not yet answered at the end of the interval. */
  backlog: number | null
}

/**
 * Why a channel cannot be planned: no TMA anywhere (neither the forecast nor a planned TMA in
 * Settings), deferred work without a response goal, or a load the engine does not compute (a
 * scenario's). Pages name the channel and the fix.
 */
export class PlanProblem extends RangeError {
  constructor(
    readonly reason: PlanProblemReason,
    readonly channel: string,
    detail?: string,
  ) {
    super(detail ?? (reason === 'noAht' ? `the forecast has no TMA for ${channel} and no planned TMA is set` : `${channel} is deferred work and needs a response goal`))
  }
}

/** What keeps a channel from being planned: no TMA, no response goal, or a load beyond the engine. */
export type PlanProblemReason = 'noAht' | 'noResponseGoal' | EngineLimit['limit']

/** The volume-weighted mean forecast TMA, to fill intervals where it is unknown. */
function meanAht(intervals: readonly PlanInterval[]): number | null {
  let handle = 0
  let volume = 0
  for (const i of intervals) {
    if (i.ahtSec !== null && i.offered > 0) {
      handle += i.ahtSec * i.offered
      volume += i.offered
    }
  }
  if (volume > 0) return handle / volume
  const known = intervals.filter((i) => i.ahtSec !== null)
  return known.length > 0 ? known.reduce((sum, i) => sum + i.ahtSec!, 0) / known.length : null
}

/**
 * Each interval's TMA: the forecast's; where it has none, the channel's planned TMA for that
 * weekday and hour (Settings); else the forecast's mean over the plan.
 */
function ahtOf(channel: ChannelTargets & { name: string }, intervals: readonly PlanInterval[]): (i: PlanInterval) => number {
  const mean = meanAht(intervals)
  const planned = channel.plannedAht ?? null
  return (i) => {
    const aht = i.ahtSec ?? (planned && plannedAhtAt(planned, i.weekday, i.minute)) ?? mean
    if (aht === null) {
      if (i.offered === 0) return 0
      throw new PlanProblem('noAht', channel.name)
    }
    return aht
  }
}

export interface PlanOptions {
  intervalSec: number
  /** Agents per interval to evaluate instead of searching (what-if: the base plan's staffing). */
  agents?: readonly number[]
}

const idle = (i: PlanInterval, ahtSec: number): PlannedInterval => ({
  start: i.start,
  day: i.day,
  offered: i.offered,
  ahtSec,
  agents: 0,
  agentsFractional: 0,
  scheduled: 0,
  scheduledFractional: 0,
  serviceLevel: null,
  slWeight: 0,
  asa: null,
  occupancy: null,
  abandonRate: null,
  backlog: null,
})

/** The channel's plan; throws a PlanProblem naming the channel when it cannot be made. */
export function planChannel(
  channel: ChannelTargets & { name: string },
  intervals: readonly PlanInterval[],
  options: PlanOptions,
): PlannedInterval[] {
  try {
    return channel.kind === 'deferred' ? planDeferred(channel, intervals, options) : planRealtime(channel, intervals, options)
  } catch (error) {
    if (error instanceof EngineLimit) throw new PlanProblem(error.limit, channel.name, error.message)
    throw error
  }
}

/**
 * The load each interval is staffed for, when arrivals change over the day. Staffing every
 * interval at its own λ·AHT as if the queue were in steady state (SIPP, what WFM suites do) makes
 * a rising morning and the opening hour beat the prediction by up to 7 points of service level
 * with 15-minute intervals: the queue has not caught up with the load yet. The modified offered
 * load (Jennings, Mandelbaum, Massey & Whitt 1996), m(t) = ∫ λ(t − u) P(S > u) du, is the work
 * actually in the system; with exponential handle times it relaxes towards λ·AHT with time
 * constant AHT, and its mean over an interval is closed-form. Measured against the queue
 * simulator (test/unit/staffing-simulation.test.ts, docs/decisions/009-staffing-plan.md):
 * - rising load: the interval's mean m, which removes SIPP's optimism;
 * - falling load: λ·AHT itself (the mean m there over-staffs by ~5 points: work still in service
 *   after a peak does not make new arrivals wait the way queued work would);
 * - the interval the lines open in (after one with nothing offered): m at its end, since the
 *   ramp from an empty queue is too steep inside one interval for its mean.
 * The first interval of a plan starts in steady state. Returns effective calls per interval
 * (load × interval ÷ AHT) for the staffing engine.
 */
export function modifiedOfferedCalls(offered: readonly number[], ahtSec: readonly number[], intervalSec: number): number[] {
  const calls: number[] = []
  let load = offered.length > 0 && ahtSec[0]! > 0 ? (offered[0]! * ahtSec[0]!) / intervalSec : 0
  offered.forEach((o, i) => {
    const aht = ahtSec[i]!
    if (!(aht > 0)) {
      // No handle time known (nothing offered in the whole plan): nothing carried either.
      load = 0
      calls.push(o)
      return
    }
    const target = (o * aht) / intervalSec
    const decay = Math.exp(-intervalSec / aht)
    const mean = target + ((load - target) * aht * (1 - decay)) / intervalSec
    const opening = i > 0 && offered[i - 1]! <= 0
    load = target + (load - target) * decay
    const effective = opening ? load : mean
    calls.push(effective < target ? (effective * intervalSec) / aht : o)
  })
  return calls
}

function planRealtime(
  channel: ChannelTargets & { name: string },
  intervals: readonly PlanInterval[],
  options: PlanOptions,
): PlannedInterval[] {
  const aht = ahtOf(channel, intervals)
  const erlangA = queueModelOf(channel) === 'erlangA'
  const ahts = intervals.map(aht)
  const effective = modifiedOfferedCalls(
    intervals.map((i) => i.offered),
    ahts,
    options.intervalSec,
  )
  return intervals.map((interval, index) => {
    const ahtSec = ahts[index]!
    const given = options.agents?.[index]
    // Nothing arrives: nobody to answer (agents finish what they hold).
    if (interval.offered <= 0) {
      const planned = idle(interval, ahtSec)
      if (given !== undefined) planned.agents = planned.agentsFractional = given
      return planned
    }
    const result = staff({
      calls: effective[index]!,
      intervalSec: options.intervalSec,
      ahtSec,
      slGoal: channel.slGoal,
      thresholdSec: channel.slThresholdSec,
      asaGoalSec: channel.asaGoalSec,
      maxOccupancy: channel.maxOccupancy,
      shrinkage: channel.shrinkage,
      patienceSec: erlangA ? channel.patienceSec : null,
      model: erlangA ? 'erlangA' : 'erlangC',
      concurrency: channel.concurrency,
      efficiency: channel.efficiency ?? 1,
      // Given agents are on the floor: the engine measures them at efficiency × concurrency servers.
      agents: given === undefined ? null : Math.round(given),
    })
    return {
      start: interval.start,
      day: interval.day,
      offered: interval.offered,
      ahtSec,
      agents: result.agents,
      agentsFractional: result.agentsFractional,
      scheduled: result.agentsWithShrinkage,
      scheduledFractional: result.agentsWithShrinkageFractional,
      serviceLevel: result.serviceLevel,
      slWeight: interval.offered,
      asa: Number.isFinite(result.asa) ? result.asa : null,
      occupancy: result.occupancy,
      abandonRate: erlangA ? result.abandonRate : null,
      backlog: null,
    }
  })
}

/** Deferred work is answered only within opening hours (always, when none are set). */
function openFlags(hours: WeekHours | null, intervals: readonly PlanInterval[], intervalSec: number): boolean[] {
  return intervals.map((i) => hours === null || isOpen(hours, i.weekday, i.minute, intervalSec / 60))
}

function planDeferred(
  channel: ChannelTargets & { name: string },
  intervals: readonly PlanInterval[],
  options: PlanOptions,
): PlannedInterval[] {
  if (channel.responseGoalSec === null) throw new PlanProblem('noResponseGoal', channel.name)
  const aht = ahtOf(channel, intervals)
  const ahtSec = meanAht(intervals.map((i) => ({ ...i, ahtSec: i.offered > 0 ? aht(i) : i.ahtSec }))) ?? 0
  const open = openFlags(channel.openingHours, intervals, options.intervalSec)
  if (options.agents) return evaluateDeferred(channel, intervals, options, open, aht)
  if (ahtSec === 0) return intervals.map((i) => idle(i, 0))
  // Each item's work is its own interval's TMA (the plan's mean where unknown).
  const plan = deferredStaffing(
    intervals.map((i, k) => ({ volume: i.offered, open: open[k]!, ahtSec: aht(i) || ahtSec })),
    { intervalSec: options.intervalSec, ahtSec, responseGoalSec: channel.responseGoalSec },
  )
  return intervals.map((interval, k) => {
    const fractional = plan.agents[k]!
    return {
      ...idle(interval, aht(interval)),
      agents: ceilAgents(fractional),
      agentsFractional: fractional,
      scheduled: ceilAgents(fractional / (1 - channel.shrinkage)),
      scheduledFractional: fractional / (1 - channel.shrinkage),
      occupancy: fractional > 0 ? fractional / ceilAgents(fractional) : null,
      backlog: plan.backlog[k]!,
    }
  })
}

/**
 * Deferred work at given agents: items are answered first come, first served, as fast as the
 * agents' time allows (a fluid queue per interval); the backlog and the share answered within
 * the response goal follow.
 */
function evaluateDeferred(
  channel: ChannelTargets & { name: string },
  intervals: readonly PlanInterval[],
  options: PlanOptions,
  open: readonly boolean[],
  aht: (i: PlanInterval) => number,
): PlannedInterval[] {
  const goalIntervals = channel.responseGoalSec! / options.intervalSec
  const queue: { arrived: number; items: number; ahtSec: number }[] = []
  let backlog = 0
  return intervals.map((interval, k) => {
    const ahtSec = aht(interval)
    const agents = options.agents![k] ?? 0
    if (interval.offered > 0 && ahtSec > 0) queue.push({ arrived: k, items: interval.offered, ahtSec })
    backlog += interval.offered
    // Agents' seconds in the interval, spent on items in arrival order at each item's TMA.
    let capacity = open[k] ? agents * options.intervalSec : 0
    let answered = 0
    let late = 0
    let busy = 0
    while (capacity > 1e-9 && queue.length > 0) {
      const batch = queue[0]!
      const take = Math.min(capacity / batch.ahtSec, batch.items)
      // Answered by the end of this interval: late when that is past the batch's deadline.
      if (k + 1 - batch.arrived > goalIntervals) late += take
      answered += take
      busy += take * batch.ahtSec
      batch.items -= take
      capacity -= take * batch.ahtSec
      if (batch.items <= 1e-12) queue.shift()
    }
    backlog -= answered
    return {
      ...idle(interval, ahtSec),
      agents,
      agentsFractional: agents,
      scheduled: ceilAgents(agents / (1 - channel.shrinkage)),
      scheduledFractional: agents / (1 - channel.shrinkage),
      serviceLevel: answered > 0 ? 1 - late / answered : null,
      slWeight: answered,
      occupancy: agents > 0 && open[k] ? Math.min(1, busy / (agents * options.intervalSec)) : null,
      backlog: Math.max(0, backlog),
    }
  })
}

export interface PlanTotals {
  offered: number
  /** Agent-hours on the floor and scheduled (with shrinkage), from fractional agents. */
  agentHours: number
  scheduledHours: number
  /** Full-time equivalents: scheduled hours ÷ the hours one FTE works in the period. */
  fte: number
  /** The most agents scheduled at once (whole): the largest sum over the channels of one interval. */
  peakScheduled: number
  /** Predicted service level (weighted by what it is a share of) and abandonment (volume-weighted); null when not modelled. */
  serviceLevel: number | null
  abandonRate: number | null
}

/**
 * Totals of planned intervals, of one channel or several (the peak is then the busiest interval of
 * their sum, not the busiest channel's own). `fteHours` is what one FTE works over the same period (a week:
 * the weekly contract, e.g. 44 h, or 36 h for telemarketing under NR-17 Annex II; a day: that
 * divided by the working days).
 */
export function planTotals(planned: readonly PlannedInterval[], intervalSec: number, fteHours: number): PlanTotals {
  const hours = intervalSec / 3600
  let offered = 0
  let agentHours = 0
  let scheduledHours = 0
  const scheduledAt = new Map<number, number>()
  let slWeight = 0
  let slSum = 0
  let abandonWeight = 0
  let abandonSum = 0
  for (const p of planned) {
    offered += p.offered
    agentHours += p.agentsFractional * hours
    scheduledHours += p.scheduledFractional * hours
    scheduledAt.set(p.start, (scheduledAt.get(p.start) ?? 0) + p.scheduled)
    if (p.serviceLevel !== null && p.slWeight > 0) {
      slSum += p.serviceLevel * p.slWeight
      slWeight += p.slWeight
    }
    if (p.abandonRate !== null && p.offered > 0) {
      abandonSum += p.abandonRate * p.offered
      abandonWeight += p.offered
    }
  }
  let peakScheduled = 0
  for (const scheduled of scheduledAt.values()) peakScheduled = Math.max(peakScheduled, scheduled)
  return {
    offered,
    agentHours,
    scheduledHours,
    fte: fteHours > 0 ? scheduledHours / fteHours : 0,
    peakScheduled,
    serviceLevel: slWeight > 0 ? slSum / slWeight : null,
    abandonRate: abandonWeight > 0 ? abandonSum / abandonWeight : null,
  }
}
