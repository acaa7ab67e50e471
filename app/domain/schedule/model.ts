// Shift scheduling as an integer program (Dantzig's set covering with explicit break placement):
// x[s,t] agents start a shift of type s at interval t; y[s,t,b,k] of them take break b at offset k;
// coverage is counted in rows, the stretches between consecutive boundaries of the allowed shifts,
// their break placements and the requirement's intervals (5 minutes with 15-minute starts and
// 10-minute pauses): in each row the agents on the floor (shifts covering it, less breaks in it)
// plus a shortfall variable reach the requirement of the interval the row lies in; minimise paid
// hours plus a penalty per agent-hour short. No boundary falls inside a row, so an agent counts 1
// in a row or 0 — never a fraction (decision 010). The model is written in CPLEX LP format for a
// solver (HiGHS); `readSchedule` turns the solver's values into shifts.
import { isOpen } from '../opening-hours.ts'
import {
  breakOffsets,
  DEFAULT_SHORTFALL_PENALTY,
  paidHours,
  stretchesIn,
  wrapsAround,
  type ScheduleRules,
  type ShiftType,
} from './rules.ts'
import type { Block } from './blocks.ts'
import { dayLimits, someoneFor, weekShiftCap } from './people.ts'
import { allowedStarts, reachableMinutes, type AllowedStart } from './reach.ts'
import { staggerBreaks } from './stagger.ts'

export interface Requirements {
  intervalMin: number
  /** Per interval: UTC start (epoch ms), agents required on the floor, local weekday and minute. */
  start: readonly number[]
  required: readonly number[]
  weekday: readonly number[]
  minute: readonly number[]
  /** Local day index (0 = the first day) of each interval, for the per-day limit. */
  day: readonly number[]
}

export interface Start {
  type: number
  interval: number
  name: string
  /** Break variables per break: [offset minutes, name]. */
  breaks: Array<Array<{ offset: number; name: string }>>
}

export interface ScheduleModel {
  /** The model in CPLEX LP format; `relaxed` without integrality (the LP bound). */
  lp: string
  relaxed: string
  starts: Start[]
  /** Requirement actually owed per interval (minimum while open applied, 0 when closed). */
  owed: number[]
  rows: Rows
  /** Per row: whether some allowed shift can reach it (the model owes only those; a block's model, only its own rows). */
  reachable: boolean[]
  /** Rows with a coverage constraint and a shortfall variable `u<row>`: those owed. */
  charged: number[]
}

/** Coverage rows in time order: minutes from the first interval's start, and the interval each lies in. */
export interface Rows {
  start: number[]
  end: number[]
  interval: number[]
  /** Row index by its start minute (the horizon's end maps to the row count). */
  at: Map<number, number>
}

/** Requirement owed per interval: the minimum while open applied, nothing while closed. */
export function owedPerInterval(requirements: Requirements, rules: ScheduleRules): number[] {
  const hours = rules.openingHours ?? null
  const open = (i: number) => hours === null || isOpen(hours, requirements.weekday[i]!, requirements.minute[i]!, requirements.intervalMin)
  return requirements.required.map((r, i) => (open(i) ? Math.max(r, rules.minAgentsWhileOpen ?? 0) : 0))
}

/** Minutes [from, to) of a shift or break starting at `interval`'s start plus `offset`. */
export interface Span {
  interval: number
  from: number
  to: number
}

/** The spans every allowed shift and break placement can take (the boundaries of the rows). */
export function spansOf(starts: readonly AllowedStart[], rules: ScheduleRules): Span[] {
  const out: Span[] = []
  for (const { type: s, interval } of starts) {
    const type = rules.shiftTypes[s]!
    out.push({ interval, from: 0, to: type.lengthMin })
    for (const b of type.breaks) for (const o of breakOffsets(rules, b)) out.push({ interval, from: o, to: o + b.lengthMin })
  }
  return out
}

/** Rows between consecutive boundaries: interval starts and the ends of every span, within the horizon (wrapped or clipped). */
export function buildRows(intervalCount: number, intervalMin: number, spans: readonly Span[]): Rows {
  const end = intervalCount * intervalMin
  const cuts = new Set<number>()
  for (let j = 0; j <= intervalCount; j++) cuts.add(j * intervalMin)
  for (const span of spans) {
    const t0 = span.interval * intervalMin
    for (const [a, b] of stretchesIn(end, t0 + span.from, t0 + span.to)) cuts.add(a).add(b)
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  const rows: Rows = { start: [], end: [], interval: [], at: new Map() }
  for (let k = 0; k + 1 < sorted.length; k++) {
    rows.at.set(sorted[k]!, k)
    rows.start.push(sorted[k]!)
    rows.end.push(sorted[k + 1]!)
    rows.interval.push(Math.floor(sorted[k]! / intervalMin))
  }
  rows.at.set(end, rows.start.length)
  return rows
}

/** Indexes of the rows [from, to) minutes after `interval` starts covers (row boundaries; wrapped or clipped at the horizon's end). */
export function rowsIn(rows: Rows, intervalMin: number, interval: number, from: number, to: number): number[] {
  const horizon = rows.end.at(-1) ?? 0
  const t0 = interval * intervalMin
  return stretchesIn(horizon, t0 + from, t0 + to).flatMap(([a, b]) => {
    const first = rows.at.get(a)!
    return Array.from({ length: rows.at.get(b)! - first }, (_, k) => first + k)
  })
}

export const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(12).replace(/\.?0+$/, ''))

/** Writes terms a few per line (LP readers limit line length). */
export function terms(list: Array<[number, string]>): string {
  const parts = list.map(([c, v], k) => `${k === 0 ? (c < 0 ? '-' : '') : c < 0 ? '- ' : '+ '}${num(Math.abs(c))} ${v}`)
  const lines: string[] = []
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '))
  return lines.join('\n  ')
}

/** The variables of a set of allowed starts and their terms in the coverage rows. */
export interface StartVariables {
  starts: Start[]
  /** Per row: +1 per start covering it, −1 per break placement taking it. */
  rowTerms: Array<Array<[number, string]>>
  /** Each start's breaks placed exactly once: `a…: Σ y − x = 0`. */
  assignments: string[]
  /** Start variables per local day (the per-day limit). */
  perDay: Map<number, string[]>
  /** Paid hours per start. */
  objective: Array<[number, string]>
  integers: string[]
}

/**
 * x and y variables of `allowed` starts, named `x<tag><type>_<interval>` and
 * `y<tag><type>_<interval>_<break>_<offset>` (`tag` tells apart the skill groups' copies; multi-skill.ts).
 */
export function startVariables(
  allowed: readonly AllowedStart[],
  requirements: Requirements,
  rules: ScheduleRules,
  rowsAt: (interval: number, from: number, to: number) => number[],
  rowCount: number,
  tag = '',
): StartVariables {
  const starts: Start[] = []
  const rows = Array.from({ length: rowCount }, () => [] as Array<[number, string]>)
  const assignments: string[] = []
  const perDay = new Map<number, string[]>()
  const objective: Array<[number, string]> = []
  const integers: string[] = []
  for (const { type: s, interval: i } of allowed) {
    const type = rules.shiftTypes[s]!
    const name = `x${tag}${s}_${i}`
    const start: Start = { type: s, interval: i, name, breaks: [] }
    for (const r of rowsAt(i, 0, type.lengthMin)) rows[r]!.push([1, name])
    objective.push([paidHours(type), name])
    integers.push(name)
    type.breaks.forEach((b, k) => {
      const options: Array<{ offset: number; name: string }> = []
      for (const offset of breakOffsets(rules, b)) {
        const y = `y${tag}${s}_${i}_${k}_${offset}`
        options.push({ offset, name: y })
        integers.push(y)
        for (const r of rowsAt(i, offset, offset + b.lengthMin)) rows[r]!.push([-1, y])
      }
      start.breaks.push(options)
      assignments.push(`a${tag}${s}_${i}_${k}: ${terms([...options.map((o): [number, string] => [1, o.name]), [-1, name]])} = 0`)
    })
    const day = requirements.day[i]!
    let names = perDay.get(day)
    if (!names) perDay.set(day, (names = []))
    names.push(name)
    starts.push(start)
  }
  return { starts, rowTerms: rows, assignments, perDay, objective, integers }
}

/** The model of the whole horizon, or of one block of it (blocks.ts): its starts, and coverage owed in its intervals. */
export function buildScheduleModel(requirements: Requirements, rules: ScheduleRules, block?: Block): ScheduleModel {
  const { intervalMin } = requirements
  const n = requirements.start.length
  const owed = owedPerInterval(requirements, rules)
  const inBlock = (i: number) => !block || (i >= block.from && i < block.to)
  // Shifts someone on the team may take (all the rules allow, without a team); what the rules can
  // reach is still owed where nobody is free, and its shortfall charged (the recount reads the rules).
  const allowed = allowedStarts(requirements, rules).filter(
    (s) => inBlock(s.interval) && someoneFor(rules, s.type, requirements.weekday[s.interval]!, requirements.minute[s.interval]!),
  )
  const table = buildRows(n, intervalMin, spansOf(allowed, rules))
  const rowCount = table.start.length
  const rowsAt = (i: number, from: number, to: number) => rowsIn(table, intervalMin, i, from, to)

  const { starts, rowTerms: rows, assignments, perDay, objective, integers } = startVariables(allowed, requirements, rules, rowsAt, rowCount)
  // Penalty per agent short in a row: the agent-hours that stands for.
  const penalty = (rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY) / 60
  const coverage: string[] = []
  // Rows no allowed shift can reach owe what nothing can give: left out, so that the bound and the
  // cost stand for what the schedule can change; the recount reports them as a rules problem.
  const reachable = reachableMinutes(requirements, rules)
  const owes = table.start.map((t, r) => owed[table.interval[r]!]! > 0 && reachable[t]! && inBlock(table.interval[r]!))
  // Every row owed has its own constraint. (A row whose coverage dominates another's of the same
  // interval was once left out as "never shorter"; never shorter is not never short, and its
  // minutes short went uncharged — the solver left them so.) Rows are cut where some shift or break
  // starts or ends, so no two rows of an interval have the same terms: there is nothing to merge.
  const charged: number[] = []
  for (let r = 0; r < rowCount; r++) {
    if (!owes[r]) continue
    charged.push(r)
    objective.push([penalty * (table.end[r]! - table.start[r]!), `u${r}`])
    coverage.push(`c${r}: ${terms([...rows[r]!, [1, `u${r}`]])} >= ${num(owed[table.interval[r]!]!)}`)
  }
  // At most N on a break at once: one row per distinct set of break placements that can take it.
  const breakLimits: string[] = []
  if (rules.maxOnBreak != null) {
    const seen = new Set<string>()
    for (let r = 0; r < rowCount; r++) {
      const onBreak = rows[r]!.filter(([c]) => c < 0).map(([, v]): [number, string] => [1, v])
      const key = onBreak.map(([, v]) => v).join(' ')
      if (onBreak.length === 0 || seen.has(key)) continue
      seen.add(key)
      breakLimits.push(`b${r}: ${terms(onBreak)} <= ${rules.maxOnBreak}`)
    }
  }
  const limits =
    rules.maxAgentsPerDay == null
      ? []
      : [...perDay].map(([day, names]) => `d${day}: ${terms(names.map((v): [number, string] => [1, v]))} <= ${rules.maxAgentsPerDay}`)
  // The team: each day, shifts of each set of types up to the people free that day who may work one.
  for (const { day, types, max } of dayLimits(rules, requirements)) {
    const names = starts.filter((s) => requirements.day[s.interval] === day && types.includes(s.type)).map((s): [number, string] => [1, s.name])
    if (names.length > 0) limits.push(`p${day}_${types.join('_')}: ${terms(names)} <= ${max}`)
  }
  // People work only so many days: with days off the horizon holds fewer shifts than days × people.
  const cap = weekShiftCap(rules, requirements)
  if (cap !== null && (rules.people || cap < (rules.maxAgentsPerDay ?? 0) * perDay.size))
    limits.push(`w: ${terms(starts.map((s): [number, string] => [1, s.name]))} <= ${cap}`)
  const body = ['Minimize', ` obj: ${terms(objective)}`, 'Subject To', ...[...coverage, ...assignments, ...breakLimits, ...limits].map((c) => ` ${c}`)]
  const relaxed = [...body, 'End'].join('\n')
  const lp = [...body, 'General', ...chunk(integers), 'End'].join('\n')
  const reach = table.start.map((t, r) => reachable[t]! && inBlock(table.interval[r]!))
  return { lp, relaxed, starts, owed, rows: table, reachable: reach, charged }
}

export function chunk(names: readonly string[]): string[] {
  const lines: string[] = []
  for (let i = 0; i < names.length; i += 12) lines.push(` ${names.slice(i, i + 12).join(' ')}`)
  return lines
}

export interface ScheduledShift {
  type: string
  /** UTC epoch ms. */
  start: number
  end: number
  breaks: Array<{ name: string; start: number; end: number }>
}

export interface ScheduleResult {
  shifts: ScheduledShift[]
  paidHours: number
  /** Per interval: the fewest agents on the floor in any of its rows (whole agents, never a share). */
  onFloor: number[]
  /** Intervals with a row where the floor falls short of what is owed. */
  uncovered: number[]
  /** Agent-hours short in the rows some allowed shift can reach (agents short × row length): the shortfall the solver is charged for. */
  shortHours: number
  /** Requirement owed per interval (minimum while open applied, 0 when closed). */
  owed: number[]
  /** Shifts the repair added after the solver (all of them when it found no integer solution). */
  repaired: number
}

/** A start's shift as rows: +1 in the rows it covers, −1 in those its breaks (at `offsets`) take. */
export function contributions(model: Pick<ScheduleModel, 'rows'>, intervalMin: number, rules: ScheduleRules, start: Start, offsets: readonly number[]): Map<number, number> {
  const type = rules.shiftTypes[start.type]!
  const out = new Map<number, number>()
  for (const r of rowsIn(model.rows, intervalMin, start.interval, 0, type.lengthMin)) out.set(r, 1)
  type.breaks.forEach((b, k) => {
    for (const r of rowsIn(model.rows, intervalMin, start.interval, offsets[k]!, offsets[k]! + b.lengthMin))
      out.set(r, (out.get(r) ?? 0) - 1)
  })
  return out
}

/** One agent's shift in the making: its start and the offset of each of its breaks. */
export interface Placement {
  start: Start
  offsets: number[]
}

/** Agents on the floor and agents on a break per row, kept as placements are added and moved. */
export interface RowCounts {
  floor: number[]
  onBreak: number[]
}

/** Rows the break `k` of a start at `offset` takes. */
export function breakRows(model: Pick<ScheduleModel, 'rows'>, intervalMin: number, rules: ScheduleRules, start: Start, k: number, offset: number): number[] {
  return rowsIn(model.rows, intervalMin, start.interval, offset, offset + rules.shiftTypes[start.type]!.breaks[k]!.lengthMin)
}

/**
 * The break offsets with which one more agent on a shift of `start` covers `row`: the row within
 * the shift (a row before the start, when the horizon wraps, is reached past its end), each break at
 * its first placement clear of the row with room under the limit on breaks at once (`onBreak` per
 * row). Null when no placement does. The repairs (here and multi-skill.ts) add shifts through it.
 */
export function placementCovering(
  model: Pick<ScheduleModel, 'rows'>,
  intervalMin: number,
  rules: ScheduleRules,
  start: Start,
  row: number,
  onBreak: readonly number[],
): number[] | null {
  const { rows } = model
  const horizon = rows.end.at(-1) ?? 0
  const type = rules.shiftTypes[start.type]!
  let into = rows.start[row]! - start.interval * intervalMin
  if (into < 0 && wrapsAround(horizon)) into += horizon
  const out = into + rows.end[row]! - rows.start[row]!
  if (into < 0 || out > type.lengthMin) return null
  const room = (k: number, offset: number) =>
    rules.maxOnBreak == null || breakRows(model, intervalMin, rules, start, k, offset).every((r) => onBreak[r]! < rules.maxOnBreak!)
  const offsets: number[] = []
  for (const [k, b] of type.breaks.entries()) {
    const clear = start.breaks[k]!.find((o) => (o.offset + b.lengthMin <= into || o.offset >= out) && room(k, o.offset))
    if (!clear) return null
    offsets.push(clear.offset)
  }
  return offsets
}

/** Adds (sign 1) or takes away (−1) one placement's agent from the row counts. */
export function count(model: Pick<ScheduleModel, 'rows'>, intervalMin: number, rules: ScheduleRules, counts: RowCounts, placement: Placement, sign: 1 | -1): void {
  for (const [r, c] of contributions(model, intervalMin, rules, placement.start, placement.offsets)) counts.floor[r]! += sign * c
  placement.offsets.forEach((offset, k) => {
    for (const r of breakRows(model, intervalMin, rules, placement.start, k, offset)) counts.onBreak[r]! += sign
  })
}

/** One placement per agent of the solver's values (rounded): agent a takes each break at the offset whose cumulative count first exceeds a. */
export function placementsFrom(starts: readonly Start[], rules: ScheduleRules, value: (name: string) => number): Placement[] {
  const placements: Placement[] = []
  for (const start of starts) {
    const agents = Math.round(value(start.name))
    if (agents <= 0) continue
    const type = rules.shiftTypes[start.type]!
    // Agent a takes each break at the offset whose cumulative count first exceeds a.
    const offsets = start.breaks.map((options) => {
      const list: number[] = []
      for (const o of options) for (let c = Math.round(value(o.name)); c > 0; c--) list.push(o.offset)
      return list
    })
    for (let a = 0; a < agents; a++) placements.push({ start, offsets: type.breaks.map((b, k) => offsets[k]![a] ?? b.earliestMin) })
  }
  return placements
}

/**
 * Turns solver values (integral after rounding) into shifts with their breaks, tops up coverage
 * the solver left short (when stopped by its time limit or its gap), staggers the breaks
 * (stagger.ts) and measures coverage row by row.
 */
export function readSchedule(
  model: ScheduleModel,
  requirements: Requirements,
  rules: ScheduleRules,
  value: (name: string) => number,
): ScheduleResult {
  const { intervalMin } = requirements
  const n = requirements.start.length
  const { rows } = model
  const rowCount = rows.start.length
  const counts: RowCounts = { floor: new Array<number>(rowCount).fill(0), onBreak: new Array<number>(rowCount).fill(0) }
  const placements = placementsFrom(model.starts, rules, value)
  for (const placement of placements) count(model, intervalMin, rules, counts, placement, 1)
  const solved = placements.length
  // Staggering first may cover what stacked pauses left short without a shift more; then again
  // for the breaks of the shifts the repair added.
  staggerBreaks(model, requirements, rules, counts, placements)
  if (repairCoverage(model, requirements, rules, counts, placements)) staggerBreaks(model, requirements, rules, counts, placements)
  const uncovered = new Set<number>()
  let shortAgentMinutes = 0
  const onFloor = new Array<number>(n).fill(Infinity)
  for (let r = 0; r < rowCount; r++) {
    const j = rows.interval[r]!
    const floor = counts.floor[r]!
    onFloor[j] = Math.min(onFloor[j]!, floor)
    // Requirements may carry shares of agents: within a millionth is covered.
    if (model.owed[j]! - floor > 1e-6) {
      uncovered.add(j)
      if (model.reachable[r]) shortAgentMinutes += (model.owed[j]! - floor) * (rows.end[r]! - rows.start[r]!)
    }
  }
  const shifts = placements.map(({ start, offsets }) => shiftAt(rules.shiftTypes[start.type]!, requirements.start[start.interval]!, offsets))
  shifts.sort((a, b) => a.start - b.start)
  const paid = placements.reduce((sum, { start }) => sum + paidHours(rules.shiftTypes[start.type]!), 0)
  return {
    shifts,
    paidHours: paid,
    onFloor,
    uncovered: [...uncovered],
    shortHours: shortAgentMinutes / 60,
    owed: model.owed,
    repaired: placements.length - solved,
  }
}

export function shiftAt(type: ShiftType, t0: number, offsets: readonly number[]): ScheduledShift {
  return {
    type: type.name,
    start: t0,
    end: t0 + type.lengthMin * 60_000,
    breaks: type.breaks.map((b, k) => ({ name: b.name, start: t0 + offsets[k]! * 60_000, end: t0 + (offsets[k]! + b.lengthMin) * 60_000 })),
  }
}

/**
 * Greedy repair: while a row owed is short, add the shift that covers it (breaks at the first
 * offsets clear of it and within the limit on breaks at once) and removes the most shortfall per
 * paid hour, within the per-day and weekly limits. Rows no allowed shift can cover stay short.
 * Whether it added any.
 */
function repairCoverage(model: ScheduleModel, requirements: Requirements, rules: ScheduleRules, counts: RowCounts, placements: Placement[]): boolean {
  const { intervalMin } = requirements
  const { rows } = model
  const { floor, onBreak } = counts
  const rowCount = floor.length
  const owedAt = (r: number) => model.owed[rows.interval[r]!]!
  const perDay = new Map<number, number>()
  const perDayType = new Map<string, number>()
  const counted = (start: Start) => {
    const day = requirements.day[start.interval]!
    perDay.set(day, (perDay.get(day) ?? 0) + 1)
    perDayType.set(`${day}:${start.type}`, (perDayType.get(`${day}:${start.type}`) ?? 0) + 1)
  }
  for (const { start } of placements) counted(start)
  const teamLimits = dayLimits(rules, requirements)
  // Room for one more shift of its type that day under every team limit on a set holding the type.
  const teamRoom = (start: Start) => {
    const day = requirements.day[start.interval]!
    return teamLimits.every(
      (l) => l.day !== day || !l.types.includes(start.type) || l.types.reduce((sum, s) => sum + (perDayType.get(`${day}:${s}`) ?? 0), 0) < l.max,
    )
  }
  const cap = weekShiftCap(rules, requirements)
  const unfixable = new Set<number>()
  const before = placements.length
  for (;;) {
    let row = -1
    for (let r = 0; r < rowCount; r++) {
      if (model.reachable[r] && !unfixable.has(r) && owedAt(r) - floor[r]! > 1e-6) {
        row = r
        break
      }
    }
    if (row < 0 || (cap !== null && placements.length >= cap)) return placements.length > before
    let best: { placement: Placement; score: number } | null = null
    for (const start of model.starts) {
      const type = rules.shiftTypes[start.type]!
      const day = requirements.day[start.interval]!
      if ((rules.maxAgentsPerDay != null && (perDay.get(day) ?? 0) >= rules.maxAgentsPerDay) || !teamRoom(start)) continue
      const offsets = placementCovering(model, intervalMin, rules, start, row, onBreak)
      if (!offsets) continue
      let gain = 0
      // Agent-minutes of shortfall it removes.
      for (const [r, c] of contributions(model, intervalMin, rules, start, offsets))
        if (c > 0) gain += Math.min(Math.max(0, owedAt(r) - floor[r]!), c) * (rows.end[r]! - rows.start[r]!)
      const score = gain / paidHours(type)
      if (!best || score > best.score) best = { placement: { start, offsets }, score }
    }
    if (!best) {
      unfixable.add(row)
      continue
    }
    count(model, intervalMin, rules, counts, best.placement, 1)
    placements.push(best.placement)
    counted(best.placement.start)
  }
}
