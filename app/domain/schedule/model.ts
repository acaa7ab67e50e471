// Shift scheduling as an integer program (Dantzig's set covering with explicit break placement):
// x[s,t] agents start a shift of type s at interval t; y[s,t,b,k] of them take break b at offset k;
// every interval's agents on the floor (shifts covering it, less breaks in it) plus a shortfall
// variable reach the requirement; minimise paid hours plus a penalty per agent-hour short. Shifts
// and breaks that cover part of an interval count for that part. The model is written in CPLEX
// LP format for a solver (HiGHS); `readSchedule` turns the solver's values into shifts.
import { isOpen } from '../opening-hours.ts'
import {
  breakOffsets,
  DEFAULT_SHORTFALL_PENALTY,
  onStartGrid,
  paidHours,
  shiftCap,
  withinOpeningHours,
  type ScheduleRules,
} from './rules.ts'

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

interface Start {
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
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))

/** Contributions of [from, to) minutes after interval `first` starts: [interval, share] pairs. */
function cover(first: number, from: number, to: number, intervalMin: number, count: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let j = first + Math.floor(from / intervalMin); j < count && (j - first) * intervalMin < to; j++) {
    const share = overlap(from, to, (j - first) * intervalMin, (j - first + 1) * intervalMin) / intervalMin
    if (share > 0) out.push([j, share])
  }
  return out
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(12).replace(/\.?0+$/, ''))

/** Writes terms a few per line (LP readers limit line length). */
function terms(list: Array<[number, string]>): string {
  const parts = list.map(([c, v], k) => `${k === 0 ? (c < 0 ? '-' : '') : c < 0 ? '- ' : '+ '}${num(Math.abs(c))} ${v}`)
  const lines: string[] = []
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '))
  return lines.join('\n  ')
}

export function buildScheduleModel(requirements: Requirements, rules: ScheduleRules): ScheduleModel {
  const { intervalMin } = requirements
  const n = requirements.start.length
  const hours = rules.openingHours ?? null
  const open = (i: number) => hours === null || isOpen(hours, requirements.weekday[i]!, requirements.minute[i]!, intervalMin)
  const owed = requirements.required.map((r, i) => (open(i) ? Math.max(r, rules.minAgentsWhileOpen ?? 0) : 0))

  const starts: Start[] = []
  const rows = Array.from({ length: n }, () => [] as Array<[number, string]>)
  const assignments: string[] = []
  const perDay = new Map<number, string[]>()
  const objective: Array<[number, string]> = []
  const integers: string[] = []
  for (let i = 0; i < n; i++) {
    const minute = requirements.minute[i]!
    if (!onStartGrid(rules, minute)) continue
    rules.shiftTypes.forEach((type, s) => {
      if (!withinOpeningHours(rules, requirements.weekday[i]!, minute, type.lengthMin)) return
      const name = `x${s}_${i}`
      const start: Start = { type: s, interval: i, name, breaks: [] }
      for (const [j, share] of cover(i, 0, type.lengthMin, intervalMin, n)) rows[j]!.push([share, name])
      objective.push([paidHours(type), name])
      integers.push(name)
      type.breaks.forEach((b, k) => {
        const options: Array<{ offset: number; name: string }> = []
        for (const offset of breakOffsets(rules, b)) {
          const y = `y${s}_${i}_${k}_${offset}`
          options.push({ offset, name: y })
          integers.push(y)
          for (const [j, share] of cover(i, offset, offset + b.lengthMin, intervalMin, n)) rows[j]!.push([-share, y])
        }
        start.breaks.push(options)
        assignments.push(`a${s}_${i}_${k}: ${terms([...options.map((o): [number, string] => [1, o.name]), [-1, name]])} = 0`)
      })
      const day = requirements.day[i]!
      let names = perDay.get(day)
      if (!names) perDay.set(day, (names = []))
      names.push(name)
      starts.push(start)
    })
  }
  const penalty = (rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY) * (intervalMin / 60)
  const coverage: string[] = []
  for (let j = 0; j < n; j++) {
    if (owed[j]! <= 0) continue
    objective.push([penalty, `u${j}`])
    coverage.push(`c${j}: ${terms([...rows[j]!, [1, `u${j}`]])} >= ${num(owed[j]!)}`)
  }
  const limits =
    rules.maxAgentsPerDay == null
      ? []
      : [...perDay].map(([day, names]) => `d${day}: ${terms(names.map((v): [number, string] => [1, v]))} <= ${rules.maxAgentsPerDay}`)
  // People work only so many days: with days off the horizon holds fewer shifts than days × people.
  const cap = shiftCap(rules, new Set(requirements.day).size)
  if (cap !== null && cap < (rules.maxAgentsPerDay ?? 0) * perDay.size)
    limits.push(`w: ${terms(starts.map((s): [number, string] => [1, s.name]))} <= ${cap}`)
  const body = ['Minimize', ` obj: ${terms(objective)}`, 'Subject To', ...[...coverage, ...assignments, ...limits].map((c) => ` ${c}`)]
  const relaxed = [...body, 'End'].join('\n')
  const lp = [...body, 'General', ...chunk(integers), 'End'].join('\n')
  return { lp, relaxed, starts, owed }
}

function chunk(names: readonly string[]): string[] {
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
  /** Agents on the floor per interval (partly covered intervals count their share). */
  onFloor: number[]
  /** Intervals where the floor falls short of what is owed. */
  uncovered: number[]
  /** Agent-hours short in all. */
  shortHours: number
  /** Requirement owed per interval (minimum while open applied, 0 when closed). */
  owed: number[]
  /** Shifts the repair added after the solver (all of them when it found no integer solution). */
  repaired: number
}

/**
 * Turns solver values (integral after rounding) into shifts with their breaks, tops up coverage
 * the solver left short (when stopped by its time limit or its gap, or where a break's share
 * of an interval left a fraction short), and measures coverage.
 */
export function readSchedule(
  model: ScheduleModel,
  requirements: Requirements,
  rules: ScheduleRules,
  value: (name: string) => number,
): ScheduleResult {
  const { intervalMin } = requirements
  const n = requirements.start.length
  const onFloor = new Array<number>(n).fill(0)
  const shifts: ScheduledShift[] = []
  let paid = 0
  for (const start of model.starts) {
    const count = Math.round(value(start.name))
    if (count <= 0) continue
    const type = rules.shiftTypes[start.type]!
    const t0 = requirements.start[start.interval]!
    paid += count * paidHours(type)
    for (const [j, share] of cover(start.interval, 0, type.lengthMin, intervalMin, n)) onFloor[j]! += count * share
    // Agent a takes each break at the offset whose cumulative count first exceeds a.
    const offsets = start.breaks.map((options) => {
      const list: number[] = []
      for (const o of options) for (let c = Math.round(value(o.name)); c > 0; c--) list.push(o.offset)
      return list
    })
    for (let a = 0; a < count; a++) {
      const breaks = type.breaks.map((b, k) => {
        const offset = offsets[k]![a] ?? b.earliestMin
        for (const [j, share] of cover(start.interval, offset, offset + b.lengthMin, intervalMin, n)) onFloor[j]! -= share
        return { name: b.name, start: t0 + offset * 60_000, end: t0 + (offset + b.lengthMin) * 60_000 }
      })
      shifts.push({ type: type.name, start: t0, end: t0 + type.lengthMin * 60_000, breaks })
    }
  }
  const solved = shifts.length
  paid += repairCoverage(model, requirements, rules, onFloor, shifts)
  const repaired = shifts.length - solved
  const uncovered: number[] = []
  let shortHours = 0
  for (let j = 0; j < n; j++) {
    const short = model.owed[j]! - onFloor[j]!
    if (short > 1e-6) {
      uncovered.push(j)
      shortHours += (short * intervalMin) / 60
    }
  }
  shifts.sort((a, b) => a.start - b.start)
  return { shifts, paidHours: paid, onFloor, uncovered, shortHours, owed: model.owed, repaired }
}

/**
 * Greedy repair: while an interval owed is short, add the shift that covers it in full (breaks at
 * the first offsets clear of it) and removes the most shortfall per paid hour, within the per-day
 * limit. Intervals no allowed shift can cover stay short. Returns the paid hours added.
 */
function repairCoverage(
  model: ScheduleModel,
  requirements: Requirements,
  rules: ScheduleRules,
  onFloor: number[],
  shifts: ScheduledShift[],
): number {
  const { intervalMin } = requirements
  const n = requirements.start.length
  const intervalAt = new Map(requirements.start.map((t, i) => [t, i]))
  const perDay = new Map<number, number>()
  for (const shift of shifts) {
    const i = intervalAt.get(shift.start)
    if (i !== undefined) perDay.set(requirements.day[i]!, (perDay.get(requirements.day[i]!) ?? 0) + 1)
  }
  const cap = shiftCap(rules, new Set(requirements.day).size)
  let total = shifts.length
  const unfixable = new Set<number>()
  let added = 0
  for (;;) {
    let j = -1
    for (let k = 0; k < n; k++) {
      if (!unfixable.has(k) && model.owed[k]! - onFloor[k]! > 1e-6) {
        j = k
        break
      }
    }
    if (j < 0 || (cap !== null && total >= cap)) return added
    let best: { start: Start; offsets: number[]; contributions: Array<[number, number]>; score: number } | null = null
    for (const start of model.starts) {
      const type = rules.shiftTypes[start.type]!
      const into = j - start.interval
      if (into < 0 || (into + 1) * intervalMin > type.lengthMin) continue
      const day = requirements.day[start.interval]!
      if (rules.maxAgentsPerDay != null && (perDay.get(day) ?? 0) >= rules.maxAgentsPerDay) continue
      const offsets: number[] = []
      for (const [k, b] of type.breaks.entries()) {
        const clear = start.breaks[k]!.find(
          (o) => overlap(o.offset, o.offset + b.lengthMin, into * intervalMin, (into + 1) * intervalMin) === 0,
        )
        if (!clear) break
        offsets.push(clear.offset)
      }
      if (offsets.length !== type.breaks.length) continue
      const contributions = new Map<number, number>(cover(start.interval, 0, type.lengthMin, intervalMin, n))
      type.breaks.forEach((b, k) => {
        for (const [i, share] of cover(start.interval, offsets[k]!, offsets[k]! + b.lengthMin, intervalMin, n))
          contributions.set(i, (contributions.get(i) ?? 0) - share)
      })
      let gain = 0
      for (const [i, share] of contributions) gain += Math.min(Math.max(0, model.owed[i]! - onFloor[i]!), Math.max(0, share))
      const score = gain / paidHours(type)
      if (!best || score > best.score) best = { start, offsets, contributions: [...contributions], score }
    }
    if (!best) {
      unfixable.add(j)
      continue
    }
    const type = rules.shiftTypes[best.start.type]!
    const t0 = requirements.start[best.start.interval]!
    for (const [i, share] of best.contributions) onFloor[i]! += share
    shifts.push({
      type: type.name,
      start: t0,
      end: t0 + type.lengthMin * 60_000,
      breaks: type.breaks.map((b, k) => ({
        name: b.name,
        start: t0 + best.offsets[k]! * 60_000,
        end: t0 + (best.offsets[k]! + b.lengthMin) * 60_000,
      })),
    })
    perDay.set(requirements.day[best.start.interval]!, (perDay.get(requirements.day[best.start.interval]!) ?? 0) + 1)
    total++
    added += paidHours(type)
  }
}
