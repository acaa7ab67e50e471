// A week of 15-minute requirements for schedule tests and the bench: open 07:00–23:00 every day,
// a morning and an afternoon peak, weekends lighter, peaking at `peak` agents. Times are UTC
// (local = UTC) from Monday 2026-11-30.
import type { Requirements } from '../../app/domain/schedule/model.ts'
import type { ScheduleRules } from '../../app/domain/schedule/rules.ts'

export function weekRequirements(peak: number): Requirements {
  const start: number[] = []
  const required: number[] = []
  const weekday: number[] = []
  const minute: number[] = []
  const day: number[] = []
  const monday = Date.UTC(2026, 10, 30)
  for (let d = 0; d < 7; d++) {
    const scale = d === 5 ? 0.6 : d === 6 ? 0.4 : 1
    for (let q = 0; q < 96; q++) {
      const hour = q / 4
      const open = hour >= 7 && hour < 23
      const shape = 0.25 + Math.exp(-(((hour - 10.5) / 2) ** 2)) + 0.85 * Math.exp(-(((hour - 15.5) / 2.2) ** 2))
      start.push(monday + (d * 96 + q) * 900_000)
      required.push(open ? Math.round((peak * scale * shape) / 1.02) : 0)
      weekday.push((1 + d) % 7)
      minute.push(q * 15)
      day.push(d)
    }
  }
  return { intervalMin: 15, start, required, weekday, minute, day }
}

/** Brazilian telemarketing (NR-17 Annex II) 6h20 and an 8h48 day with an hour's lunch. */
export const nr17Rules: ScheduleRules = {
  shiftTypes: [
    {
      name: '6h20',
      lengthMin: 380,
      breaks: [
        { name: 'pausa 1', lengthMin: 10, earliestMin: 60, latestMin: 120, paid: true },
        { name: 'descanso', lengthMin: 20, earliestMin: 150, latestMin: 210, paid: false },
        { name: 'pausa 2', lengthMin: 10, earliestMin: 270, latestMin: 330, paid: true },
      ],
    },
    {
      name: '8h48',
      lengthMin: 588,
      breaks: [{ name: 'almoço', lengthMin: 60, earliestMin: 180, latestMin: 300, paid: false }],
    },
  ],
  startGranularityMin: 15,
  earliestStartMin: 7 * 60,
  latestStartMin: 22 * 60,
  openingHours: Array.from({ length: 7 }, () => ({ open: 7 * 60, close: 23 * 60 })),
}
