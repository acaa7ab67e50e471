// The stored shift rules (one row): RULES.json, the same format `wfm schedule --rules` reads, so a
// file and the page describe rules alike. A database without saved rules uses the defaults below.
import type { z } from 'zod'
import { prisma } from '../db.server.ts'
import { changedFields, type AuditChanges } from '../domain/audit.ts'
import { scheduleRulesSchema, toScheduleRules } from '../schemas/schedule-rules.ts'
import { checkRules } from '../domain/schedule/rules.ts'
import { recordAudit, type Actor } from './audit.server.ts'

export type RulesFile = z.input<typeof scheduleRulesSchema>

/** Brazil's telemarketing day (NR-17 Annex II): 6h20 with a paid 10-minute pause either side of an unpaid 20-minute rest; 6×1. */
export const defaultRulesFile: RulesFile = {
  shiftTypes: [
    {
      name: '6h20',
      lengthMinutes: 380,
      breaks: [
        { name: 'pausa 1', lengthMinutes: 10, earliestAfterStartMinutes: 60, latestAfterStartMinutes: 120, paid: true },
        { name: 'descanso', lengthMinutes: 20, earliestAfterStartMinutes: 150, latestAfterStartMinutes: 210, paid: false },
        { name: 'pausa 2', lengthMinutes: 10, earliestAfterStartMinutes: 270, latestAfterStartMinutes: 330, paid: true },
      ],
    },
  ],
  startEveryMinutes: 15,
  earliestStart: '06:00',
  latestStart: '22:00',
  breakEveryMinutes: 15,
  minAgentsWhileOpen: 1,
  maxAgentsPerDay: null,
  daysOffPerWeek: 1,
  consecutiveDaysOff: false,
  timeLimitSeconds: 10,
}

export interface StoredRules {
  file: RulesFile
  updatedAt: string | null
  updatedBy: string | null
}

export async function getRulesFile(): Promise<StoredRules> {
  const row = await prisma.scheduleRuleSet.findUnique({ where: { id: 1 }, select: { rules: true, updatedAt: true, updatedBy: true } })
  if (!row) return { file: defaultRulesFile, updatedAt: null, updatedBy: null }
  return { file: JSON.parse(row.rules) as RulesFile, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy }
}

export class RulesRefused extends Error {}

/**
 * Checks rules as the solver would and stores them; RulesRefused says what is wrong. Returns the
 * fields that differ from the rules in force (the defaults when none are stored); null when none
 * do, and then nothing is written (the page's "last changed by" stays).
 */
export async function saveRulesFile(user: Actor & { name: string }, file: RulesFile): Promise<AuditChanges | null> {
  const parsed = scheduleRulesSchema.safeParse(file)
  if (!parsed.success) throw new RulesRefused(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  try {
    checkRules(toScheduleRules(parsed.data).rules)
  } catch (error) {
    if (error instanceof RangeError) throw new RulesRefused(error.message)
    throw error
  }
  const changes = changedFields((await getRulesFile()).file, file)
  if (!changes) return null
  const rules = JSON.stringify(file)
  await prisma.scheduleRuleSet.upsert({ where: { id: 1 }, create: { id: 1, rules, updatedBy: user.name }, update: { rules, updatedBy: user.name } })
  await recordAudit(user, 'schedule.rules', 'rules', changes)
  return changes
}
