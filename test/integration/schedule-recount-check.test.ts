// `wfm schedule`'s summary against an independent minute-by-minute recount of the shifts it prints
// (test/support/schedule-recount.ts, which shares no code with app/domain/schedule).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runSchedule } from '../support/schedule-cli.ts'
import { disagreements, nr17ShiftType, recount, type RulesFile, type WeekRequirements } from '../support/schedule-recount.ts'

const scratch = mkdtempSync(path.join(tmpdir(), 'traffic-recount-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const monday = Date.UTC(2026, 10, 30)
const at = (day: number, hhmm: string) => monday + day * 86_400_000 + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000

/** `days` days of requirements: `profile` per 15-minute interval from 08:00, 0 elsewhere. */
function week(days: number, profile: (day: number) => number[]): WeekRequirements {
  const required = new Array<number>(days * 96).fill(0)
  for (let d = 0; d < days; d++) profile(d).forEach((r, q) => (required[d * 96 + 32 + q] = r))
  return { start: monday, required }
}

// NR-17's 6h20 (paid 10-minute pauses around an unpaid 20-minute rest) on a 15-minute grid, open
// 08:00–16:00 on weekdays: the last shift ends at 15:50, so 15:50–16:00 is out of every shift's reach.
const rules: RulesFile = {
  shiftTypes: [nr17ShiftType],
  startEveryMinutes: 15,
  earliestStart: '08:00',
  latestStart: '12:00',
  breakEveryMinutes: 15,
  openingHours: [null, ...Array.from({ length: 5 }, () => ({ open: '08:00', close: '16:00' })), null],
  minAgentsWhileOpen: 1,
}

describe('the independent recount', () => {
  it('counts an agent only while on the floor: breaks and the unreachable close are short', () => {
    // One agent owed 08:00–16:00; one shift 08:00–14:20 with its breaks at 09:00, 10:30 and 12:30.
    const one = week(1, () => new Array(32).fill(1))
    const shift = {
      start: at(0, '08:00'),
      end: at(0, '14:20'),
      breaks: [
        { start: at(0, '09:00'), end: at(0, '09:10') },
        { start: at(0, '10:30'), end: at(0, '10:50') },
        { start: at(0, '12:30'), end: at(0, '12:40') },
      ],
    }
    const counted = recount(one, rules, [shift])
    // 40 minutes of breaks and 14:20–15:50 a later shift could reach; 15:50–16:00 none can.
    expect(counted).toMatchObject({ paidHours: 6, shortMinutes: 130, shortAgentMinutes: 130, unreachableMinutes: 10, unreachableAgentMinutes: 10, violations: [] })
    // A break outside its window is named.
    const late = recount(one, rules, [{ ...shift, breaks: [shift.breaks[0]!, { start: at(0, '12:00'), end: at(0, '12:20') }, shift.breaks[2]!] }])
    expect(late.violations).toEqual([expect.stringMatching(/break "descanso" starts 240 min in, off its window or grid/)])
  })
})

describe('wfm schedule against the recount', () => {
  it('reports the paid hours, the minutes short and those no shift can reach as the recount finds them', async () => {
    // Two weekdays peaking at 5 agents, only 3 people a day: short minutes a shift could reach
    // (where the breaks fall matters), and the 10 minutes before each close no shift can.
    const twoDays = week(2, (d) => [2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1].map((r) => Math.max(1, r - d)))
    const capped = { ...rules, maxAgentsPerDay: 3, timeLimitSeconds: 5 }
    const run = await runSchedule(scratch, 'two-days', twoDays, capped)
    const counted = recount(twoDays, capped, run.shifts)
    expect(counted.violations).toEqual([])
    expect(counted.unreachableMinutes).toBe(20)
    expect(counted.shortMinutes).toBeGreaterThan(0)
    expect(disagreements(run.summary, counted)).toEqual([])
  }, 180_000)
})
