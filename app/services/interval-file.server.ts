// Reads an interval CSV (the import's format) into memory without a database: for the CLI's
// forecast, which works on a file alone, so `offered` is required here. Bad lines are reported
// with their numbers, like the import.
import { createReadStream } from 'node:fs'
import { mapColumns } from '../domain/import/formats.ts'
import { dateWindow, LocalTimeReader, type ImportDates } from '../domain/import/local-time.ts'
import { ImportProblem } from '../domain/import/errors.ts'
import { readIntervalRow, type IntervalRow } from '../domain/import/rows.ts'
import { detectFileEncoding, readCsv, UnreadableFile } from './csv-source.server.ts'

export class BadIntervalFile extends Error {
  constructor(readonly problems: { line: number; reason: string }[]) {
    super(`${problems.length} bad line(s)`)
  }
}

const LISTED = 100

/** `dates`: the local dates rows may fall on, as in the import. */
export async function readIntervalFile(file: string, timeZone: string, dates: ImportDates): Promise<IntervalRow[]> {
  const times = new LocalTimeReader(timeZone)
  const window = dateWindow(dates, timeZone)
  const csv = readCsv(createReadStream(file), undefined, await detectFileEncoding(file))
  const rows: IntervalRow[] = []
  const problems: { line: number; reason: string }[] = []
  const seen = new Map<string, number>()
  const last = new Map<string, number>()
  let mapping: Record<string, number> | undefined
  const report = (line: number, problem: Error) => {
    if (problems.length < LISTED) problems.push({ line, reason: problem.message })
  }
  try {
    for await (const record of csv.records) {
      if (mapping === undefined) {
        const mapped = mapColumns('intervals', csv.header()!)
        // The import takes interval rows without volume (TMA only); a forecast cannot.
        if (mapped.mapping.offered === undefined) mapped.missing.push('offered')
        if (mapped.missing.length > 0) {
          report(1, new ImportProblem('missingColumns', { columns: mapped.missing.join(', '), header: csv.header()!.join(', ') }))
          break
        }
        mapping = mapped.mapping
      }
      const result = readIntervalRow(record.fields, mapping, times, window, (channel) => last.get(channel.toLowerCase()))
      if (!result.ok) {
        report(record.line, result.problem)
        continue
      }
      const row = result.row
      if (row.offered === null) {
        report(record.line, new ImportProblem('empty', { column: 'offered' }))
        continue
      }
      const key = `${row.channel.toLowerCase()}@${row.start}`
      const first = seen.get(key)
      if (first !== undefined) {
        report(
          record.line,
          new ImportProblem('duplicateInterval', { start: new Date(row.start).toISOString(), channel: row.channel, first }),
        )
        continue
      }
      seen.set(key, record.line)
      last.set(row.channel.toLowerCase(), row.start)
      rows.push(row)
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error
    report(0, error)
  }
  if (mapping === undefined && problems.length === 0) report(0, new ImportProblem('emptyFile'))
  if (problems.length > 0) throw new BadIntervalFile(problems)
  return rows
}
