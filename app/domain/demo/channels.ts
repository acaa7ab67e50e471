// The four channels of the demo operation: a Brazilian hosting/ISP support desk.
// Volumes, hours and handle times are typical of such an operation, not taken from a client.
import type { ChannelTargets } from '../channel.ts'
import type { OpeningHours } from '../opening-hours.ts'

export type { OpeningHours }

export interface IntradayPeak {
  /** Local hour of the peak (e.g. 10.5 = 10:30). */
  atHour: number
  weight: number
  /** Standard deviation of the bump, hours. */
  widthHours: number
}

export interface DemoChannel extends ChannelTargets {
  key: string
  name: string
  sortOrder: number
  /** Expected contacts on an ordinary day, Sunday … Saturday. */
  dailyVolume: readonly [number, number, number, number, number, number, number]
  /** When contacts arrive, Sunday … Saturday (null: closed that day). */
  arrivalHours: ReadonlyArray<OpeningHours | null>
  /** Intraday shape while open: a floor plus Gaussian bumps. */
  intradayFloor: number
  peaks: readonly IntradayPeak[]
  ahtSec: number
  /** Coefficient of variation of the log-normal handle time. */
  ahtCv: number
  /** Volume on a national holiday relative to an ordinary day. */
  holidayFactor: number
  fcrRate: number
  /** Share of answered contacts that answer the NPS survey. */
  npsResponseRate: number
  /**
   * Share of the logged-in agents available to take contacts (the rest is after-call work and
   * not-ready time). The planner staffs for it and the queue is simulated with the available
   * agents only, so the model check at efficiency k = 1 shows the textbook gap and calibration
   * recovers this value (issue 17). E-mail keeps 1: its workload plan's 85% productivity already
   * stands for that time, and the model check does not apply to deferred work.
   */
  availability: number
}

const h = (hour: number) => hour * 60
const every = (hours: OpeningHours | null) => [hours, hours, hours, hours, hours, hours, hours] as const

export const demoChannels: readonly DemoChannel[] = [
  {
    key: 'voz',
    name: 'Voz',
    sortOrder: 1,
    kind: 'realtime',
    concurrency: 1,
    slGoal: 0.8,
    slThresholdSec: 20,
    asaGoalSec: 30,
    maxOccupancy: 0.85,
    shrinkage: 0.32,
    patienceSec: 150,
    responseGoalSec: null,
    staffingModel: 'erlangA',
    dailyVolume: [0, 2600, 2400, 2300, 2250, 2100, 1200],
    arrivalHours: [null, ...Array(6).fill({ open: h(8), close: h(22) })],
    openingHours: [null, ...Array(6).fill({ open: h(8), close: h(22) })],
    intradayFloor: 0.12,
    peaks: [
      { atHour: 10.5, weight: 1, widthHours: 1.5 },
      { atHour: 14.75, weight: 0.9, widthHours: 1.7 },
      { atHour: 19.5, weight: 0.4, widthHours: 1.2 },
    ],
    ahtSec: 330,
    ahtCv: 0.7,
    holidayFactor: 0.35,
    fcrRate: 0.74,
    npsResponseRate: 0.2,
    availability: 0.78,
  },
  {
    key: 'chat',
    name: 'Chat',
    sortOrder: 2,
    kind: 'realtime',
    concurrency: 2,
    slGoal: 0.8,
    slThresholdSec: 60,
    asaGoalSec: null,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSec: 240,
    responseGoalSec: null,
    staffingModel: 'erlangC',
    dailyVolume: [500, 1500, 1400, 1350, 1300, 1250, 800],
    arrivalHours: [{ open: h(9), close: h(21) }, ...Array(6).fill({ open: h(8), close: h(24) })],
    openingHours: [{ open: h(9), close: h(21) }, ...Array(6).fill({ open: h(8), close: h(24) })],
    intradayFloor: 0.15,
    peaks: [
      { atHour: 11, weight: 0.9, widthHours: 1.6 },
      { atHour: 15, weight: 1, widthHours: 1.8 },
      { atHour: 20.5, weight: 0.7, widthHours: 1.4 },
    ],
    ahtSec: 540,
    ahtCv: 0.8,
    holidayFactor: 0.55,
    fcrRate: 0.7,
    npsResponseRate: 0.25,
    availability: 0.7,
  },
  {
    key: 'whatsapp',
    name: 'WhatsApp',
    sortOrder: 3,
    kind: 'realtime',
    concurrency: 3,
    slGoal: 0.8,
    slThresholdSec: 120,
    asaGoalSec: null,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSec: 600,
    responseGoalSec: null,
    staffingModel: 'erlangC',
    dailyVolume: [900, 2000, 1900, 1850, 1800, 1750, 1300],
    arrivalHours: every({ open: h(7), close: h(23) }),
    openingHours: every({ open: h(7), close: h(23) }),
    intradayFloor: 0.2,
    peaks: [
      { atHour: 10, weight: 0.8, widthHours: 1.5 },
      { atHour: 14, weight: 0.9, widthHours: 1.8 },
      { atHour: 21, weight: 1, widthHours: 1.3 },
    ],
    ahtSec: 900,
    ahtCv: 0.9,
    holidayFactor: 0.7,
    fcrRate: 0.68,
    npsResponseRate: 0.3,
    availability: 0.82,
  },
  {
    key: 'email',
    name: 'E-mail',
    sortOrder: 4,
    kind: 'deferred',
    concurrency: 1,
    slGoal: 0.9,
    slThresholdSec: 28_800,
    asaGoalSec: null,
    maxOccupancy: null,
    shrinkage: 0.25,
    patienceSec: null,
    responseGoalSec: 28_800,
    staffingModel: 'erlangC',
    dailyVolume: [250, 700, 650, 620, 600, 560, 300],
    arrivalHours: every({ open: 0, close: h(24) }),
    openingHours: [null, ...Array(6).fill({ open: h(8), close: h(20) })],
    intradayFloor: 0.1,
    peaks: [
      { atHour: 10, weight: 1, widthHours: 2.5 },
      { atHour: 15, weight: 0.8, widthHours: 2.5 },
    ],
    ahtSec: 420,
    ahtCv: 0.6,
    holidayFactor: 0.5,
    fcrRate: 0.62,
    npsResponseRate: 0.12,
    availability: 1,
  },
]
