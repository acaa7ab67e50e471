// The Staffing page's aggregations, worked out by hand (issue 16, item 4).
import { describe, expect, it } from 'vitest'
import { byHour, dayTotals, intervalMeans, sumIntervals } from '../../app/domain/staffing-view.ts'
import type { PlannedInterval } from '../../app/domain/staffing-plan.ts'

const T0 = Date.UTC(2026, 11, 7, 11) // 08:00 in São Paulo
const Q = 900_000

function interval(k: number, values: Partial<PlannedInterval>): PlannedInterval {
  return {
    start: T0 + k * Q,
    day: '2026-12-07',
    offered: 0,
    ahtSec: 180,
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
    ...values,
  }
}

const localTime = (start: number) => ({ day: '2026-12-07', minute: 480 + (start - T0) / 60_000 })

describe('the Staffing page’s figures', () => {
  it('sums the channels of an interval and weights service figures by the calls offered', () => {
    // Voice: 100 calls at 90% SL, 20 s ASA; chat: 50 at 60%, 80 s; e-mail (deferred, no SL) adds agents only.
    const voice = interval(0, { offered: 100, agents: 10, agentsFractional: 9.4, scheduled: 12, serviceLevel: 0.9, asa: 20, occupancy: 0.8, abandonRate: 0.02 })
    const chat = interval(0, { offered: 50, agents: 5, agentsFractional: 4.5, scheduled: 6, serviceLevel: 0.6, asa: 80, occupancy: 0.7, abandonRate: null })
    const email = interval(0, { offered: 0, agents: 2, agentsFractional: 2, scheduled: 2 })
    const [p] = sumIntervals([voice, chat, email], [{ id: 7, intervals: [interval(0, { scheduled: 15 })] }], localTime)
    expect(p).toMatchObject({ day: '2026-12-07', minute: 480, floor: 17, scheduled: 20, offered: 150, agentsFractional: 15.9, s7: 15 })
    const means = intervalMeans(p!)
    expect(means.serviceLevel).toBeCloseTo((0.9 * 100 + 0.6 * 50) / 150, 12) // 0.8
    expect(means.asa).toBeCloseTo((20 * 100 + 80 * 50) / 150, 12) // 40 s
    expect(means.occupancy).toBeCloseTo((0.8 * 100 + 0.7 * 50) / 150, 12)
    // Abandonment weighs only the calls that carry it: voice's 2%.
    expect(means.abandonRate).toBeCloseTo(0.02, 12)
    expect(intervalMeans(sumIntervals([email], [], localTime)[0]!)).toEqual({ serviceLevel: null, asa: null, occupancy: null, abandonRate: null })
  })

  it('reads the horizon by the hour: agents at the hour’s peak, volume summed, fractional agents averaged', () => {
    const quarters = [10, 14, 12, 11].map((agents, k) => interval(k, { offered: 40, agents, agentsFractional: agents - 0.5, scheduled: agents + 2 }))
    const next = interval(4, { offered: 30, agents: 9, agentsFractional: 8.5, scheduled: 11 })
    const hours = byHour(sumIntervals([...quarters, next], [{ id: 3, intervals: quarters.map((q) => ({ ...q, scheduled: q.agents + 1 })) }], localTime))
    expect(hours).toHaveLength(2)
    expect(hours[0]).toMatchObject({ minute: 480, floor: 14, scheduled: 16, s3: 15, offered: 160, agentsFractional: 11.25 })
    expect(hours[1]).toMatchObject({ minute: 540, floor: 9, offered: 30, agentsFractional: 8.5 })
  })

  it('gives each day’s agent-hours, scheduled hours and FTE per plan', () => {
    const base = [interval(0, { agentsFractional: 4, scheduledFractional: 6 }), interval(1, { agentsFractional: 2, scheduledFractional: 3 })]
    const scenario = [interval(0, { agentsFractional: 8, scheduledFractional: 12 }), { ...interval(96, { agentsFractional: 4, scheduledFractional: 4 }), day: '2026-12-08' }]
    const days = dayTotals(
      [
        { id: 0, intervals: base },
        { id: 5, intervals: scenario },
      ],
      900,
      6,
    )
    expect(days.map((d) => d.day)).toEqual(['2026-12-07', '2026-12-08'])
    // Base: (4 + 2) × ¼ h = 1.5 agent-hours, (6 + 3) × ¼ = 2.25 scheduled hours, 2.25 ÷ 6 = 0.375 FTE.
    expect(days[0]!.plans[0]).toEqual({ agentHours: 1.5, scheduledHours: 2.25, fte: 0.375 })
    expect(days[0]!.plans[5]).toEqual({ agentHours: 2, scheduledHours: 3, fte: 0.5 })
    expect(days[1]!.plans).toEqual({ 5: { agentHours: 1, scheduledHours: 1, fte: 1 / 6 } })
  })
})
