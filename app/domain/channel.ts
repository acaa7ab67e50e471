// What a channel is, independent of storage.
import type { WeekHours } from './opening-hours.ts'
import type { PlannedAht } from './planned-aht.ts'
import type { QueueModel } from './staffing.ts'

export type ChannelKind = 'realtime' | 'deferred'

export interface ChannelTargets {
  kind: ChannelKind
  concurrency: number
  slGoal: number
  slThresholdSec: number
  asaGoalSec: number | null
  maxOccupancy: number | null
  shrinkage: number
  patienceSec: number | null
  responseGoalSec: number | null
  /** Queue model of a real-time channel's staffing: Erlang A needs a patience. */
  staffingModel: QueueModel
  /**
   * Efficiency k of a real-time channel, in (0, MAX_EFFICIENCY]: one agent on the floor is worth
   * k × concurrency servers of the queue model (agents on duty are not all available); absent = 1,
   * the textbook. Deferred work is sized by workload and does not use it (decision 006).
   */
  efficiency?: number
  /** When agents work, Sunday … Saturday; null = always. */
  openingHours: WeekHours | null
  /** The TMA to plan with where a forecast has none (Settings); absent or null = none. */
  plannedAht?: PlannedAht | null
}

/**
 * The queue model a channel is planned with: Erlang A when chosen and a patience is set (it models
 * abandonment by that patience), Erlang C otherwise — the one rule the plan, the review and the
 * pages read.
 */
export function queueModelOf(channel: { staffingModel: string; patienceSec: number | null }): QueueModel {
  return channel.staffingModel === 'erlangA' && channel.patienceSec !== null ? 'erlangA' : 'erlangC'
}

/** How a channel is staffed: its queue model, or "deferred" for work answered later (e-mail). */
export function staffingMethodOf(channel: { kind: string; staffingModel: string; patienceSec: number | null }): QueueModel | 'deferred' {
  return channel.kind === 'deferred' ? 'deferred' : queueModelOf(channel)
}

/**
 * The wait that counts as "in time" for the service level: the SL threshold for real-time
 * channels, the response goal for deferred work (e-mail answered within H hours).
 */
export function serviceThresholdSec(channel: { kind: string; slThresholdSec: number; responseGoalSec: number | null }): number {
  return channel.kind === 'deferred' && channel.responseGoalSec != null ? channel.responseGoalSec : channel.slThresholdSec
}
