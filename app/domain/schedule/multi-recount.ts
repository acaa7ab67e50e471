// A multi-skill schedule recounted per channel, minute by minute (issue 15, item 5), from its
// shifts alone: in each minute, each group's agents on the floor (coverage.ts), shared out among
// the channels by the max-flow allocation of skill-allocation.ts — an agent counts for one channel
// at a time, never two — then each channel's owed, short and unreachable minutes as for a single
// channel. A channel no group has the skill for is unreachable throughout.
import { floorByMinute, onBreakByMinute, owedByMinute, shortMinutes, type ShortMinutes, type TimedShift } from './coverage.ts'
import { channelOwed, channelReach, works, type MultiSkillProblem } from './multi-skill.ts'
import type { ScheduleRules } from './rules.ts'
import { memoAllocate } from './skill-allocation.ts'

export interface ChannelRecount extends ShortMinutes {
  owedAgentMinutes: number
}

export interface MultiRecount {
  /** Per channel, in the problem's order. */
  channels: ChannelRecount[]
  /** Summed over channels; `unreachable` merges the channels' stretches. */
  totals: ShortMinutes & { owedAgentMinutes: number }
  /** Intervals with a minute where some channel is short. */
  uncovered: number[]
  /** The most agents on a break at once, and the minutes with more than the rules' `maxOnBreak`. */
  breaks: { most: number; overLimitMinutes: number }
}

export function recountSkills(shifts: ReadonlyArray<TimedShift & { group: number }>, problem: MultiSkillProblem, rules: ScheduleRules): MultiRecount {
  const { requirements, groups, channels } = problem
  const { intervalMin } = requirements
  const first = requirements.start[0] ?? 0
  const minutes = requirements.start.length * intervalMin
  const floors = groups.map((_, g) =>
    floorByMinute(
      shifts.filter((s) => s.group === g),
      first,
      minutes,
    ),
  )
  const owed = channels.map((_, c) => owedByMinute(channelOwed(problem, c, rules), intervalMin))
  const allocate = memoAllocate(groups.map((g) => g.channels))
  const covered = channels.map(() => new Array<number>(minutes).fill(0))
  const uncovered: number[] = []
  for (let m = 0; m < minutes; m++) {
    const need = owed.map((o) => o[m]!)
    const split = allocate(
      floors.map((f) => f[m]!),
      need,
    ).covered
    split.forEach((x, c) => (covered[c]![m] = x))
    const interval = Math.floor(m / intervalMin)
    if (need.some((x, c) => x - split[c]! > 1e-6) && uncovered.at(-1) !== interval) uncovered.push(interval)
  }
  const none = new Array<boolean>(minutes).fill(false)
  const perChannel = channels.map((_, c): ChannelRecount => ({
    owedAgentMinutes: owed[c]!.reduce((a, b) => a + b, 0),
    ...shortMinutes(owed[c]!, covered[c]!, groups.some((g) => works(g, c)) ? channelReach(problem, c, rules) : none, first),
  }))
  const onBreak = onBreakByMinute(shifts, first, minutes)
  const limit = rules.maxOnBreak ?? Infinity
  return {
    channels: perChannel,
    totals: sumChannels(perChannel),
    uncovered,
    breaks: { most: onBreak.reduce((a, b) => Math.max(a, b), 0), overLimitMinutes: onBreak.filter((k) => k > limit).length },
  }
}

function sumChannels(list: readonly ChannelRecount[]): MultiRecount['totals'] {
  const stretches = list.flatMap((c) => c.unreachable).sort((a, b) => a.start - b.start)
  const unreachable: Array<{ start: number; end: number }> = []
  for (const s of stretches) {
    const last = unreachable.at(-1)
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else unreachable.push({ ...s })
  }
  const sum = (key: 'owedAgentMinutes' | 'shortMinutes' | 'shortAgentMinutes' | 'unreachableMinutes' | 'unreachableAgentMinutes') => list.reduce((a, c) => a + c[key], 0)
  return {
    owedAgentMinutes: sum('owedAgentMinutes'),
    shortMinutes: sum('shortMinutes'),
    shortAgentMinutes: sum('shortAgentMinutes'),
    unreachableMinutes: sum('unreachableMinutes'),
    unreachableAgentMinutes: sum('unreachableAgentMinutes'),
    unreachable,
  }
}
