import { describe, expect, it } from 'vitest'
import { erlangC } from '../../app/domain/erlang.ts'
import { simulateQueue } from '../../app/domain/queue-simulation.ts'
import { Random } from '../../app/domain/random.ts'

/** Poisson arrivals at `rate` per second with exponential handle times, for `count` contacts. */
function steadyLoad(count: number, rate: number, ahtSec: number, patienceSec: number, seed: number) {
  const random = new Random(seed)
  const arrival = new Float64Array(count)
  const handle = new Float64Array(count)
  const patience = new Float64Array(count)
  let t = 0
  for (let i = 0; i < count; i++) {
    t += random.exponential(1 / rate)
    arrival[i] = t
    handle[i] = random.exponential(ahtSec)
    patience[i] = random.exponential(patienceSec)
  }
  return { arrival, handle, patience }
}

// Simulations of 200,000–300,000 contacts: ~50 ms idle, 1–2 s beside `stress --cpu 4` with other
// work on the 2 cores.
describe('simulateQueue', () => {
  it('agrees with Erlang C at a steady load with no abandonment (P(wait) within 2 points)', () => {
    const servers = 10
    const ahtSec = 180
    const traffic = 8
    const contacts = steadyLoad(300_000, traffic / ahtSec, ahtSec, Infinity, 42)
    const horizon = contacts.arrival[contacts.arrival.length - 1]! + 1
    const intervals = Math.ceil(horizon / 900) + 1
    const outcome = simulateQueue(contacts, { intervalSec: 900, agents: new Array(intervals).fill(servers), concurrency: 1 })
    // Skip the first 5% as warm-up from an empty system.
    const start = Math.floor(outcome.wait.length * 0.05)
    let waited = 0
    for (let i = start; i < outcome.wait.length; i++) if (outcome.wait[i]! > 0) waited++
    const simulated = waited / (outcome.wait.length - start)
    expect(Math.abs(simulated - erlangC(servers, traffic))).toBeLessThan(0.02)
    expect(outcome.answered.every((a) => a === 1)).toBe(true)
  })

  it('treats concurrency k as k slots per agent', () => {
    const contacts = steadyLoad(200_000, 8 / 180, 180, Infinity, 7)
    const intervals = Math.ceil(contacts.arrival[contacts.arrival.length - 1]! / 900) + 2
    const outcome = simulateQueue(contacts, { intervalSec: 900, agents: new Array(intervals).fill(5), concurrency: 2 })
    let waited = 0
    for (const w of outcome.wait) if (w > 0) waited++
    expect(Math.abs(waited / outcome.wait.length - erlangC(10, 8))).toBeLessThan(0.02)
    expect(outcome.agent.reduce((max, a) => Math.max(max, a), -1)).toBe(4)
  })

  it('lets impatient contacts abandon after exactly their patience', () => {
    // One agent busy for 100 s; the second contact waits at most 30 s.
    const outcome = simulateQueue(
      { arrival: [0, 1, 2], handle: [100, 10, 10], patience: [Infinity, 30, 500] },
      { intervalSec: 900, agents: [1], concurrency: 1 },
    )
    expect([...outcome.answered]).toEqual([1, 0, 1])
    expect([...outcome.wait]).toEqual([0, 30, 98])
    expect([...outcome.agent]).toEqual([0, -1, 0])
  })

  it('waits for agents to log in and lets busy agents finish before logging out', () => {
    // No one in the first interval; one agent in the second; none afterwards.
    const outcome = simulateQueue(
      { arrival: [10, 20, 1700], handle: [850, 100, 10], patience: [Infinity, Infinity, Infinity] },
      { intervalSec: 900, agents: [0, 1], concurrency: 1 },
    )
    expect(outcome.wait[0]).toBe(890) // answered at 900
    expect(outcome.wait[1]).toBe(1730) // agent free at 1750, still logged in
    expect(outcome.answered[2]).toBe(0) // agent busy until 1850 and logged out at 1800
    expect(outcome.wait[2]).toBe(Infinity)
  })

  it('refuses unsorted arrivals', () => {
    expect(() =>
      simulateQueue({ arrival: [5, 1], handle: [1, 1], patience: [1, 1] }, { intervalSec: 900, agents: [1], concurrency: 1 }),
    ).toThrow(/sorted/)
  })
}, 30_000)
