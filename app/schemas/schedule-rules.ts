// RULES.json for `wfm schedule` (documented in docs/command-line.md): shift types and their breaks, start
// times, opening hours, minimum and maximum agents. Times of day are "HH:MM" (24:00 = end of day).
import { z } from 'zod'
import { parseClock } from '../domain/opening-hours.ts'
import type { ScheduleRules } from '../domain/schedule/rules.ts'

const clock = z.string().transform((text, ctx) => {
  const minutes = parseClock(text)
  if (minutes === null) {
    ctx.addIssue({ code: 'custom', message: `expected a time of day as HH:MM (got "${text}")` })
    return z.NEVER
  }
  return minutes
})
const minutes = z.number().int().min(0)

export const scheduleRulesSchema = z
  .object({
    shiftTypes: z
      .array(
        z.object({
          name: z.string().min(1),
          lengthMinutes: minutes,
          breaks: z
            .array(
              z.object({
                name: z.string().min(1),
                lengthMinutes: minutes,
                earliestAfterStartMinutes: minutes,
                latestAfterStartMinutes: minutes,
                paid: z.boolean(),
              }),
            )
            .default([]),
        }),
      )
      .min(1),
    startEveryMinutes: minutes.default(15),
    earliestStart: clock,
    latestStart: clock,
    breakEveryMinutes: minutes.default(15),
    openingHours: z
      .array(z.object({ open: clock, close: clock }).nullable())
      .length(7)
      .optional()
      .describe('Sunday … Saturday'),
    minAgentsWhileOpen: z.number().min(0).default(0),
    maxAgentsPerDay: z.number().int().min(0).nullable().default(null),
    maxOnBreak: z.number().int().min(1).nullable().default(null),
    daysOffPerWeek: z.number().int().min(0).max(6).default(1),
    consecutiveDaysOff: z.boolean().default(false),
    /** The roster keeps each agent's starts within this many minutes of their first of the week (absent/null: no rule). */
    startToleranceMinutes: z.number().int().min(0).max(720).nullable().optional(),
    shortfallPenaltyHours: z.number().positive().optional(),
    timeLimitSeconds: z.number().positive().max(600).default(10),
  })
  .strict()

export function toScheduleRules(parsed: z.output<typeof scheduleRulesSchema>): { rules: ScheduleRules; timeLimitSec: number } {
  return {
    rules: {
      shiftTypes: parsed.shiftTypes.map((t) => ({
        name: t.name,
        lengthMin: t.lengthMinutes,
        breaks: t.breaks.map((b) => ({ name: b.name, lengthMin: b.lengthMinutes, earliestMin: b.earliestAfterStartMinutes, latestMin: b.latestAfterStartMinutes, paid: b.paid })),
      })),
      startGranularityMin: parsed.startEveryMinutes,
      earliestStartMin: parsed.earliestStart,
      latestStartMin: parsed.latestStart,
      breakGranularityMin: parsed.breakEveryMinutes,
      openingHours: parsed.openingHours ?? null,
      minAgentsWhileOpen: parsed.minAgentsWhileOpen,
      maxAgentsPerDay: parsed.maxAgentsPerDay,
      maxOnBreak: parsed.maxOnBreak,
      daysOffPerWeek: parsed.daysOffPerWeek,
      consecutiveDaysOff: parsed.consecutiveDaysOff,
      startToleranceMin: parsed.startToleranceMinutes ?? null,
      shortfallPenaltyHours: parsed.shortfallPenaltyHours,
    },
    timeLimitSec: parsed.timeLimitSeconds,
  }
}
