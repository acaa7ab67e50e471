// Special days the analyst tags (holidays, closures, campaigns): forecasts leave them out of
// training and forecast them as tagged.
import { prisma } from '../db.server.ts'
import { brazilNationalHolidays } from '../domain/holidays.ts'
import type { SpecialDay } from '../domain/forecast/special-days.ts'
import { recordAudit, type Actor } from './audit.server.ts'

export interface SpecialDayRow extends SpecialDay {
  createdBy: string
}

export async function listSpecialDays(): Promise<SpecialDayRow[]> {
  const rows = await prisma.specialDay.findMany({
    orderBy: { date: 'asc' },
    select: { date: true, kind: true, name: true, adjustPct: true, createdBy: true },
  })
  return rows.map((r) => ({ ...r, kind: r.kind as SpecialDay['kind'] }))
}

/** Tags a date, replacing its earlier tag, in the user's name. */
export async function saveSpecialDay(user: Actor & { name: string }, day: SpecialDay): Promise<void> {
  const values = { kind: day.kind, name: day.name, adjustPct: day.kind === 'closed' ? null : day.adjustPct, createdBy: user.name }
  await prisma.specialDay.upsert({ where: { date: day.date }, create: { date: day.date, ...values }, update: values })
  await recordAudit(user, 'specialDay.create', `day:${day.date}`, day)
}

export async function deleteSpecialDay(actor: Actor, date: string): Promise<boolean> {
  const { count } = await prisma.specialDay.deleteMany({ where: { date } })
  if (count > 0) await recordAudit(actor, 'specialDay.delete', `day:${date}`, null)
  return count > 0
}

/**
 * The preset: Brazil's national holidays of a year, as holidays forecast like a Sunday. Dates
 * the analyst already tagged keep their tag. Returns how many were added.
 */
export async function addNationalHolidays(user: Actor & { name: string }, year: number, language: 'pt-BR' | 'en'): Promise<number> {
  const holidays = brazilNationalHolidays(year)
  const existing = new Set(
    (await prisma.specialDay.findMany({ where: { date: { in: holidays.map((h) => h.date) } }, select: { date: true } })).map((d) => d.date),
  )
  const fresh = holidays.filter((h) => !existing.has(h.date))
  await prisma.specialDay.createMany({
    data: fresh.map((h) => ({
      date: h.date,
      kind: 'holiday',
      name: language === 'en' ? h.nameEn : h.namePt,
      adjustPct: null,
      createdBy: user.name,
    })),
  })
  await recordAudit(user, 'specialDay.create', `holidays:${year}`, { added: fresh.length })
  return fresh.length
}
