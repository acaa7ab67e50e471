// Seeded, deterministic demo history: arrivals (non-homogeneous Poisson), log-normal handle
// times, and waits/abandonment from simulating the queue against the agents a planner would
// have staffed (Erlang C on the expected load, then the day's real execution: absenteeism,
// rounding, the odd badly staffed interval). Only the channel's available share of the logged-in
// agents takes contacts (after-call work, not ready). See docs/decisions/003-demo-data.md.
import { requiredServers } from '../erlang.ts'
import { brazilNationalHolidays } from '../holidays.ts'
import {
  INTERVAL_MS,
  addDays,
  localDays,
  localMinuteOfDay,
  weekdayOf,
  parseLocalDate,
} from '../intervals.ts'
import { simulateQueue } from '../queue-simulation.ts'
import { Random } from '../random.ts'
import { serviceThresholdSec } from '../channel.ts'
import { demoChannels, type DemoChannel, type OpeningHours } from './channels.ts'

export interface DemoOptions {
  /** The local date the history ends before ("today"): history covers the preceding days. */
  today: string
  timeZone: string
  weeks?: number
  seed?: number
  channels?: readonly DemoChannel[]
}

export interface DemoContacts {
  /** Arrival instants, epoch ms, ascending. */
  arrivedAt: Float64Array
  waitSec: Float64Array
  handleSec: Float64Array
  answered: Uint8Array
  /** 0-based agent number, −1 when abandoned. */
  agent: Int32Array
  /** 1 resolved, 0 not resolved, −1 unknown. */
  fcr: Int8Array
  /** 0–10, −1 when the customer gave no score. */
  nps: Int8Array
}

export interface DemoStaffing {
  /** Interval starts, epoch ms. */
  start: Float64Array
  agents: Int32Array
}

export interface DemoChannelHistory {
  channel: DemoChannel
  contacts: DemoContacts
  staffing: DemoStaffing
}

export interface DemoHistory {
  /** First local day of history. */
  from: string
  /** Last local day of history (the day before `today`). */
  to: string
  channels: DemoChannelHistory[]
}

const INTERVAL_SEC = INTERVAL_MS / 1000
/** Extra days of staffing after the history so deferred work that arrived late is answered. */
const DRAIN_DAYS = 2

interface Calendar {
  origin: number
  /** Intervals in the history. */
  historyIntervals: number
  /** Intervals including the drain days. */
  intervals: number
  minuteOfDay: Int16Array
  weekday: Int8Array
  dayIndex: Int32Array
  holiday: Uint8Array
  days: number
}

function buildCalendar(from: string, to: string, timeZone: string): Calendar {
  const days = localDays(from, addDays(to, DRAIN_DAYS), timeZone)
  const origin = days[0]!.start
  const intervals = Math.round((days[days.length - 1]!.end - origin) / INTERVAL_MS)
  const historyDays = days.length - DRAIN_DAYS
  const historyIntervals = Math.round((days[historyDays - 1]!.end - origin) / INTERVAL_MS)
  const holidays = new Set<string>()
  for (let y = parseLocalDate(from).year; y <= parseLocalDate(to).year + 1; y++) {
    for (const holiday of brazilNationalHolidays(y)) holidays.add(holiday.date)
  }
  const minuteOfDay = new Int16Array(intervals)
  const weekday = new Int8Array(intervals)
  const dayIndex = new Int32Array(intervals)
  const holiday = new Uint8Array(intervals)
  days.forEach((day, d) => {
    const wd = weekdayOf(day.day)
    const isHoliday = holidays.has(day.day) ? 1 : 0
    for (let t = day.start; t < day.end; t += INTERVAL_MS) {
      const i = Math.round((t - origin) / INTERVAL_MS)
      minuteOfDay[i] = localMinuteOfDay(t, timeZone)
      weekday[i] = wd
      dayIndex[i] = d
      holiday[i] = isHoliday
    }
  })
  return { origin, historyIntervals, intervals, minuteOfDay, weekday, dayIndex, holiday, days: days.length }
}

const isOpen = (hours: OpeningHours | null | undefined, minute: number) =>
  hours != null && minute >= hours.open && minute < hours.close

function intradayWeight(channel: DemoChannel, minute: number): number {
  const hour = (minute + 7.5) / 60
  let weight = channel.intradayFloor
  for (const peak of channel.peaks) {
    const z = (hour - peak.atHour) / peak.widthHours
    weight += peak.weight * Math.exp(-0.5 * z * z)
  }
  return weight
}

/** Expected contacts per interval on an ordinary day's plan (what a planner would forecast). */
function expectedVolume(channel: DemoChannel, calendar: Calendar): Float64Array {
  const expected = new Float64Array(calendar.intervals)
  const weightSum = new Float64Array(calendar.days)
  for (let i = 0; i < calendar.intervals; i++) {
    const minute = calendar.minuteOfDay[i]!
    if (!isOpen(channel.arrivalHours[calendar.weekday[i]!], minute)) continue
    expected[i] = intradayWeight(channel, minute)
    weightSum[calendar.dayIndex[i]!]! += expected[i]!
  }
  for (let i = 0; i < calendar.intervals; i++) {
    if (expected[i] === 0) continue
    const d = calendar.dayIndex[i]!
    const trend = 1 + 0.0025 * (d / 7) // slow growth of the customer base
    const day = channel.dailyVolume[calendar.weekday[i]!]! * trend * (calendar.holiday[i] ? channel.holidayFactor : 1)
    expected[i] = (day * expected[i]!) / weightSum[d]!
  }
  return expected
}

/**
 * Agents logged in per interval: the plan from Erlang C or workload, grossed up for the share of
 * logged-in time agents are not available, then real execution.
 */
function staffAgents(channel: DemoChannel, calendar: Calendar, expected: Float64Array, random: Random): Int32Array {
  const agents = new Int32Array(calendar.intervals)
  const threshold = serviceThresholdSec(channel)
  const staffedHours = channel.openingHours ?? channel.arrivalHours

  // Execution quality per day: most days near plan, some with absenteeism in the afternoon.
  const dayExecution = Array.from({ length: calendar.days }, () => ({
    level: 0.96 + 0.05 * random.normal(),
    afternoonAbsence: random.chance(0.12) ? 0.75 + 0.1 * random.uniform() : 1,
  }))

  if (channel.kind === 'deferred') {
    // Workload: the day's e-mails × AHT at 85% productivity, spread over the staffed hours.
    const dayWork = new Float64Array(calendar.days)
    const staffedIntervals = new Float64Array(calendar.days)
    for (let i = 0; i < calendar.intervals; i++) {
      const d = calendar.dayIndex[i]!
      dayWork[d]! += (expected[i]! * channel.ahtSec) / 0.85
      if (isOpen(staffedHours[calendar.weekday[i]!], calendar.minuteOfDay[i]!)) staffedIntervals[d]! += 1
    }
    // Work arriving on unstaffed days (Sunday) is carried to the next staffed day.
    let carried = 0
    for (let d = 0; d < calendar.days; d++) {
      carried += dayWork[d]!
      if (staffedIntervals[d]! > 0) {
        dayWork[d] = carried
        carried = 0
      } else dayWork[d] = 0
    }
    for (let i = 0; i < calendar.intervals; i++) {
      const d = calendar.dayIndex[i]!
      if (!isOpen(staffedHours[calendar.weekday[i]!], calendar.minuteOfDay[i]!)) continue
      const planned = dayWork[d]! / (staffedIntervals[d]! * INTERVAL_SEC * channel.availability)
      agents[i] = Math.max(1, Math.round(planned * dayExecution[d]!.level + 0.6 * random.normal()))
    }
    return agents
  }

  for (let i = 0; i < calendar.intervals; i++) {
    if (!isOpen(staffedHours[calendar.weekday[i]!], calendar.minuteOfDay[i]!)) continue
    const traffic = (expected[i]! * channel.ahtSec) / INTERVAL_SEC
    const servers = requiredServers({ traffic, ahtSec: channel.ahtSec, slGoal: channel.slGoal, thresholdSec: threshold })
    // − 1e-9: a quotient whole but for floating-point error (3 ÷ (2 × 0.75)) is not one agent more.
    const planned = Math.ceil(servers / (channel.concurrency * channel.availability) - 1e-9)
    const execution = dayExecution[calendar.dayIndex[i]!]!
    const afternoon = calendar.minuteOfDay[i]! >= 13 * 60 ? execution.afternoonAbsence : 1
    const noisy = planned * execution.level * afternoon + 0.8 * random.normal()
    agents[i] = Math.max(1, Math.round(noisy))
  }
  return agents
}

interface Availability {
  /** Agents available to take contacts per interval: logged-in × availability, made whole. */
  available: Int32Array
  /** Which logged-in agents they are: agents offset, offset + 1, … (mod logged-in). */
  offset: Int32Array
}

/**
 * The available agents per interval: logged-in × availability, rounded down or up with the
 * probability of its fraction (unbiased: the mean is exactly logged-in × availability, and the
 * count varies by at most one agent around it). Which logged-in agents are available turns with a
 * random offset per interval, so every agent of the team answers contacts over a day.
 */
function availableAgents(channel: DemoChannel, loggedIn: Int32Array, random: Random): Availability {
  const available = new Int32Array(loggedIn.length)
  const offset = new Int32Array(loggedIn.length)
  for (let i = 0; i < loggedIn.length; i++) {
    const agents = loggedIn[i]!
    if (agents === 0) continue
    const expected = agents * channel.availability
    const whole = Math.floor(expected)
    available[i] = whole + (random.chance(expected - whole) ? 1 : 0)
    offset[i] = Math.floor(random.uniform() * agents)
  }
  return { available, offset }
}

/** Arrivals of a non-homogeneous Poisson process: exponential gaps within each interval. */
function generateArrivals(
  channel: DemoChannel,
  calendar: Calendar,
  expected: Float64Array,
  incidentDay: number,
  random: Random,
): number[] {
  const arrivals: number[] = []
  const dayNoise = Array.from({ length: calendar.days }, () => random.logNormal(1, 0.06))
  for (let i = 0; i < calendar.historyIntervals; i++) {
    if (expected[i] === 0) continue
    const d = calendar.dayIndex[i]!
    const minute = calendar.minuteOfDay[i]!
    // An unannounced incident (a network outage) floods the real-time channels one afternoon.
    const incident = channel.kind === 'realtime' && d === incidentDay && minute >= 14 * 60 && minute < 18 * 60 ? 1.6 : 1
    const mean = expected[i]! * dayNoise[d]! * random.logNormal(1, 0.08) * incident
    const rate = mean / INTERVAL_SEC
    const start = i * INTERVAL_SEC
    const end = start + INTERVAL_SEC
    for (let t = start + random.exponential(1 / rate); t < end; t += random.exponential(1 / rate)) arrivals.push(t)
  }
  return arrivals
}

function npsScore(wait: number, thresholdSec: number, resolved: boolean, random: Random): number {
  const lateness = Math.min(1, wait / (4 * thresholdSec))
  const mean = 9 - 3.5 * lateness - (resolved ? 0 : 2)
  return Math.max(0, Math.min(10, Math.round(mean + 1.6 * random.normal())))
}

function generateChannel(
  channel: DemoChannel,
  calendar: Calendar,
  incidentDay: number,
  seed: number,
): DemoChannelHistory {
  const random = new Random(seed)
  const expected = expectedVolume(channel, calendar)
  const agents = staffAgents(channel, calendar, expected, random)
  const arrivalSec = generateArrivals(channel, calendar, expected, incidentDay, random)
  const count = arrivalSec.length
  const handle = new Float64Array(count)
  const patience = new Float64Array(count)
  const ahtByDay = Array.from({ length: calendar.days }, () => channel.ahtSec * random.logNormal(1, 0.03))
  for (let c = 0; c < count; c++) {
    const d = calendar.dayIndex[Math.floor(arrivalSec[c]! / INTERVAL_SEC)]!
    handle[c] = Math.max(5, Math.round(random.logNormal(ahtByDay[d]!, channel.ahtCv)))
    patience[c] = channel.patienceSec == null ? Infinity : random.exponential(channel.patienceSec)
  }
  // Its own stream: the arrivals and handle times of a seed do not depend on it.
  const { available, offset } = availableAgents(channel, agents, new Random(seed + 1))
  const outcome = simulateQueue(
    { arrival: arrivalSec, handle, patience },
    { intervalSec: INTERVAL_SEC, agents: available, concurrency: channel.concurrency },
  )

  const threshold = serviceThresholdSec(channel)
  const contacts: DemoContacts = {
    arrivedAt: new Float64Array(count),
    waitSec: new Float64Array(count),
    handleSec: new Float64Array(count),
    answered: outcome.answered,
    agent: new Int32Array(count).fill(-1),
    fcr: new Int8Array(count).fill(-1),
    nps: new Int8Array(count).fill(-1),
  }
  for (let c = 0; c < count; c++) {
    // The drain days staff every deferred contact; a contact left unserved would be a bug here.
    if (!Number.isFinite(outcome.wait[c]!)) throw new Error(`demo ${channel.key}: contact ${c} was never served`)
    // Whole milliseconds and seconds, as exports carry them.
    contacts.arrivedAt[c] = calendar.origin + Math.floor(arrivalSec[c]! * 1000)
    contacts.waitSec[c] = Math.round(outcome.wait[c]!)
    if (!outcome.answered[c]) continue
    contacts.handleSec[c] = handle[c]!
    // The simulated agent j is the j-th available one of the logged-in team when answering.
    const i = Math.floor((arrivalSec[c]! + outcome.wait[c]!) / INTERVAL_SEC)
    if (!(outcome.agent[c]! < available[i]!)) throw new Error(`demo ${channel.key}: contact ${c} answered by an agent not available`)
    contacts.agent[c] = (outcome.agent[c]! + offset[i]!) % agents[i]!
    const resolved = random.chance(channel.fcrRate)
    contacts.fcr[c] = resolved ? 1 : 0
    if (random.chance(channel.npsResponseRate)) contacts.nps[c] = npsScore(outcome.wait[c]!, threshold, resolved, random)
  }

  const staffedIntervals: number[] = []
  for (let i = 0; i < calendar.historyIntervals; i++) if (agents[i]! > 0) staffedIntervals.push(i)
  const staffing: DemoStaffing = {
    start: Float64Array.from(staffedIntervals, (i) => calendar.origin + i * INTERVAL_MS),
    agents: Int32Array.from(staffedIntervals, (i) => agents[i]!),
  }
  return { channel, contacts, staffing }
}

export function generateDemoHistory({
  today,
  timeZone,
  weeks = 13,
  seed = 20_260_101,
  channels = demoChannels,
}: DemoOptions): DemoHistory {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a whole number ≥ 1 (got ${weeks})`)
  const from = addDays(today, -7 * weeks)
  const to = addDays(today, -1)
  const calendar = buildCalendar(from, to, timeZone)
  // The incident falls on the Tuesday of the fifth week before today.
  const firstTuesday = (2 - weekdayOf(from) + 7) % 7
  const incidentDay = firstTuesday + 7 * Math.max(0, weeks - 5)
  return {
    from,
    to,
    channels: channels.map((channel, index) => generateChannel(channel, calendar, incidentDay, seed + 7919 * (index + 1))),
  }
}
