// What-if scenarios on a staffing plan: the base plan's forecast and targets, changed by
// percentages (volume and TMA, for all channels, one channel or one day), other targets
// (SL goal and threshold, shrinkage) or a channel's rollout (the share of customers who can use
// it: a chat opened from 20% to 60% of customers carries 3× the forecast volume).
import type { ChannelTargets } from './channel.ts'
import type { PlanInterval } from './staffing-plan.ts'

export interface ChannelChanges {
  volumePct?: number
  ahtPct?: number
  /** Share in (0, 1). */
  slGoal?: number
  slThresholdSec?: number
  /** Share in [0, 1). */
  shrinkage?: number
  /** Share of customers the channel is offered to, in percent: now and in the scenario. */
  rolloutFromPct?: number
  rolloutToPct?: number
}

export interface ScenarioChanges {
  volumePct: number
  ahtPct: number
  /** By channel key. */
  channels: Record<string, ChannelChanges>
  /** Volume change by local date "YYYY-MM-DD", every channel. */
  days: Record<string, number>
}

export const noChanges: ScenarioChanges = { volumePct: 0, ahtPct: 0, channels: {}, days: {} }

const factor = (pct: number | undefined) => 1 + (pct ?? 0) / 100

export function checkChanges(changes: ScenarioChanges): void {
  const pct = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value >= -100 && value <= 1000)) {
      throw new RangeError(`${name} must be a percentage between −100 and 1000 (got ${value})`)
    }
  }
  pct('volume', changes.volumePct)
  pct('aht', changes.ahtPct)
  for (const [key, c] of Object.entries(changes.channels)) {
    pct(`${key} volume`, c.volumePct)
    pct(`${key} aht`, c.ahtPct)
    if (c.slGoal !== undefined && !(c.slGoal > 0 && c.slGoal < 1)) throw new RangeError(`${key} SL goal must be a share in (0, 1)`)
    if (c.slThresholdSec !== undefined && !(c.slThresholdSec >= 0)) throw new RangeError(`${key} threshold must be ≥ 0`)
    if (c.shrinkage !== undefined && !(c.shrinkage >= 0 && c.shrinkage < 1))
      throw new RangeError(`${key} shrinkage must be a share in [0, 1)`)
    if ((c.rolloutFromPct === undefined) !== (c.rolloutToPct === undefined)) throw new RangeError(`${key} rollout needs both shares`)
    if (
      c.rolloutFromPct !== undefined &&
      !(c.rolloutFromPct > 0 && c.rolloutFromPct <= 100 && c.rolloutToPct! >= 0 && c.rolloutToPct! <= 100)
    ) {
      throw new RangeError(`${key} rollout shares must be percentages (now above 0)`)
    }
  }
  for (const [day, value] of Object.entries(changes.days)) pct(`volume on ${day}`, value)
}

/** The channel's targets and forecast as the scenario has them. */
export function applyScenario<C extends ChannelTargets & { key: string }>(
  channel: C,
  intervals: readonly PlanInterval[],
  changes: ScenarioChanges,
): { channel: C; intervals: PlanInterval[] } {
  const c = changes.channels[channel.key] ?? {}
  const rollout = c.rolloutFromPct !== undefined ? c.rolloutToPct! / c.rolloutFromPct : 1
  const volume = factor(changes.volumePct) * factor(c.volumePct) * rollout
  const aht = factor(changes.ahtPct) * factor(c.ahtPct)
  return {
    channel: {
      ...channel,
      slGoal: c.slGoal ?? channel.slGoal,
      slThresholdSec: c.slThresholdSec ?? channel.slThresholdSec,
      shrinkage: c.shrinkage ?? channel.shrinkage,
    },
    intervals: intervals.map((i) => ({
      ...i,
      offered: i.offered * volume * factor(changes.days[i.day]),
      ahtSec: i.ahtSec === null ? null : i.ahtSec * aht,
    })),
  }
}
