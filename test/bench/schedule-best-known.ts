// A best-known schedule for a case, from a model of our own (no code from app/domain/schedule):
// the fewest paid hours with every minute some allowed shift can reach covered, no partial credit.
//
// Model (an implicit-break set covering program, Aykin 1996): an integer x per allowed shift
// (day, start, type) and an integer b per shift, break and allowed break start, with
// Σ_starts b = x for each shift and break; each coverage row asks
// Σ x of the shifts spanning it − Σ b of the breaks covering it ≥ agents owed. For integer x and b
// this is exactly the explicit set covering program with one column per shift × placement of its
// breaks (the breaks of a type lie in windows apart, so any pairing of the break starts chosen for
// the x shifts of a start gives the same agents on the floor), with 15 columns a start instead of 125.
//
// Rows: one per `grid` minutes, the greatest common divisor of every time that can begin or end
// an agent's presence or change what is owed (interval length, start and break grids, earliest
// start, shift and break lengths and offsets, opening and closing times). Nothing changes inside
// such a row, so covering the row is covering each of its minutes; under NR-17 on 15-minute grids
// that is 5 minutes (6h20 = 380 min and the 10- and 20-minute breaks end at :05, :10, :20…). The
// solution is recounted minute by minute afterwards all the same.
import highsLoader from 'highs'
import { clockMinutes, horizonOf, recount, type Horizon, type PrintedShift, type Recount, type RulesFile, type WeekRequirements } from '../support/schedule-recount.ts'

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

export function rowMinutes(rules: RulesFile): number {
  const times = [15, rules.startEveryMinutes ?? 15, rules.breakEveryMinutes ?? 15, clockMinutes(rules.earliestStart)]
  for (const t of rules.shiftTypes) {
    times.push(t.lengthMinutes)
    for (const b of t.breaks ?? []) times.push(b.lengthMinutes, b.earliestAfterStartMinutes)
  }
  for (const h of rules.openingHours ?? []) if (h) times.push(clockMinutes(h.open), clockMinutes(h.close))
  return times.reduce(gcd, 0)
}

export interface BestKnown {
  paidHours: number
  /** HiGHS's proven lower bound on this model's paid hours. */
  bound: number
  status: string
  seconds: number
  grid: number
  columns: number
  rows: number
  /** The schedule, recounted like the CLI's. */
  counted: Recount
}

export async function bestKnown(week: WeekRequirements, rules: RulesFile, timeLimitSec: number, horizon: Horizon = horizonOf(week, rules)): Promise<BestKnown> {
  const grid = rowMinutes(rules)
  const { owed, reachable, starts, offsets } = horizon
  const rowsCount = horizon.minutes / grid
  // Each row's terms, as "+ x3" / "- b3_1_2".
  const terms: string[][] = Array.from({ length: rowsCount }, () => [])
  const links: string[] = []
  const objective: string[] = []
  const integers: string[] = []
  starts.forEach(({ minute, type }, i) => {
    const t = rules.shiftTypes[type]!
    const paidMin = t.lengthMinutes - (t.breaks ?? []).filter((b) => !b.paid).reduce((s, b) => s + b.lengthMinutes, 0)
    objective.push(`+ ${paidMin / 60} x${i}`)
    integers.push(`x${i}`)
    for (let r = minute / grid; r < (minute + t.lengthMinutes) / grid; r++) terms[r]!.push(`+ x${i}`)
    offsets[type]!.forEach((list, k) => {
      const length = t.breaks![k]!.lengthMinutes
      const names = list.map((o, j) => {
        const name = `b${i}_${k}_${j}`
        integers.push(name)
        for (let r = (minute + o) / grid; r < (minute + o + length) / grid; r++) terms[r]!.push(`- ${name}`)
        return name
      })
      links.push(` l${i}_${k}: ${names.map((n) => `+ ${n}`).join(' ')} - x${i} = 0`)
    })
  })
  const covers: string[] = []
  for (let r = 0; r < rowsCount; r++) {
    const m = r * grid
    for (let k = 1; k < grid; k++)
      if (owed[m + k] !== owed[m] || reachable[m + k] !== reachable[m]) throw new Error(`what is owed or reachable changes inside the ${grid}-minute row at minute ${m}`)
    if (owed[m]! > 0 && reachable[m]) covers.push(` c${r}: ${terms[r]!.join(' ')} >= ${owed[m]}`)
  }
  const lp = ['Minimize', ` obj: ${objective.join(' ')}`, 'Subject To', ...covers, ...links, 'General', ` ${integers.join(' ')}`, 'End'].join('\n')

  const highs = await highsLoader()
  const model = highs.createModel({ format: 'lp', data: lp })
  try {
    model.options.set({ time_limit: timeLimitSec, output_flag: false })
    const started = performance.now()
    const { modelStatus } = model.run()
    const seconds = (performance.now() - started) / 1000
    const status = Object.entries(highs.constants.modelStatus).find(([, code]) => code === modelStatus)?.[0] ?? String(modelStatus)
    if (model.info.get('primal_solution_status') !== 2) throw new Error(`HiGHS found no schedule in ${timeLimitSec} s (${status})`)
    const { colValue } = model.getSolution()
    const value = new Map<string, number>()
    for (let c = 0; c < colValue.length; c++) if (colValue[c]) value.set(model.getColName(c), Math.round(colValue[c]!))
    // Back to shifts: the n-th shift of a start takes the n-th of each break's chosen starts.
    const shifts: PrintedShift[] = []
    starts.forEach(({ minute, type }, i) => {
      const count = value.get(`x${i}`) ?? 0
      const t = rules.shiftTypes[type]!
      const chosen = offsets[type]!.map((list, k) => list.flatMap((o, j) => new Array<number>(value.get(`b${i}_${k}_${j}`) ?? 0).fill(o)))
      const at = (offset: number) => week.start + (minute + offset) * 60_000
      for (let n = 0; n < count; n++)
        shifts.push({ start: at(0), end: at(t.lengthMinutes), breaks: chosen.map((list, k) => ({ start: at(list[n]!), end: at(list[n]! + t.breaks![k]!.lengthMinutes) })) })
    })
    return {
      paidHours: model.getObjectiveValue(),
      bound: Number(model.info.get('mip_dual_bound')),
      status,
      seconds,
      grid,
      columns: integers.length,
      rows: covers.length + links.length,
      counted: recount(week, rules, shifts, horizon),
    }
  } finally {
    model.dispose()
  }
}
