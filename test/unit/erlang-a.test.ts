import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { erlangAMetrics } from '../../app/domain/erlang-a.ts'
import { erlangCMetrics } from '../../app/domain/erlang.ts'
import { simulateQueue } from '../../app/domain/queue-simulation.ts'
import { Random } from '../../app/domain/random.ts'

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected)

// test/reference/erlang_reference.py: the M/M/N+M birth-death chain summed directly at 60 digits,
// with each waiting contact's path to service as exponential stages (calls, interval s, AHT s,
// patience s, threshold s, N).
const references = [
  { args: [100, 1800, 180, 300, 20, 13], pWait: 0.22579708404737528282, pAbandon: 0.024963303633571875132, sl: 0.86827452118825598114, asa: 6.9139683060657799625, occupancy: 0.75002822797417548067 },
  { args: [100, 1800, 180, 300, 20, 14], pWait: 0.14526011429636120293, pAbandon: 0.013983744122408937537, sl: 0.92340732227857846211, asa: 3.8784800445210219445, occupancy: 0.7042973256268507589 },
  { args: [100, 1800, 180, 60, 20, 9], pWait: 0.52490540019554944411, pAbandon: 0.21322380049864718865, sl: 0.71634112752746484543, asa: 10.408443911327390913, occupancy: 0.87419577722372534594 },
  { args: [300, 900, 240, 120, 30, 70], pWait: 0.77638555356686478631, pAbandon: 0.1379527019898129453, sl: 0.77221077016528596708, asa: 16.630782662097654255, occupancy: 0.98519691201164234823 },
  { args: [30, 900, 300, 600, 20, 5], pWait: 0.99550058999548986297, pAbandon: 0.50065989794944574436, sl: 0.0069801764559347233989, asa: 387.62121411081569314, occupancy: 0.99868020410110851128 },
] as const

describe('Erlang A', () => {
  it.each(references)('matches the 60-digit chain for $args', ({ args, pWait, pAbandon, sl, asa, occupancy }) => {
    const [calls, interval, aht, patience, threshold, n] = args
    const m = erlangAMetrics(n, (calls * aht) / interval, aht, patience, threshold)
    expect(relativeError(m.probWait, pWait)).toBeLessThan(1e-10)
    expect(relativeError(m.abandonRate, pAbandon)).toBeLessThan(1e-10)
    expect(relativeError(m.serviceLevel, sl)).toBeLessThan(1e-9)
    expect(relativeError(m.asa, asa)).toBeLessThan(1e-10)
    expect(relativeError(m.occupancy, occupancy)).toBeLessThan(1e-10)
  })

  it("agrees with pyworkforce's vector (14 agents, patience 300 s): Pw 0.145260, P(abandon) 0.013984, occupancy 0.704297", () => {
    const m = erlangAMetrics(14, 10, 180, 300, 20)
    expect(m.probWait).toBeCloseTo(0.14526, 6)
    expect(m.abandonRate).toBeCloseTo(0.013984, 6)
    expect(m.occupancy).toBeCloseTo(0.704297, 6)
  })

  it('approaches Erlang C as patience grows', () => {
    const a = erlangAMetrics(14, 10, 180, 1e9, 20)
    const c = erlangCMetrics(14, 10, 180, 20)
    expect(a.probWait).toBeCloseTo(c.probWait, 6)
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6)
    expect(a.abandonRate).toBeLessThan(1e-6)
  })

  it('stays finite and sensible at 50,000 Erlangs and when badly overloaded', () => {
    for (const [n, a] of [
      [50_200, 50_000],
      [40_000, 50_000],
      [10, 1000],
    ] as const) {
      const m = erlangAMetrics(n, a, 300, 300, 20)
      for (const value of Object.values(m)) expect(Number.isFinite(value)).toBe(true)
      expect(m.probWait).toBeGreaterThanOrEqual(0)
      expect(m.probWait).toBeLessThanOrEqual(1)
    }
    // 10 agents for 1000 Erlangs: nearly everyone abandons, the agents never rest.
    const overloaded = erlangAMetrics(10, 1000, 300, 300, 20)
    expect(overloaded.abandonRate).toBeGreaterThan(0.98)
    expect(overloaded.occupancy).toBeCloseTo(1, 6)
  })

  it('handles no traffic and no agents by convention', () => {
    expect(erlangAMetrics(5, 0, 180, 300, 20)).toEqual({ probWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, abandonRate: 0 })
    expect(erlangAMetrics(0, 5, 180, 300, 20)).toMatchObject({ probWait: 1, serviceLevel: 0, abandonRate: 1 })
  })

  it('refuses a patience that is not positive', () => {
    expect(() => erlangAMetrics(5, 3, 180, 0, 20)).toThrow(/patienceSec/)
    expect(() => erlangAMetrics(5, 3, 180, Number.NaN, 20)).toThrow(/patienceSec/)
  })

  it('property: service level rises and abandonment falls with agents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.1, max: 300, noNaN: true }),
        fc.double({ min: 10, max: 1200, noNaN: true }),
        (n, a, patience) => {
          const now = erlangAMetrics(n, a, 240, patience, 30)
          const more = erlangAMetrics(n + 1, a, 240, patience, 30)
          expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel - 1e-9)
          expect(more.abandonRate).toBeLessThanOrEqual(now.abandonRate + 1e-12)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('agrees with a simulated M/M/N+M queue (P(wait), abandonment and SL within 1.5 points)', () => {
    const random = new Random(11)
    const count = 300_000
    const [servers, traffic, aht, patienceMean, threshold] = [12, 11, 180, 240, 20]
    const arrival = new Float64Array(count)
    const handle = new Float64Array(count)
    const patience = new Float64Array(count)
    let t = 0
    for (let i = 0; i < count; i++) {
      t += random.exponential(aht / traffic)
      arrival[i] = t
      handle[i] = random.exponential(aht)
      patience[i] = random.exponential(patienceMean)
    }
    const outcome = simulateQueue({ arrival, handle, patience }, { intervalSec: 900, agents: new Array(Math.ceil(t / 900) + 2).fill(servers), concurrency: 1 })
    let waited = 0
    let abandoned = 0
    let inTime = 0
    let abandonedInTime = 0
    for (let i = 0; i < count; i++) {
      if (outcome.wait[i]! > 0) waited++
      if (!outcome.answered[i]) {
        abandoned++
        if (outcome.wait[i]! <= threshold) abandonedInTime++
      } else if (outcome.wait[i]! <= threshold) inTime++
    }
    const model = erlangAMetrics(servers, traffic, aht, patienceMean, threshold)
    expect(Math.abs(waited / count - model.probWait)).toBeLessThan(0.015)
    expect(Math.abs(abandoned / count - model.abandonRate)).toBeLessThan(0.015)
    expect(Math.abs(inTime / (count - abandonedInTime) - model.serviceLevel)).toBeLessThan(0.015)
  }, 30_000) // 300,000 contacts: ~50 ms idle, 0.6 s beside `stress --cpu 4` with other work
})
