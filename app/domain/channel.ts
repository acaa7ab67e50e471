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
  /** When agents work, Sunday … Saturday; null = always. */
  openingHours: WeekHours | null
  /** The TMA to plan with where a forecast has none (Settings); absent or null = none. */
  plannedAht?: PlannedAht | null
}

/**
 * The wait that counts as "in time" for the service level: the SL threshold for real-time
 * channels, the response goal for deferred work (e-mail answered within H hours).
 */
export function serviceThresholdSec(channel: { kind: string; slThresholdSec: number; responseGoalSec: number | null }): number {
  return channel.kind === 'deferred' && channel.responseGoalSec != null ? channel.responseGoalSec : channel.slThresholdSec
}
