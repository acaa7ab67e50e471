// A voice channel's per-call history with a known efficiency, as CSV files the import reads: the
// contacts (with the agent who answered) and an interval file of agents logged in. Each hour of
// the working day, L agents are logged in (8, 12, 16 or 20 in turn) but only k × L serve (k = 0.75
// makes that whole); the queue is simulated by the project's simulator (app/domain/queue-simulation.ts)
// with Poisson arrivals at 80–105% of those servers' capacity, exponential handle times and
// exponential patience. The simulation runs each day's hours back to back, as a real day runs.
import { simulateQueue } from '../../app/domain/queue-simulation.ts'
import { Random } from '../../app/domain/random.ts'

export interface SimulatedCalls {
  contactsCsv: string
  /** interval_start,channel,agents_staffed per 15 minutes of the working hours. */
  staffedCsv: string
  /** Per contact: local ISO arrival, outcome, wait, handle, agent (null when abandoned). */
  contacts: Array<{ arrivedAt: number; answered: boolean; waitSec: number; handleSec: number; agent: string | null }>
}

export interface SimulationOptions {
  channel: string
  efficiency: number
  patienceSec: number
  ahtSec: number
  /** First local day (UTC−03:00, São Paulo without DST since 2019), YYYY-MM-DD. */
  firstDay: string
  days: number
  /** Working hours, local: [from, to). */
  hours: [number, number]
  seed: number
}

const OFFSET_MS = -3 * 3_600_000

export function simulateCalls(options: SimulationOptions): SimulatedCalls {
  const random = new Random(options.seed)
  const [open, close] = options.hours
  const hoursPerDay = close - open
  const contacts: SimulatedCalls['contacts'] = []
  const staffedLines = ['interval_start,channel,agents_staffed']
  for (let d = 0; d < options.days; d++) {
    const dayStart = Date.parse(`${options.firstDay}T00:00:00Z`) + d * 86_400_000 - OFFSET_MS + open * 3_600_000
    const loggedIn = Array.from({ length: hoursPerDay }, (_, h) => 8 + 4 * ((d + h) % 4))
    const servers = loggedIn.map((l) => options.efficiency * l)
    if (!servers.every(Number.isInteger)) throw new Error('k × L must be whole')
    const arrival: number[] = []
    for (let h = 0; h < hoursPerDay; h++) {
      const rate = (servers[h]! * (0.8 + 0.25 * random.uniform())) / options.ahtSec
      for (let t = h * 3600 + random.exponential(1 / rate); t < (h + 1) * 3600; t += random.exponential(1 / rate)) arrival.push(t)
    }
    const handle = arrival.map(() => Math.max(1, Math.round(random.exponential(options.ahtSec))))
    const patience = arrival.map(() => random.exponential(options.patienceSec))
    // One more hour of the last staffing so that the day's last callers can be answered.
    const outcome = simulateQueue({ arrival, handle, patience }, { intervalSec: 3600, agents: [...servers, servers.at(-1)!], concurrency: 1 })
    arrival.forEach((t, c) => {
      const answered = outcome.answered[c] === 1
      contacts.push({
        arrivedAt: dayStart + Math.floor(t * 1000),
        answered,
        waitSec: Math.round(outcome.wait[c]!),
        handleSec: answered ? handle[c]! : 0,
        agent: answered ? `ag-${outcome.agent[c]! + 1}` : null,
      })
    })
    for (let h = 0; h < hoursPerDay; h++) {
      for (let q = 0; q < 4; q++) staffedLines.push(`${iso(dayStart + h * 3_600_000 + q * 900_000)},${options.channel},${loggedIn[h]}`)
    }
  }
  const contactLines = ['contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds,agent']
  contacts.forEach((c, i) =>
    contactLines.push(`${i + 1},${options.channel},${iso(c.arrivedAt)},${c.answered ? 'answered' : 'abandoned'},${c.waitSec},${c.handleSec},${c.agent ?? ''}`),
  )
  return { contactsCsv: `${contactLines.join('\n')}\n`, staffedCsv: `${staffedLines.join('\n')}\n`, contacts }
}

/** Local ISO time with the −03:00 offset, to the millisecond. */
function iso(instant: number): string {
  return `${new Date(instant + OFFSET_MS).toISOString().slice(0, 23)}-03:00`
}
