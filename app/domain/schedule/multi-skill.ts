// Multi-skill scheduling (issue 15, item 5): agents carry the channels they can work, each channel
// keeps its own requirement, and an agent on the floor counts for one channel at a time.
//
// Agents fall into skill groups, one per distinct set of channels ({voz}, {chat}, {voz, chat}),
// each with its head count. The model is model.ts's set covering with a copy of the start and
// break variables per group — x[g,s,t], y[g,s,t,b,k], Σk y = x — over the same rows (the rules,
// and so the allowed shifts and the rows' boundaries, are shared). In row r, group g has
// F_g(r) = Σ x − Σ y agents on the floor. A group of one channel gives them all to it; a group of
// several shares them out through continuous z[g,c,r] ≥ 0 with Σ_c z[g,c,r] ≤ F_g(r). Each
// channel's row reads Σ_{g = {c}} F_g(r) + Σ_{g ∋ c} z[g,c,r] + u[c,r] ≥ need_c(r).
//
// Why z may be continuous: once the x and y are whole, each row's F_g(r) are whole numbers and
// sharing them out is a transportation problem between groups and channels (supplies F_g, demands
// need_c, an arc where the group has the skill). Its constraint matrix is the incidence matrix of
// a bipartite graph, totally unimodular, so with whole requirements some optimal allocation is
// whole: every agent on one channel, the same shortfall. The solver needs integrality only on x
// and y, and the model stays as exact as the single-channel one.
//
// Limits: a group's people bound its shifts a day and, less their days off, a horizon's
// (rules.ts shiftCap; `splitWeekCaps` shares that among the days when the days are solved apart);
// the rules' maxAgentsPerDay bounds all groups together. The recount
// (multi-recount.ts) re-reads the shifts minute by minute with a max-flow allocation, whatever z
// the solver chose.
import type { Block } from './blocks.ts'
import {
  buildRows,
  chunk,
  contributions,
  breakRows,
  num,
  owedPerInterval,
  placementCovering,
  placementsFrom,
  rowsIn,
  shiftAt,
  spansOf,
  startVariables,
  terms,
  type Placement,
  type Requirements,
  type Rows,
  type ScheduledShift,
  type Start,
} from './model.ts'
import { allowedStarts, reachableMinutes } from './reach.ts'
import type { WeekHours } from '../opening-hours.ts'
import type { Person } from './people.ts'
import { DEFAULT_SHORTFALL_PENALTY, paidHours, shiftCap, type ScheduleRules } from './rules.ts'
import { memoAllocate } from './skill-allocation.ts'
import { shareOut, shiftVariables } from './warm-start.ts'

/** Agents with the same channels: indexes into the problem's channels, and how many people (null: no limit). */
export interface SkillGroup {
  channels: readonly number[]
  people: number | null
  /** Its people's hours and contracts (people.ts), when known: read where the group is solved alone (skillComponents). */
  members?: readonly Person[]
}

export interface MultiSkillProblem {
  /** The intervals (their `required` is not read: see `required`). */
  requirements: Requirements
  channels: readonly string[]
  /** Per channel, per interval: agents required on the floor. */
  required: ReadonlyArray<readonly number[]>
  groups: readonly SkillGroup[]
  /** Per channel, its opening hours (null: always open), where its minimum while open applies; absent: the rules' for every channel. */
  openingHours?: ReadonlyArray<WeekHours | null>
}

/**
 * A team's skill groups: its members' distinct channel sets (indexes into the problem's channels),
 * in the order of their channels (A, A+B, B) so that the same team gives the same model, with their
 * head counts; `groupOf` is each member's group, −1 for one who works none of the channels.
 */
export function skillGroups(members: ReadonlyArray<readonly number[]>): { groups: SkillGroup[]; groupOf: number[] } {
  const sets = members.map((channels) => [...new Set(channels)].sort((a, b) => a - b))
  const keys = [...new Set(sets.filter((c) => c.length > 0).map((c) => c.join(',')))]
  const channelsOf = (key: string) => key.split(',').map(Number)
  keys.sort((a, b) => compareLists(channelsOf(a), channelsOf(b)))
  const groups = keys.map((key) => ({ channels: channelsOf(key), people: sets.filter((c) => c.join(',') === key).length }))
  return { groups, groupOf: sets.map((c) => keys.indexOf(c.join(','))) }
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!
  return a.length - b.length
}

/** Channels joined by the groups that work them, and those groups (indexes into the problem's). */
export interface SkillComponent {
  channels: number[]
  groups: number[]
}

/**
 * The problem's independent parts: channels that share no group share no variable and no row, so
 * each set of channels joined by groups (voice alone; chat and WhatsApp with the agents of either
 * and of both) is a problem of its own, as long as nothing limits the groups together (the rules'
 * total a day above their head counts). A channel no group works is a part with no group.
 */
export function skillComponents(problem: MultiSkillProblem): SkillComponent[] {
  const root = problem.channels.map((_, c) => c)
  const find = (c: number): number => (root[c] === c ? c : (root[c] = find(root[c]!)))
  for (const group of problem.groups) if (group.people !== 0) for (const c of group.channels.slice(1)) root[find(c)] = find(group.channels[0]!)
  const parts = new Map<number, SkillComponent>()
  problem.channels.forEach((_, c) => {
    const part = parts.get(find(c)) ?? { channels: [], groups: [] }
    part.channels.push(c)
    parts.set(find(c), part)
  })
  problem.groups.forEach((group, g) => {
    if (group.people !== 0 && group.channels.length > 0) parts.get(find(group.channels[0]!))!.groups.push(g)
  })
  return [...parts.values()]
}

/** A component as a problem of its own: its channels and groups, renumbered in their order. */
export function componentProblem(problem: MultiSkillProblem, part: SkillComponent): MultiSkillProblem {
  return {
    requirements: problem.requirements,
    channels: part.channels.map((c) => problem.channels[c]!),
    required: part.channels.map((c) => problem.required[c]!),
    ...(problem.openingHours && { openingHours: part.channels.map((c) => problem.openingHours![c]!) }),
    groups: part.groups.map((g) => {
      const group = problem.groups[g]!
      return { ...group, channels: group.channels.map((c) => part.channels.indexOf(c)) }
    }),
  }
}

/** The rules as they apply to one channel: its own opening hours (a shift may still span the channels' together). */
export function channelRules(problem: MultiSkillProblem, channel: number, rules: ScheduleRules): ScheduleRules {
  return problem.openingHours ? { ...rules, openingHours: problem.openingHours[channel]! } : rules
}

/** Per interval, what channel `c` is owed: its requirement, its minimum while open within its own hours. */
export const channelOwed = (problem: MultiSkillProblem, channel: number, rules: ScheduleRules): number[] =>
  owedPerInterval(channelRequirements(problem, channel), channelRules(problem, channel, rules))

/** Per minute, whether some allowed shift within channel `c`'s own hours reaches it (reach.ts): where it is not, a shortfall is the rules', as for a single channel. */
export const channelReach = (problem: MultiSkillProblem, channel: number, rules: ScheduleRules): boolean[] =>
  reachableMinutes(problem.requirements, channelRules(problem, channel, rules))

/** The requirements of one channel (its opening hours and minimum while open apply as to a single channel). */
export function channelRequirements(problem: MultiSkillProblem, channel: number): Requirements {
  return { ...problem.requirements, required: problem.required[channel]! }
}

/** Whether a group works a channel: has the skill, and people (or no limit). */
export const works = (group: SkillGroup, channel: number) => group.channels.includes(channel) && group.people !== 0

export interface MultiSkillModel {
  lp: string
  relaxed: string
  rows: Rows
  /** Per group: its starts (variables named x<g>_<type>_<interval>). */
  starts: Start[][]
  /** Per channel, per interval: the requirement owed. */
  owed: number[][]
  /** Per channel, per row: owed and reachable by a group with the channel (has `u<c>_<r>`). */
  charged: boolean[][]
  /** The objective's terms (paid hours per start, penalty per shortfall): the cost of any values. */
  objective: Array<[number, string]>
  /** Per group, per day: the most shifts, when a week's cap was split among the days (splitWeekCaps). */
  dayCaps: ReadonlyArray<ReadonlyMap<number, number>> | null
}

/** The rules a group's limits make: its people per day (the rules' maxAgentsPerDay stays the total). */
const groupRules = (rules: ScheduleRules, group: SkillGroup): ScheduleRules => ({ ...rules, maxAgentsPerDay: group.people })

/** The rules for blocks.ts: a per-day limit of any group ties a day's starts as the total one does. */
export function blockRules(problem: MultiSkillProblem, rules: ScheduleRules): ScheduleRules {
  const limited = rules.maxAgentsPerDay != null || problem.groups.some((g) => g.people != null)
  return { ...rules, maxAgentsPerDay: limited ? (rules.maxAgentsPerDay ?? Number.MAX_SAFE_INTEGER) : null }
}

export function buildMultiSkillModel(
  problem: MultiSkillProblem,
  rules: ScheduleRules,
  block?: Block,
  dayCaps: ReadonlyArray<ReadonlyMap<number, number>> | null = null,
): MultiSkillModel {
  const { requirements, groups, channels } = problem
  const { intervalMin } = requirements
  const n = requirements.start.length
  const inBlock = (i: number) => !block || (i >= block.from && i < block.to)
  const allowed = allowedStarts(requirements, rules).filter((s) => inBlock(s.interval))
  const table = buildRows(n, intervalMin, spansOf(allowed, rules))
  const rowCount = table.start.length
  const rowsAt = (i: number, from: number, to: number) => rowsIn(table, intervalMin, i, from, to)
  const vars = groups.map((_, g) => startVariables(allowed, requirements, rules, rowsAt, rowCount, `${g}_`))
  const owed = channels.map((_, c) => channelOwed(problem, c, rules))
  const charged = channels.map((_, c) => {
    const staffed = groups.some((g) => works(g, c))
    const reachable = channelReach(problem, c, rules)
    return table.start.map((t, r) => staffed && owed[c]![table.interval[r]!]! > 0 && reachable[t]! && inBlock(table.interval[r]!))
  })
  const penalty = (rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY) / 60
  const objective = vars.flatMap((v) => v.objective)
  const cover: string[] = []
  const capacity: string[] = []
  for (let r = 0; r < rowCount; r++) {
    const byChannel = channels.map(() => [] as Array<[number, string]>)
    groups.forEach((group, g) => {
      const floor = vars[g]!.rowTerms[r]!
      if (floor.length === 0 || group.people === 0) return
      const owedHere = group.channels.filter((c) => charged[c]![r])
      if (owedHere.length === 0) return
      if (group.channels.length === 1) {
        byChannel[group.channels[0]!]!.push(...floor)
        return
      }
      const z = owedHere.map((c): [number, string] => [1, `z${g}_${c}_${r}`])
      capacity.push(`k${g}_${r}: ${terms([...z, ...floor.map(([k, v]): [number, string] => [-k, v])])} <= 0`)
      owedHere.forEach((c, k) => byChannel[c]!.push(z[k]!))
    })
    channels.forEach((_, c) => {
      if (!charged[c]![r]) return
      objective.push([penalty * (table.end[r]! - table.start[r]!), `u${c}_${r}`])
      cover.push(`c${c}_${r}: ${terms([...byChannel[c]!, [1, `u${c}_${r}`]])} >= ${num(owed[c]![table.interval[r]!]!)}`)
    })
  }
  // At most N on a break at once, whatever their skills.
  const breakLimits: string[] = []
  if (rules.maxOnBreak != null) {
    const seen = new Set<string>()
    for (let r = 0; r < rowCount; r++) {
      const onBreak = vars.flatMap((v) => v.rowTerms[r]!.filter(([c]) => c < 0).map(([, name]): [number, string] => [1, name]))
      const key = onBreak.map(([, v]) => v).join(' ')
      if (onBreak.length === 0 || seen.has(key)) continue
      seen.add(key)
      breakLimits.push(`b${r}: ${terms(onBreak)} <= ${rules.maxOnBreak}`)
    }
  }
  const days = new Set(requirements.day).size
  const limits: string[] = []
  const limit = (name: string, perDay: Map<number, string[]>, people: number | null, byDay: (day: number) => string, dayCap?: ReadonlyMap<number, number>) => {
    for (const [day, names] of perDay) {
      const most = Math.min(people ?? Infinity, dayCap?.get(day) ?? Infinity)
      if (Number.isFinite(most)) limits.push(`${byDay(day)}: ${terms(names.map((v): [number, string] => [1, v]))} <= ${most}`)
    }
    if (people == null) return
    const cap = shiftCap({ ...rules, maxAgentsPerDay: people }, days)
    if (cap !== null && cap < people * perDay.size) limits.push(`${name}: ${terms([...perDay.values()].flat().map((v): [number, string] => [1, v]))} <= ${cap}`)
  }
  groups.forEach((group, g) => limit(`w${g}`, vars[g]!.perDay, group.people, (day) => `d${g}_${day}`, dayCaps?.[g]))
  const allDays = new Map<number, string[]>()
  for (const v of vars) for (const [day, names] of v.perDay) allDays.set(day, [...(allDays.get(day) ?? []), ...names])
  // The total limit, unless the groups' own imply it (the CLI's: as many as the agents).
  const people = groups.reduce((sum, g) => sum + (g.people ?? Infinity), 0)
  if (rules.maxAgentsPerDay != null && rules.maxAgentsPerDay < people) limit('w', allDays, rules.maxAgentsPerDay, (day) => `d_${day}`)
  const assignments = vars.flatMap((v) => v.assignments)
  const body = ['Minimize', ` obj: ${terms(objective)}`, 'Subject To', ...[...cover, ...capacity, ...assignments, ...breakLimits, ...limits].map((c) => ` ${c}`)]
  return {
    lp: [...body, 'General', ...chunk(vars.flatMap((v) => v.integers)), 'End'].join('\n'),
    relaxed: [...body, 'End'].join('\n'),
    rows: table,
    starts: vars.map((v) => v.starts),
    owed,
    charged,
    objective,
    dayCaps,
  }
}

/**
 * When the blocks' relaxations (`relaxed`, their values joined) give some group more shifts than
 * its people can work in the horizon (people × working days), that group's cap — and the cap of
 * every group sharing a channel with it, to which the days' schedules would move its work — split
 * among the days in proportion to what the relaxations used each day (largest remainder; never
 * above the people; a day they did not use gets none): day caps under which the blocks can be
 * solved apart again and keep those groups' horizon caps. With `every`, every group's cap is split
 * so. Null when no group's cap is broken. A restriction of the problem: its schedule is feasible,
 * its bound is not the problem's. (Measured, decision 010: splitting only the broken group let the
 * days' schedules give the group of both skills 74 shifts against its 66 on the demo week.)
 */
export function splitWeekCaps(problem: MultiSkillProblem, rules: ScheduleRules, relaxed: Record<string, number>, every = false): Array<Map<number, number>> | null {
  const { requirements, groups } = problem
  const days = [...new Set(requirements.day)]
  const used = groups.map(() => new Map<number, number>(days.map((day) => [day, 0])))
  for (const [name, value] of Object.entries(relaxed)) {
    const match = /^x(\d+)_\d+_(\d+)$/.exec(name)
    if (!match) continue
    const day = requirements.day[Number(match[2])]!
    const perDay = used[Number(match[1])]!
    perDay.set(day, perDay.get(day)! + value)
  }
  const capOf = groups.map((group) => shiftCap(groupRules(rules, group), days.length))
  const total = (g: number) => [...used[g]!.values()].reduce((a, b) => a + b, 0)
  const broken = groups.flatMap((_, g) => (capOf[g] != null && total(g) > capOf[g]! + 1e-6 ? [g] : []))
  if (broken.length === 0) return null
  // A broken group, or one that works a channel of one: the days' schedules move its work there.
  const substitutes = (g: number) => broken.some((b) => groups[b]!.channels.some((c) => groups[g]!.channels.includes(c)))
  return groups.map((group, g) => {
    const cap = capOf[g]
    if (cap == null || (!every && !substitutes(g))) return new Map<number, number>()
    const shares = shareOut(cap, [...used[g]!].map(([day, x]) => [String(day), x] as const))
    return new Map(days.map((day) => [day, Math.min(group.people!, shares.get(String(day)) ?? 0)]))
  })
}

/** Whether solver values (or a relaxation's) keep every group's and the total limit on the horizon's shifts (blocks solved apart may not). */
export function withinShiftCaps(problem: MultiSkillProblem, rules: ScheduleRules, values: Record<string, number>): boolean {
  const days = new Set(problem.requirements.day).size
  const perGroup = new Array<number>(problem.groups.length).fill(0)
  for (const [name, value] of Object.entries(values)) {
    const match = /^x(\d+)_/.exec(name)
    if (match) perGroup[Number(match[1])]! += value
  }
  const total = perGroup.reduce((a, b) => a + b, 0)
  const totalCap = shiftCap(rules, days)
  return (totalCap === null || total <= totalCap + 1e-6) && problem.groups.every((group, g) => {
    const cap = shiftCap(groupRules(rules, group), days)
    return cap === null || perGroup[g]! <= cap + 1e-6
  })
}

/** A shift of a skill group. */
export interface GroupShift extends ScheduledShift {
  group: number
}

export interface MultiSkillResult {
  /** In start order (then group). */
  shifts: GroupShift[]
  paidHours: number
  /** Shifts the repair added after the solver. */
  repaired: number
}

interface GroupPlacement extends Placement {
  group: number
}

/** Solver values as shifts of their groups, topped up by the greedy repair where rows stay short. */
export function readMultiSkill(model: MultiSkillModel, problem: MultiSkillProblem, rules: ScheduleRules, value: (name: string) => number): MultiSkillResult {
  const placements: GroupPlacement[] = model.starts.flatMap((starts, g) => placementsFrom(starts, rules, value).map((p) => ({ ...p, group: g })))
  const solved = placements.length
  repairSkills(model, problem, rules, placements)
  const { requirements } = problem
  const shifts = placements.map(({ start, offsets, group }) => ({
    ...shiftAt(rules.shiftTypes[start.type]!, requirements.start[start.interval]!, offsets),
    group,
  }))
  shifts.sort((a, b) => a.start - b.start || a.group - b.group)
  return { shifts, paidHours: placements.reduce((sum, p) => sum + paidHours(rules.shiftTypes[p.start.type]!), 0), repaired: placements.length - solved }
}

/**
 * Greedy repair: while a channel is short in a row some group with it can reach, take the channel
 * short the most agent-minutes and its first such row, and add the shift of a group with that
 * channel — covering the row, breaks at the first offsets clear of it and within the limit on
 * breaks at once, within every limit on shifts — that removes the most shortfall (recounted with
 * the allocation of skill-allocation.ts) per paid hour. Rows no such shift can cover stay short.
 */
function repairSkills(model: MultiSkillModel, problem: MultiSkillProblem, rules: ScheduleRules, placements: GroupPlacement[]): void {
  const { requirements, groups, channels } = problem
  const { intervalMin } = requirements
  const { rows } = model
  const rowCount = rows.start.length
  const days = new Set(requirements.day).size
  const skills = groups.map((g) => g.channels)
  const allocate = memoAllocate(skills)
  const floor = Array.from({ length: rowCount }, () => new Array<number>(groups.length).fill(0))
  const onBreak = new Array<number>(rowCount).fill(0)
  const needs = (r: number) => channels.map((_, c) => (model.charged[c]![r] ? model.owed[c]![rows.interval[r]!]! : 0))
  const perDay = groups.map(() => new Map<number, number>())
  const totalPerDay = new Map<number, number>()
  const perGroup = new Array<number>(groups.length).fill(0)
  const add = (p: GroupPlacement) => {
    for (const [r, c] of contributions(model, intervalMin, rules, p.start, p.offsets)) floor[r]![p.group]! += c
    p.offsets.forEach((offset, k) => {
      for (const r of breakRows(model, intervalMin, rules, p.start, k, offset)) onBreak[r]!++
    })
    const day = requirements.day[p.start.interval]!
    perDay[p.group]!.set(day, (perDay[p.group]!.get(day) ?? 0) + 1)
    totalPerDay.set(day, (totalPerDay.get(day) ?? 0) + 1)
    perGroup[p.group]!++
  }
  for (const p of placements) add(p)
  const caps = groups.map((g) => shiftCap(groupRules(rules, g), days))
  const totalCap = shiftCap(rules, days)
  const room = (g: number, day: number) =>
    (perDay[g]!.get(day) ?? 0) < Math.min(groups[g]!.people ?? Infinity, model.dayCaps?.[g]?.get(day) ?? Infinity) &&
    (rules.maxAgentsPerDay == null || (totalPerDay.get(day) ?? 0) < rules.maxAgentsPerDay) &&
    (caps[g] === null || perGroup[g]! < caps[g]!) &&
    (totalCap === null || placements.length < totalCap)
  const length = (r: number) => rows.end[r]! - rows.start[r]!
  const unfixable = channels.map(() => new Set<number>())
  for (;;) {
    // The channel short the most (agent-minutes) among those with a row still worth trying.
    const shortBy = channels.map(() => 0)
    const firstRow = channels.map(() => -1)
    for (let r = 0; r < rowCount; r++) {
      const need = needs(r)
      if (need.every((x) => x === 0)) continue
      const { covered } = allocate(floor[r]!, need)
      need.forEach((x, c) => {
        const short = x - covered[c]!
        if (short > 1e-6 && !unfixable[c]!.has(r)) {
          shortBy[c]! += short * length(r)
          if (firstRow[c] === -1) firstRow[c] = r
        }
      })
    }
    let channel = -1
    shortBy.forEach((s, c) => {
      if (firstRow[c]! >= 0 && (channel < 0 || s > shortBy[channel]!)) channel = c
    })
    if (channel < 0) return
    const row = firstRow[channel]!
    let best: { placement: GroupPlacement; score: number } | null = null
    for (const [g, group] of groups.entries()) {
      if (!works(group, channel)) continue
      for (const start of model.starts[g]!) {
        const type = rules.shiftTypes[start.type]!
        if (!room(g, requirements.day[start.interval]!)) continue
        const offsets = placementCovering(model, intervalMin, rules, start, row, onBreak)
        if (!offsets) continue
        let gain = 0
        for (const [r, c] of contributions(model, intervalMin, rules, start, offsets)) {
          if (c <= 0) continue
          const need = needs(r)
          const more = floor[r]!.map((f, h) => (h === g ? f + 1 : f))
          gain += (allocate(floor[r]!, need).short - allocate(more, need).short) * length(r)
        }
        const score = gain / paidHours(type)
        if (!best || score > best.score) best = { placement: { start, offsets, group: g }, score }
      }
    }
    if (!best) {
      unfixable[channel]!.add(row)
      continue
    }
    placements.push(best.placement)
    add(best.placement)
  }
}

/**
 * The model's variable values for shifts of its groups (a warm start for HiGHS): agents per start
 * and break placement, each row's allocation of the groups' agents to channels as z (the max flow
 * of skill-allocation.ts, whole), and what stays short as u. Shifts the model has no start for are
 * an error: they come from it.
 */
export function multiSkillValues(model: MultiSkillModel, problem: MultiSkillProblem, rules: ScheduleRules, shifts: readonly GroupShift[]): Record<string, number> {
  const { requirements, groups, channels } = problem
  const intervalAt = new Map(requirements.start.map((t, i) => [t, i]))
  const startOf = new Map<string, Start>(model.starts.flatMap((starts, g) => starts.map((s) => [`${g}:${rules.shiftTypes[s.type]!.name}@${s.interval}`, s] as const)))
  const values: Record<string, number> = {}
  const add = (name: string, k = 1) => (values[name] = (values[name] ?? 0) + k)
  const rows = model.rows
  const floor = rows.start.map(() => new Array<number>(groups.length).fill(0))
  for (const shift of shifts) {
    const key = `${shift.group}:${shift.type}@${intervalAt.get(shift.start)}`
    const { start, offsets, names } = shiftVariables(startOf.get(key), shift, `of group ${shift.group} `)
    for (const name of names) add(name)
    for (const [r, c] of contributions(model, requirements.intervalMin, rules, start, offsets)) floor[r]![shift.group]! += c
  }
  const allocate = memoAllocate(groups.map((g) => g.channels))
  for (let r = 0; r < rows.start.length; r++) {
    const need = channels.map((_, c) => (model.charged[c]![r] ? model.owed[c]![rows.interval[r]!]! : 0))
    if (need.every((x) => x === 0)) continue
    const { covered, flow } = allocate(floor[r]!, need)
    groups.forEach((group, g) => {
      if (group.channels.length > 1) for (const c of group.channels) if (flow[g]![c]! > 0 && model.charged[c]![r]) add(`z${g}_${c}_${r}`, flow[g]![c]!)
    })
    need.forEach((x, c) => {
      if (x - covered[c]! > 0) add(`u${c}_${r}`, x - covered[c]!)
    })
  }
  return values
}
