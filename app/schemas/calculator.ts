// The staffing calculator's inputs, read from the URL (a form GET, so a result is a shareable
// link). The form speaks in percent and minutes where people do; the engine gets shares and
// seconds.
import { z } from 'zod'
import type { StaffingRequest } from '../domain/staffing.ts'
import { optionalNumber, requiredNumber } from './form-fields.ts'
import { efficiencyPct } from './settings.ts'

export const intervalMinuteChoices = [15, 30, 60] as const

export const calculatorSchema = z
  .object({
    calls: requiredNumber('errors.calls', (n) => n >= 0 && n <= 10_000_000),
    intervalMin: requiredNumber('errors.interval', (n) => (intervalMinuteChoices as readonly number[]).includes(n)),
    aht: requiredNumber('errors.aht', (n) => n > 0 && n <= 86_400),
    slGoalPct: requiredNumber('errors.slGoal', (n) => n > 0 && n < 100),
    threshold: requiredNumber('errors.slThreshold', (n) => Number.isInteger(n) && n >= 0 && n <= 86_400),
    asaGoal: optionalNumber('errors.asaGoal', (n) => n > 0),
    maxOccupancyPct: optionalNumber('errors.maxOccupancy', (n) => n > 0 && n <= 100),
    shrinkagePct: optionalNumber('errors.shrinkage', (n) => n >= 0 && n < 100),
    patience: optionalNumber('errors.patience', (n) => Number.isInteger(n) && n > 0 && n <= 86_400),
    maxAbandonPct: optionalNumber('errors.maxAbandon', (n) => n > 0 && n < 100),
    concurrency: optionalNumber('errors.concurrency', (n) => Number.isInteger(n) && n >= 1 && n <= 10),
    /** Efficiency k in percent; empty = 100%. */
    efficiencyPct,
    model: z.enum(['erlangC', 'erlangA'], { error: 'errors.model' }).default('erlangC'),
  })
  .superRefine((form, ctx) => {
    if (form.model === 'erlangA' && form.patience === undefined) {
      ctx.addIssue({ code: 'custom', path: ['patience'], message: 'errors.patienceForErlangA' })
    }
  })

export type CalculatorForm = z.output<typeof calculatorSchema>

/** The form as the staffing engine wants it. */
export function toStaffingRequest(form: CalculatorForm): StaffingRequest {
  return {
    calls: form.calls,
    intervalSec: form.intervalMin * 60,
    ahtSec: form.aht,
    slGoal: form.slGoalPct / 100,
    thresholdSec: form.threshold,
    asaGoalSec: form.asaGoal ?? null,
    maxOccupancy: form.maxOccupancyPct === undefined ? null : form.maxOccupancyPct / 100,
    maxAbandonRate: form.maxAbandonPct === undefined ? null : form.maxAbandonPct / 100,
    shrinkage: form.shrinkagePct === undefined ? 0 : form.shrinkagePct / 100,
    patienceSec: form.patience ?? null,
    concurrency: form.concurrency ?? 1,
    efficiency: form.efficiencyPct === undefined ? 1 : form.efficiencyPct / 100,
    model: form.model,
  }
}

/** Call Centre Helper's worked example, with a 5-minute mean patience for Erlang A. */
export const calculatorDefaults: Record<string, string> = {
  calls: '100',
  intervalMin: '30',
  aht: '180',
  slGoalPct: '80',
  threshold: '20',
  asaGoal: '',
  maxOccupancyPct: '',
  maxAbandonPct: '',
  shrinkagePct: '30',
  patience: '300',
  concurrency: '1',
  efficiencyPct: '100',
  model: 'erlangC',
}
