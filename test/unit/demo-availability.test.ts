import { describe, expect, it } from 'vitest'
import { calibrateEfficiency } from '../../app/domain/calibration.ts'
import { serviceThresholdSec } from '../../app/domain/channel.ts'
import { demoChannels } from '../../app/domain/demo/channels.ts'
import { generateDemoHistory, type DemoChannelHistory } from '../../app/domain/demo/generate.ts'
import { checkModel, type ChannelModel, type IntervalActuals } from '../../app/domain/model-check.ts'

const timeZone = 'America/Sao_Paulo'
const HOUR_MS = 3_600_000
const QUARTERS = 4

const history = generateDemoHistory({ today: '2026-11-24', timeZone })
// The same seed with every logged-in agent available: the same arrivals and handle times.
const allAvailable = generateDemoHistory({ today: '2026-11-24', timeZone, channels: demoChannels.map((c) => ({ ...c, availability: 1 })) })
const realtime = (h: typeof history) => h.channels.filter((c) => c.channel.kind === 'realtime')

/**
 * Hourly actuals as the product would count them from the demo's contacts and staffing: contacts
 * by the hour they arrived in, TMA over the answered ones, agents on duty = mean logged-in agents
 * over the hour's four intervals (hours not staffed throughout are left out). São Paulo's hours
 * are whole UTC hours.
 */
function hourlyActuals({ channel, contacts, staffing }: DemoChannelHistory): IntervalActuals[] {
  const threshold = serviceThresholdSec(channel)
  const hours = new Map<number, { actuals: IntervalActuals; handleSec: number; agents: number; quarters: number }>()
  for (let i = 0; i < staffing.start.length; i++) {
    const hour = Math.floor(staffing.start[i]! / HOUR_MS)
    const row = hours.get(hour) ?? {
      actuals: { offered: 0, answered: 0, abandoned: 0, answeredWithinThreshold: 0, abandonedWithinThreshold: 0, ahtSec: null, agentsOnDuty: null, intervalSec: 3600 },
      handleSec: 0,
      agents: 0,
      quarters: 0,
    }
    row.agents += staffing.agents[i]!
    row.quarters++
    hours.set(hour, row)
  }
  for (let c = 0; c < contacts.arrivedAt.length; c++) {
    const row = hours.get(Math.floor(contacts.arrivedAt[c]! / HOUR_MS))
    if (!row) continue
    const a = row.actuals
    const withinThreshold = contacts.waitSec[c]! <= threshold
    a.offered++
    if (contacts.answered[c]) {
      a.answered!++
      row.handleSec += contacts.handleSec[c]!
      if (withinThreshold) a.answeredWithinThreshold!++
    } else {
      a.abandoned!++
      if (withinThreshold) a.abandonedWithinThreshold!++
    }
  }
  return [...hours.values()]
    .filter((row) => row.quarters === QUARTERS)
    .map(({ actuals, handleSec, agents }) => ({ ...actuals, ahtSec: actuals.answered! > 0 ? handleSec / actuals.answered! : null, agentsOnDuty: agents / QUARTERS }))
}

/** The channel's model as the simulation behaves: Erlang A with its patience where customers abandon. */
const modelOf = ({ channel }: DemoChannelHistory): ChannelModel =>
  channel.patienceSec === null
    ? { model: 'erlangC', thresholdSec: serviceThresholdSec(channel), patienceSec: null, concurrency: channel.concurrency }
    : { model: 'erlangA', thresholdSec: serviceThresholdSec(channel), patienceSec: channel.patienceSec, concurrency: channel.concurrency }

// Six calibrations over ~1,000 hours each: ~1 s idle; the budget allows for a loaded machine.
const BUDGET = 60_000

describe('demo availability', () => {
  it('gives each real-time channel an availability within 65–85%, and e-mail 1 (deferred: no model check)', () => {
    for (const channel of demoChannels) {
      if (channel.kind === 'realtime') {
        expect(channel.availability).toBeGreaterThanOrEqual(0.65)
        expect(channel.availability).toBeLessThanOrEqual(0.85)
      } else expect(channel.availability).toBe(1)
    }
  })

  it('keeps the logged-in team in staffing and names only its agents', () => {
    for (const { channel, contacts, staffing } of realtime(history)) {
      const loggedIn = new Map<number, number>()
      staffing.start.forEach((start, i) => loggedIn.set(start, staffing.agents[i]!))
      const loggedInAt = (t: number) => loggedIn.get(Math.floor(t / 900_000) * 900_000) ?? 0
      const answerers = new Set<number>()
      let outsideTheTeam = 0
      for (let c = 0; c < contacts.arrivedAt.length; c++) {
        if (!contacts.answered[c]) continue
        // Waits are stored in whole seconds: one answered at an interval's edge may fall either side.
        const answeredAt = contacts.arrivedAt[c]! + contacts.waitSec[c]! * 1000
        const agents = Math.max(loggedInAt(answeredAt - 1000), loggedInAt(answeredAt), loggedInAt(answeredAt + 1000))
        if (!(contacts.agent[c]! >= 0 && contacts.agent[c]! < agents)) outsideTheTeam++
        answerers.add(contacts.agent[c]!)
      }
      expect(outsideTheTeam, channel.key).toBe(0)
      // Who is available turns: every agent of the largest team answers some contacts.
      expect(answerers.size).toBe(Math.max(...staffing.agents))
    }
  }, BUDGET)

  it('plans for the availability: service stays near the same seed with everyone available', () => {
    for (const [index, withAvailability] of realtime(history).entries()) {
      const reference = realtime(allAvailable)[index]!
      const { key, availability } = withAvailability.channel
      // Share of contacts answered within the threshold: the same service, give or take.
      const answeredInTime = ({ channel, contacts }: DemoChannelHistory) => {
        let inTime = 0
        for (let c = 0; c < contacts.arrivedAt.length; c++) if (contacts.answered[c] && contacts.waitSec[c]! <= serviceThresholdSec(channel)) inTime++
        return inTime / contacts.arrivedAt.length
      }
      expect(Math.abs(answeredInTime(withAvailability) - answeredInTime(reference)), key).toBeLessThan(0.03)
      // More agents logged in for the same work: about 1 ÷ availability as many.
      const agentIntervals = (h: DemoChannelHistory) => h.staffing.agents.reduce((s, a) => s + a, 0)
      expect(Math.abs(agentIntervals(reference) / agentIntervals(withAvailability) - availability), key).toBeLessThan(0.05)
    }
  }, BUDGET)

  it(
    'shows the textbook gap at k = 1, and calibration recovers the availability the simulation used',
    () => {
      for (const [index, demo] of realtime(history).entries()) {
        const { availability, key } = demo.channel
        const intervals = hourlyActuals(demo)
        const textbook = checkModel(intervals, modelOf(demo), 1).summary
        // Logged-in agents all counted as servers: the model promises better service than happened.
        expect(textbook.slBias!, key).toBeGreaterThan(0.03)
        expect(textbook.abandonBias!, key).toBeLessThan(-0.01)

        const fit = calibrateEfficiency(intervals, modelOf(demo))!
        expect(fit.intervals, key).toBeGreaterThan(500)
        const reference = calibrateEfficiency(hourlyActuals(realtime(allAvailable)[index]!), modelOf(demo))!
        // The fit on the same demo with everyone available is not exactly 1 (1.03 voz, 1.08 chat,
        // 1.12 WhatsApp): the MAE fit over hourly intervals of long handle times comes back high
        // (docs/decisions/003-demo-data.md). The availability is what divides it: measured
        // 0.782, 0.702, 0.816 against 0.78, 0.70, 0.82.
        expect(Math.abs(fit.efficiency / reference.efficiency - availability), key).toBeLessThanOrEqual(0.02)
        // And the absolute fit sits above the availability by that same bias, well short of 1.
        expect(fit.efficiency, key).toBeGreaterThan(availability - 0.02)
        expect(fit.efficiency, key).toBeLessThan(availability * 1.15)
      }
    },
    BUDGET,
  )
})
