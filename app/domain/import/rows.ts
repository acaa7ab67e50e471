// Validation of one CSV row of each format: a clean typed row, or the reason it is refused.
import { ImportProblem } from './errors.ts'
import type { DateWindow, LocalTimeReader } from './local-time.ts'

export interface ContactRow {
  externalId: string
  channel: string
  arrivedAt: number
  outcome: 'answered' | 'abandoned'
  waitSec: number
  handleSec: number
  agent: string | null
  queue: string | null
  fcr: boolean | null
  nps: number | null
}

export interface IntervalRow {
  start: number
  channel: string
  offered: number | null
  answered: number | null
  abandoned: number | null
  answeredWithinThreshold: number | null
  ahtSec: number | null
  asaSec: number | null
  agentsStaffed: number | null
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; problem: ImportProblem }

const MAX_TEXT = 200
const decimal = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/

const outcomes: Record<string, 'answered' | 'abandoned'> = {
  answered: 'answered',
  atendida: 'answered',
  atendido: 'answered',
  handled: 'answered',
  abandoned: 'abandoned',
  abandonada: 'abandoned',
  abandonado: 'abandoned',
}

const booleans: Record<string, boolean> = {
  true: true, false: false, '1': true, '0': false, yes: true, no: false, sim: true, nao: false, não: false, s: true, n: false, y: true,
}

function text(record: readonly string[], index: number | undefined, column: string, required: boolean): string | null {
  const value = index === undefined ? '' : (record[index] ?? '').trim()
  if (value === '') {
    if (required) throw new ImportProblem('empty', { column })
    return null
  }
  if (value.length > MAX_TEXT) throw new ImportProblem('tooLong', { column, max: MAX_TEXT })
  return value
}

// Upper bounds: past them a value is a mistake (a shifted column, digits run together, an
// overflow), not an operation, and would skew every sum it joins. They sit far above any real
// operation because a file is imported whole or not at all: one genuine row refused blocks it.
/** Contacts in one 15-minute interval: 10^7 is ~11,000 a second. */
const MAX_COUNT = 10_000_000
/** Agents staffed in one interval: beyond the largest operations on one floor. */
const MAX_AGENTS = 100_000
/**
 * Work on one contact (handle_seconds, aht_seconds): a month. Nobody works one contact that
 * long, but asynchronous conversations (WhatsApp) and tickets timed open-to-close last days.
 */
const MAX_HANDLE_DAYS = 31
/**
 * Waiting (wait_seconds, asa_seconds): a year. Deferred work waits days (an e-mail answered within
 * 48 h meets a common goal), and a backlog after a crisis has kept e-mail and tickets waiting for
 * weeks or months; an answer more than a year later is a reopened case or a wrong date.
 */
const MAX_WAIT_DAYS = 365

type NumberKind = 'count' | 'agents' | 'handle' | 'wait' | 'nps'
type Over = (column: string, value: string) => ImportProblem

const perInterval = (max: number): { max: number; over: Over } => ({
  max,
  over: (column, value) => new ImportProblem('overLimit', { column, value, max }),
})
const days = (n: number): { max: number; over: Over } => ({
  max: n * 86_400,
  over: (column, value) => new ImportProblem('overDays', { column, value, days: n }),
})

/** Whole or not, the largest value, and the problem past it. */
const numberKinds: Record<NumberKind, { whole: boolean; max: number; over: Over }> = {
  count: { whole: true, ...perInterval(MAX_COUNT) },
  agents: { whole: false, ...perInterval(MAX_AGENTS) },
  handle: { whole: false, ...days(MAX_HANDLE_DAYS) },
  wait: { whole: false, ...days(MAX_WAIT_DAYS) },
  nps: { whole: true, max: 10, over: (_column, value) => new ImportProblem('npsRange', { value }) },
}

/** A cell as a message quotes it: a long one (a 400-digit number) cut short. */
function excerpt(value: string): string {
  return value.length <= 24 ? value : `${value.slice(0, 20)}…`
}

function number(record: readonly string[], index: number | undefined, column: string, kind: NumberKind, required: boolean): number | null {
  const value = index === undefined ? '' : (record[index] ?? '').trim()
  if (value === '') {
    if (required) throw new ImportProblem('empty', { column })
    return null
  }
  // Plain decimals only: no exponent, hexadecimal, NaN or Infinity.
  if (!decimal.test(value)) throw new ImportProblem('notNumber', { column, value: excerpt(value) })
  const n = Number(value.replace(',', '.'))
  const { whole, max, over } = numberKinds[kind]
  if (n < 0) throw new ImportProblem('negative', { column, value: excerpt(value) })
  // Checked before wholeness: 10^400 reads as Infinity, which is no whole number either.
  if (n > max) throw over(column, excerpt(value))
  if (whole && !Number.isInteger(n)) throw new ImportProblem('notWhole', { column, value: excerpt(value) })
  return n
}

function instant(
  record: readonly string[],
  index: number | undefined,
  column: string,
  times: LocalTimeReader,
  window: DateWindow,
  previous?: number,
  repeats = false,
): number {
  const value = text(record, index, column, true)!
  const read = times.read(value, previous, repeats)
  if (!read.ok) throw new ImportProblem(read.code, { column, value: read.value, timeZone: times.timeZone })
  if (read.instant < window.from || read.instant >= window.until) {
    throw new ImportProblem('outsideDates', { column, value, earliest: window.earliest, latest: window.latest })
  }
  return read.instant
}

function validate<T>(build: () => T): RowResult<T> {
  try {
    return { ok: true, row: build() }
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, problem: error }
    throw error
  }
}

/** The instant of the row before in the same channel, to read repeated DST hours in order. */
export type PreviousInstant = (channel: string) => number | undefined

export function readContactRow(
  record: readonly string[],
  mapping: Record<string, number>,
  times: LocalTimeReader,
  window: DateWindow,
  previous?: PreviousInstant,
): RowResult<ContactRow> {
  return validate(() => {
    const channel = text(record, mapping.channel, 'channel', true)!
    const outcomeText = text(record, mapping.outcome, 'outcome', true)!
    const outcome = outcomes[outcomeText.toLowerCase()]
    if (!outcome) throw new ImportProblem('outcome', { value: outcomeText })
    const handleSec = number(record, mapping.handle_seconds, 'handle_seconds', 'handle', true)!
    if (outcome === 'abandoned' && handleSec > 0) throw new ImportProblem('abandonedWithHandle', { value: handleSec })
    const fcrText = text(record, mapping.fcr, 'fcr', false)
    let fcr: boolean | null = null
    if (fcrText !== null) {
      const parsed = booleans[fcrText.toLowerCase()]
      if (parsed === undefined) throw new ImportProblem('fcr', { value: fcrText })
      fcr = parsed
    }
    const nps = number(record, mapping.nps, 'nps', 'nps', false)
    return {
      externalId: text(record, mapping.contact_id, 'contact_id', true)!,
      channel,
      arrivedAt: instant(record, mapping.arrived_at, 'arrived_at', times, window, previous?.(channel)),
      outcome,
      waitSec: number(record, mapping.wait_seconds, 'wait_seconds', 'wait', true)!,
      handleSec,
      agent: text(record, mapping.agent, 'agent', false),
      queue: text(record, mapping.queue, 'queue', false),
      fcr,
      nps,
    }
  })
}

export function readIntervalRow(
  record: readonly string[],
  mapping: Record<string, number>,
  times: LocalTimeReader,
  window: DateWindow,
  previous?: PreviousInstant,
): RowResult<IntervalRow> {
  return validate(() => {
    const channel = text(record, mapping.channel, 'channel', true)!
    const start = instant(record, mapping.interval_start, 'interval_start', times, window, previous?.(channel), true)
    if (start % 900_000 !== 0) throw new ImportProblem('offGrid')
    const row: IntervalRow = {
      start,
      channel,
      offered: number(record, mapping.offered, 'offered', 'count', false),
      answered: number(record, mapping.answered, 'answered', 'count', false),
      abandoned: number(record, mapping.abandoned, 'abandoned', 'count', false),
      answeredWithinThreshold: number(record, mapping.answered_within_threshold, 'answered_within_threshold', 'count', false),
      ahtSec: number(record, mapping.aht_seconds, 'aht_seconds', 'handle', false),
      asaSec: number(record, mapping.asa_seconds, 'asa_seconds', 'wait', false),
      agentsStaffed: number(record, mapping.agents_staffed, 'agents_staffed', 'agents', false),
    }
    // Offered may be stored already: whether abandoned and within have it is known at the write.
    const problem = intervalCountsProblem(row, false)
    if (problem) throw problem
    return row
  })
}

export type IntervalCounts = Pick<IntervalRow, 'offered' | 'answered' | 'abandoned' | 'answeredWithinThreshold'>

/**
 * Why an interval's counts cannot be stored: a count above what it is part of, or — with
 * `complete` (the row merged with what is stored) — abandoned or answered within threshold
 * without the offered they are rates of. Null = unknown.
 */
export function intervalCountsProblem(counts: IntervalCounts, complete: boolean): ImportProblem | null {
  const { offered, answered, abandoned, answeredWithinThreshold: within } = counts
  if (offered === null) {
    if (complete && abandoned !== null) return new ImportProblem('needsOffered', { column: 'abandoned' })
    if (complete && within !== null) return new ImportProblem('needsOffered', { column: 'answered_within_threshold' })
  } else {
    const parts: Array<[string, number | null]> = [['answered', answered], ['abandoned', abandoned], ['answered_within_threshold', within]]
    for (const [column, value] of parts) {
      if (value !== null && value > offered) return new ImportProblem('exceedsOffered', { column, value, offered })
    }
    if (answered !== null && abandoned !== null && answered + abandoned > offered) {
      return new ImportProblem('exceedOffered', { answered, abandoned, offered })
    }
  }
  if (answered !== null && within !== null && within > answered) {
    return new ImportProblem('withinExceedsAnswered', { within, answered })
  }
  return null
}
