import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { erlangAMetrics } from '../../app/domain/erlang-a.ts'
import { erlangCMetrics } from '../../app/domain/erlang.ts'
import { ceilAgents, staff, staffingCurve, validateStaffingRequest } from '../../app/domain/staffing.ts'

// Call Centre Helper's worked example: 100 calls in 30 minutes, AHT 180 s, 80% in 20 s.
const example = { calls: 100, intervalSec: 1800, ahtSec: 180, slGoal: 0.8, thresholdSec: 20 }

describe('staff (Erlang C)', () => {
  it('gives 14 agents: SL 0.88835, Pw 0.174132, ASA 7.84 s, occupancy 0.714286', () => {
    const r = staff(example)
    expect(r).toMatchObject({ model: 'erlangC', traffic: 10, agents: 14, agentsWithShrinkage: 14, abandonRate: 0, meetsGoals: true })
    expect(r.serviceLevel).toBeCloseTo(0.88835, 5)
    expect(r.probWait).toBeCloseTo(0.174132, 6)
    expect(r.asa).toBeCloseTo(7.84, 2)
    expect(r.occupancy).toBeCloseTo(0.714286, 6)
  })

  it('needs 15 agents with max occupancy 70% and schedules 20 with 30% shrinkage', () => {
    expect(staff({ ...example, maxOccupancy: 0.7 }).agents).toBe(15)
    expect(staff({ ...example, shrinkage: 0.3 }).agentsWithShrinkage).toBe(20)
  })

  it('reports the fractional agents where the goal is met exactly (mpmath: 13.037206466407791552)', () => {
    const r = staff(example)
    expect(Math.abs(r.agentsFractional - 13.037206466407791552)).toBeLessThan(1e-8)
    expect(r.agentsWithShrinkageFractional).toBe(r.agentsFractional)
    expect(staff({ ...example, shrinkage: 0.3 }).agentsWithShrinkageFractional).toBeCloseTo(13.037206466407791552 / 0.7, 7)
  })

  it('evaluates a given number of agents instead of searching', () => {
    const r = staff({ ...example, agents: 12 })
    expect(r.agents).toBe(12)
    expect(r.meetsGoals).toBe(false)
    expect(r.serviceLevel).toBeCloseTo(erlangCMetrics(12, 10, 180, 20).serviceLevel, 15)
    expect(staff({ ...example, agents: 9 })).toMatchObject({ serviceLevel: 0, asa: Infinity, probWait: 1 })
  })

  it('staffs chat with concurrency: k conversations per agent are k servers', () => {
    const r = staff({ ...example, calls: 200, concurrency: 2 })
    // 20 Erlangs of conversations need 24 servers: 12 agents.
    expect(r.agents).toBe(12)
    expect(r.serviceLevel).toBeCloseTo(erlangCMetrics(24, 20, 180, 20).serviceLevel, 15)
    expect(r.occupancy).toBeCloseTo(20 / 24, 15)
    expect(staff({ ...example, calls: 190, concurrency: 2 }).agents).toBe(12) // 23 servers round up to 12 agents
  })

  it('needs nobody for no calls', () => {
    expect(staff({ ...example, calls: 0 })).toMatchObject({ agents: 0, agentsFractional: 0, agentsWithShrinkage: 0, serviceLevel: 1 })
  })
})

describe('staff with efficiency (agents worth less than a server each)', () => {
  // References: test/reference/erlang_reference.py, model_check_extras() (mpmath, 60 digits).
  it('asks for the required servers ÷ efficiency agents, rounded up, and measures at efficiency × agents', () => {
    const r = staff({ ...example, efficiency: 0.75 }) // 14 servers ÷ 0.75 = 18.67 agents
    expect(r.agents).toBe(19)
    expect(Math.abs(r.agentsFractional - 17.382941955210388736)).toBeLessThan(1e-8)
    expect(r.serviceLevel).toBeCloseTo(0.90462053837445840127, 12) // at 19 × 0.75 = 14.25 servers
    expect(r.meetsGoals).toBe(true)
    expect(staff({ ...example, efficiency: 1 })).toEqual(staff(example))
  })

  it('evaluates fractional agents, and efficiency with concurrency and Erlang A', () => {
    // 13.5 servers either way: 13.5 agents, or 18 agents at efficiency 0.75.
    expect(staff({ ...example, agents: 13.5 }).serviceLevel).toBeCloseTo(0.84817240919445216622, 10)
    expect(staff({ ...example, agents: 18, efficiency: 0.75 }).serviceLevel).toBeCloseTo(0.84817240919445216622, 10)
    // 20 Erlangs of chat need 24 servers; an agent is 2 × 0.75 = 1.5 servers: 16 agents.
    expect(staff({ ...example, calls: 200, concurrency: 2, efficiency: 0.75 }).agents).toBe(16)
    // Erlang A's 13 servers (patience 5 min) at 0.8 a head: 16.25, so 17 agents.
    expect(staff({ ...example, model: 'erlangA', patienceSec: 300, efficiency: 0.8 }).agents).toBe(17)
  })

  it('refuses an efficiency outside (0, 1.5] naming the field', () => {
    expect(() => staff({ ...example, efficiency: 0 })).toThrow('efficiency must be a number in (0, 1.5] (got 0)')
    expect(() => staff({ ...example, efficiency: 1.6 })).toThrow(/^efficiency must be/)
    expect(() => staff({ ...example, agents: -1 })).toThrow(/^agents must be a finite number ≥ 0/)
  })
})

describe('staff (Erlang A)', () => {
  it('needs 13 agents where Erlang C says 14 (patience 5 min)', () => {
    const r = staff({ ...example, model: 'erlangA', patienceSec: 300 })
    expect(r.agents).toBe(13)
    expect(r.abandonRate).toBeCloseTo(0.024963303633571875132, 12)
    expect(r.agentsFractional).toBeGreaterThan(12)
    expect(r.agentsFractional).toBeLessThanOrEqual(13)
  })

  it('meets the goal exactly at the fractional value', () => {
    const r = staff({ ...example, model: 'erlangA', patienceSec: 300 })
    expect(erlangAMetrics(r.agentsFractional, 10, 180, 300, 20).serviceLevel).toBeCloseTo(0.8, 8)
  })

  it('property: never needs more agents than Erlang C (SL goal only)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3000, noNaN: true }),
        fc.double({ min: 30, max: 1200, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (calls, patienceSec, slGoal) => {
          const request = { calls, intervalSec: 900, ahtSec: 240, slGoal, thresholdSec: 20 }
          expect(staff({ ...request, model: 'erlangA', patienceSec }).agents).toBeLessThanOrEqual(staff(request).agents)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('property: the answer meets every goal and one agent fewer does not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.option(fc.double({ min: 2, max: 60, noNaN: true })),
        fc.option(fc.double({ min: 0.6, max: 0.95, noNaN: true })),
        (calls, patienceSec, asaGoalSec, maxOccupancy) => {
          const request = { calls, intervalSec: 900, ahtSec: 300, slGoal: 0.8, thresholdSec: 20, asaGoalSec, maxOccupancy, model: 'erlangA' as const, patienceSec }
          const r = staff(request)
          expect(r.meetsGoals).toBe(true)
          if (r.agents > 1) expect(staff({ ...request, agents: r.agents - 1 }).meetsGoals).toBe(false)
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('the abandonment goal and the engine limits', () => {
  it('keeps Erlang A from accepting a plan where most callers give up early', () => {
    // Patience 10 s under a 20 s threshold: the SL convention drops early abandons, so SL alone
    // is met by a handful of agents while most callers hang up.
    const impatient = { ...example, model: 'erlangA' as const, patienceSec: 10 }
    const slOnly = staff(impatient)
    expect(slOnly.abandonRate).toBeGreaterThan(0.5)
    const capped = staff({ ...impatient, maxAbandonRate: 0.05 })
    expect(capped.abandonRate).toBeLessThanOrEqual(0.05)
    expect(staff({ ...impatient, maxAbandonRate: 0.05, agents: capped.agents - 1 }).abandonRate).toBeGreaterThan(0.05)
    expect(capped.agentsFractional).toBeGreaterThan(capped.agents - 1)
  })

  it('refuses loads beyond what it computes, with a reason', () => {
    expect(() => staff({ ...example, calls: 1e10 })).toThrow(/above the 1,000,000 Erlangs/)
    expect(() => staff({ ...example, model: 'erlangA', patienceSec: 1e8 })).toThrow(/patience/)
    expect(() => staff({ ...example, calls: 900_000 * 10, intervalSec: 900, ahtSec: 90, model: 'erlangA', patienceSec: 1e6 })).toThrow(/Erlang C/)
  })

  it('names non-finite input plainly', () => {
    expect(() => staff({ ...example, calls: Number.NaN })).toThrow('calls must be a finite number ≥ 0 (got NaN)')
    expect(() => staff({ ...example, ahtSec: Infinity })).toThrow('(got Infinity)')
  })
})

describe('properties of the search', () => {
  it('required agents are monotone in calls, and fractional agents sit just below them', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 5000, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (calls, extra) => {
        const a = staff({ ...example, intervalSec: 900, calls })
        const b = staff({ ...example, intervalSec: 900, calls: calls + extra })
        expect(b.agents).toBeGreaterThanOrEqual(a.agents)
        expect(a.agentsFractional).toBeLessThanOrEqual(a.agents)
        expect(a.agentsFractional).toBeGreaterThan(a.agents - 1)
      }),
      { numRuns: 200 },
    )
  })
})

describe('validation', () => {
  it.each([
    [{ calls: -1 }, /calls must be a finite number ≥ 0/],
    [{ calls: Number.NaN }, /calls/],
    [{ ahtSec: 0 }, /aht must be/],
    [{ ahtSec: Infinity }, /aht/],
    [{ intervalSec: 0 }, /interval/],
    [{ slGoal: 1 }, /sl must be a share between 0 and 1/],
    [{ slGoal: 0 }, /sl must/],
    [{ thresholdSec: -1 }, /threshold must be/],
    [{ shrinkage: 1 }, /shrinkage must be a share in \[0, 1\)/],
    [{ shrinkage: -0.1 }, /shrinkage/],
    [{ patienceSec: 0 }, /patience must be/],
    [{ maxOccupancy: 1.2 }, /maxOccupancy/],
    [{ maxAbandonRate: 0 }, /maxAbandon/],
    [{ asaGoalSec: 0 }, /asaGoal/],
    [{ concurrency: 1.5 }, /concurrency/],
    [{ agents: -2 }, /agents/],
    [{ model: 'erlangA' }, /patience is required/],
    [{ model: 'erlangX' }, /model must be/],
  ])('refuses %j', (change, message) => {
    expect(() => validateStaffingRequest({ ...example, ...(change as object) })).toThrow(message)
  })
})

describe('ceilAgents', () => {
  it('forgives floating-point dust but not real fractions', () => {
    expect(ceilAgents(20.000000000000004)).toBe(20)
    expect(ceilAgents(0.1 * 3 * 10)).toBe(3) // 3.0000000000000004
    expect(Object.is(ceilAgents(0), 0)).toBe(true)
    expect(ceilAgents(20.001)).toBe(21)
  })
})

describe('staffingCurve', () => {
  it('gives both models around the answer, Erlang A only with a patience', () => {
    const points = staffingCurve({ ...example, patienceSec: 300 }, 10, 18)
    expect(points.map((p) => p.agents)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18])
    expect(points[4]!.erlangC.serviceLevel).toBeCloseTo(0.88835, 5)
    expect(points[4]!.erlangA!.probWait).toBeCloseTo(0.14526, 5)
    expect(staffingCurve(example, 13, 14)[0]!.erlangA).toBeNull()
  })
})
