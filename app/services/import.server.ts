// CSV import of contact records and interval statistics: streamed, every row validated into a
// staging table (import-staging.server.ts: no lock on SQLite's database meanwhile), and then one
// write transaction (`withWrite`, on either database) —
// a file with any bad row is refused whole (its bad lines listed: the first 100 and a count), and
// nothing is written. Contacts are keyed by (channel, contact_id): importing the
// same file again changes nothing; a corrected re-export updates the rows it names. Channels the
// file names that do not exist yet are created with default targets. Every import, landed or
// refused, is recorded in the import history. The write is set-based on both databases: an upsert
// from the staged rows, then the re-aggregation of the buckets it touched.
import type { Readable } from 'node:stream'
import { prisma } from '../db.server.ts'
import { queries, rows as selectRows, sql, withWrite, type Columns, type Queries, type Writer } from '../db/queries.server.ts'
import { mapColumns, normaliseHeader, type ImportKind } from '../domain/import/formats.ts'
import { dateWindow, LocalTimeReader, type DateWindow, type ImportDates } from '../domain/import/local-time.ts'
import { intervalCountsProblem, readContactRow, readIntervalRow, type IntervalCounts } from '../domain/import/rows.ts'
import { ImportProblem, type ImportErrorCode, type ImportErrorParams } from '../domain/import/errors.ts'
import { recordAudit, type Actor } from './audit.server.ts'
import { readCsv, UnreadableFile, type Encoding } from './csv-source.server.ts'
import { countWhere, markTouched, refreshHours, refreshTouched } from './interval-stats.server.ts'
import { PostgresStaging, SqliteStaging, stagedByChannel, stagedView, type Duplicate, type Staging } from './import-staging.server.ts'

export const MAX_LISTED_ERRORS = 100

export interface ImportHistoryEntry {
  id: number
  kind: string
  fileName: string
  finishedAt: string
  status: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
  errorCount: number
  channelsCreated: string[]
  firstAt: string | null
  lastAt: string | null
}

/** The latest imports, landed or refused. */
export async function listImports(limit = 20): Promise<ImportHistoryEntry[]> {
  const runs = await prisma.importRun.findMany({
    orderBy: { id: 'desc' },
    take: limit,
    select: {
      id: true, kind: true, fileName: true, finishedAt: true, status: true, rows: true, inserted: true, updated: true,
      unchanged: true, errorCount: true, channelsCreated: true, firstAt: true, lastAt: true,
    },
  })
  return runs.map((run) => ({
    ...run,
    finishedAt: run.finishedAt.toISOString(),
    firstAt: run.firstAt?.toISOString() ?? null,
    lastAt: run.lastAt?.toISOString() ?? null,
    channelsCreated: JSON.parse(run.channelsCreated) as string[],
  }))
}

export interface ImportError {
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number
  code: ImportErrorCode
  params: ImportErrorParams
  /** The English sentence (the CLI's; pages translate code + params). */
  reason: string
}

export interface ImportOptions {
  kind: ImportKind
  timeZone: string
  fileName: string
  /** The local dates rows may fall on (the service's `importDates`: decision 007). */
  dates: ImportDates
  /** Our column name → the file's column name ('' = not in the file), for exports with other names. */
  mapping?: Record<string, string>
  /** Known encoding (files on disk are scanned whole); otherwise decided from the first megabyte. */
  encoding?: Encoding
  onProgress?: (progress: { bytes: number; rows: number }) => void
  /** Called once the file is read whole and valid, just before the write transaction begins. */
  beforeWrite?: () => void
}

interface ImportCounts {
  rows: number
  inserted: number
  updated: number
  unchanged: number
}

export type ImportResult =
  | (ImportCounts & {
      status: 'imported'
      importId: number
      kind: ImportKind
      channelsCreated: string[]
      byChannel: Array<{ channel: string; rows: number }>
      firstAt: string | null
      lastAt: string | null
      milliseconds: number
    })
  | { status: 'refused'; importId: number; kind: ImportKind; rows: number; errors: ImportError[]; errorCount: number; milliseconds: number }

class ErrorList {
  readonly listed: ImportError[] = []
  count = 0
  add(line: number, problem: ImportProblem): void {
    this.count++
    if (this.listed.length < MAX_LISTED_ERRORS) {
      this.listed.push({ line, code: problem.code, params: problem.params, reason: problem.message })
    }
  }

  /** Keys staged twice, found after the file was read (PostgreSQL): listed in line order among the rest. */
  addDuplicates(found: { listed: Duplicate[]; count: number }, problem: (duplicate: Duplicate) => ImportProblem): void {
    for (const duplicate of found.listed) {
      const p = problem(duplicate)
      const line = duplicate.row[duplicate.row.length - 1] as number
      let at = this.listed.length
      while (at > 0 && this.listed[at - 1]!.line > line) at--
      this.listed.splice(at, 0, { line, code: p.code, params: p.params, reason: p.message })
    }
    this.listed.splice(MAX_LISTED_ERRORS)
    this.count += found.count
  }
}

/** Why an import stopped without writing: the errors listed say what. */
class Refused extends Error {}

/**
 * Resolves the channel names of a file to ids. Unknown channels get a negative stand-in id while
 * the file is staged; `create` makes them, inside the write transaction, and re-points the rows.
 */
class Channels {
  readonly #byName = new Map<string, number>()
  readonly #keys = new Set<string>()
  readonly #pending: Array<{ standIn: number; key: string; name: string }> = []
  readonly created: string[] = []

  static async read(q: Queries): Promise<Channels> {
    return new Channels(await selectRows(sql<{ id: number; key: string; name: string }>`SELECT "id", "key", "name" FROM "Channel"`, q))
  }

  private constructor(rows: Array<{ id: number; key: string; name: string }>) {
    for (const row of rows) {
      this.#byName.set(row.key.toLowerCase(), row.id)
      this.#byName.set(row.name.trim().toLowerCase(), row.id)
      this.#byName.set(normaliseHeader(row.name), row.id)
      this.#keys.add(row.key)
    }
  }

  resolve(name: string): number {
    const found = this.#byName.get(name.toLowerCase()) ?? this.#byName.get(normaliseHeader(name))
    if (found !== undefined) return found
    const base = normaliseHeader(name) || 'canal'
    let key = base
    for (let n = 2; this.#keys.has(key); n++) key = `${base}_${n}`
    const standIn = -(this.#pending.length + 1)
    this.#pending.push({ standIn, key, name })
    this.#keys.add(key)
    this.#byName.set(key, standIn)
    this.#byName.set(name.toLowerCase(), standIn)
    return standIn
  }

  /** Creates the new channels (default targets); returns stand-in id → real id. */
  async create(writer: Writer): Promise<Map<number, number>> {
    this.created.length = 0 // a write transaction run again starts afresh
    const [{ last }] = (await selectRows(sql<{ last: number }>`SELECT COALESCE(MAX("sortOrder"), 0) AS "last" FROM "Channel"`, writer)) as [{ last: number }]
    const ids = new Map<number, number>()
    for (const [index, channel] of this.#pending.entries()) {
      // Another writer may have created the channel while the file was staged: then use it.
      const inserted = await writer.run(
        sql`INSERT INTO "Channel" ("key", "name", "sortOrder") VALUES (${channel.key}, ${channel.name}, ${last + 1 + index}) ON CONFLICT ("key") DO NOTHING`,
      )
      if (inserted > 0) this.created.push(channel.key)
      const [{ id }] = (await selectRows(sql<{ id: number }>`SELECT "id" FROM "Channel" WHERE "key" = ${channel.key}`, writer)) as [{ id: number }]
      ids.set(channel.standIn, id)
    }
    return ids
  }
}

/** Staged rows are written in batches of this many (SQLite: a transaction of the scratch file; PostgreSQL: a statement). */
const STAGING_BATCH = 10_000

const contactFields = ['arrivedAt', 'outcome', 'waitSec', 'handleSec', 'agent', 'queue', 'fcr', 'nps'] as const
const changedSql = sql.raw(contactFields.map((f) => `c."${f}" IS DISTINCT FROM s."${f}"`).join(' OR '))

async function recordRun(
  writer: Writer,
  run: { kind: ImportKind; fileName: string; timeZone: string; startedAt: number; status: string; rows: number; counts?: Partial<ImportCounts>; errors?: ErrorList; channelsCreated?: string[]; firstAt?: number | null; lastAt?: number | null },
): Promise<number> {
  const instant = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : writer.instant(ms))
  const [{ id }] = (await selectRows(
    sql<{ id: number }>`INSERT INTO "ImportRun" ("kind", "fileName", "timeZone", "startedAt", "finishedAt", "status", "rows", "inserted", "updated", "unchanged",
                              "errorCount", "errors", "channelsCreated", "firstAt", "lastAt")
       VALUES (${run.kind}, ${run.fileName}, ${run.timeZone}, ${writer.instant(run.startedAt)}, ${writer.instant(Date.now())}, ${run.status}, ${run.rows},
               ${run.counts?.inserted ?? 0}, ${run.counts?.updated ?? 0}, ${run.counts?.unchanged ?? 0}, ${run.errors?.count ?? 0},
               ${JSON.stringify(run.errors?.listed ?? [])}, ${JSON.stringify(run.channelsCreated ?? [])}, ${instant(run.firstAt)}, ${instant(run.lastAt)})
       RETURNING "id"`,
    writer,
  )) as [{ id: number }]
  return id
}

/**
 * An import someone asked for — the Data page's job (its user) or `wfm import` (the command) —
 * with its audit row: the file, what it held and what came of it.
 */
export async function importCsvAs(actor: Actor, source: Readable, options: ImportOptions): Promise<ImportResult> {
  const result = await importCsv(source, options)
  await recordAudit(actor, 'import', `import:${result.importId}`, {
    file: options.fileName,
    kind: options.kind,
    status: result.status,
    rows: result.rows,
    ...(result.status === 'imported' ? { firstAt: result.firstAt, lastAt: result.lastAt } : { errorCount: result.errorCount }),
  })
  return result
}

export async function importCsv(source: Readable, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now()
  const errors = new ErrorList()
  const stage = options.kind === 'contacts' ? stageContacts() : stageIntervals()
  const read = { rows: 0, bytes: 0 }
  try {
    // The write transaction: new channels, the upsert, the re-aggregation, the history row.
    const write = async (writer: Writer, staging: Staging, channels: Channels) => {
      const channelIds = await channels.create(writer)
      await stagedView(writer, staging, stage.columns, channelIds)
      const outcome = await stage.commit(writer, errors)
      if (outcome === null) throw new Refused()
      await writer.run(sql`DROP VIEW "staged"`)
      const importId = await recordRun(writer, {
        kind: options.kind,
        fileName: options.fileName,
        timeZone: options.timeZone,
        startedAt: started,
        status: 'imported',
        rows: read.rows,
        counts: outcome,
        channelsCreated: channels.created,
        firstAt: outcome.firstAt,
        lastAt: outcome.lastAt,
      })
      return { importId, outcome, channelsCreated: channels.created }
    }
    // Staged first, without holding the write lock (SQLite) or any row (PostgreSQL).
    const q = queries()
    const staging = q.dialect === 'sqlite' ? new SqliteStaging(stage.columns, stage.key) : await PostgresStaging.create(stage.columns, stage.key)
    let written: Awaited<ReturnType<typeof write>>
    try {
      const channels = await Channels.read(q)
      await stageFile(source, options, stage, staging, channels, errors, read)
      options.beforeWrite?.()
      written = await withWrite(async (writer) => {
        await staging.attach(writer)
        return write(writer, staging, channels)
      })
    } finally {
      await staging.remove()
    }
    options.onProgress?.({ bytes: read.bytes, rows: read.rows })
    const { importId, outcome, channelsCreated } = written
    return {
      status: 'imported',
      importId,
      kind: options.kind,
      rows: read.rows,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      channelsCreated,
      byChannel: outcome.byChannel,
      firstAt: outcome.firstAt === null ? null : new Date(outcome.firstAt).toISOString(),
      lastAt: outcome.lastAt === null ? null : new Date(outcome.lastAt).toISOString(),
      milliseconds: Date.now() - started,
    }
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    // Nothing was written (rolled back): the history records the refusal and its lines.
    const importId = await withWrite((writer) =>
      recordRun(writer, { kind: options.kind, fileName: options.fileName, timeZone: options.timeZone, startedAt: started, status: 'refused', rows: read.rows, errors }),
    )
    return { status: 'refused', importId, kind: options.kind, rows: read.rows, errors: errors.listed, errorCount: errors.count, milliseconds: Date.now() - started }
  }
}

/** Reads, validates and stages the whole file; throws Refused when any of it is bad (the errors say where). */
async function stageFile(
  source: Readable,
  options: ImportOptions,
  stage: Stage,
  staging: Staging,
  channels: Channels,
  errors: ErrorList,
  read: { rows: number; bytes: number },
): Promise<void> {
  const times = new LocalTimeReader(options.timeZone)
  const window = dateWindow(options.dates, options.timeZone)
  const csv = readCsv(source, (n) => (read.bytes = n), options.encoding)
  let mapping: Record<string, number> | undefined
  try {
    for await (const record of csv.records) {
      if (mapping === undefined) {
        const header = csv.header()!
        const mapped = mapColumns(options.kind, header, options.mapping)
        if (mapped.unknown.length > 0) errors.add(1, new ImportProblem('mappedMissing', { columns: mapped.unknown.join(', ') }))
        if (mapped.missing.length > 0) {
          errors.add(1, new ImportProblem('missingColumns', { columns: mapped.missing.join(', '), header: header.join(', ') }))
        }
        if (errors.count > 0) throw new Refused()
        mapping = mapped.mapping
      }
      read.rows++
      if (read.rows % STAGING_BATCH === 0) {
        await staging.batch()
        if (read.rows % 50_000 === 0) options.onProgress?.({ bytes: read.bytes, rows: read.rows })
      }
      const headerLength = csv.header()!.length
      if (record.fields.length !== headerLength) {
        errors.add(record.line, new ImportProblem('columnCount', { count: record.fields.length, expected: headerLength }))
        continue
      }
      const row = stage.read(record.fields, mapping, record.line, times, window, channels)
      if (row instanceof ImportProblem) {
        errors.add(record.line, row)
        continue
      }
      const first = staging.add(row)
      if (first !== null) errors.add(record.line, stage.duplicate(row, first))
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error
    errors.add(0, error)
    throw new Refused()
  }
  if (csv.header() === undefined) errors.add(0, new ImportProblem('emptyFile'))
  else if (read.rows === 0) errors.add(0, new ImportProblem('headerOnly'))
  errors.addDuplicates(await staging.finish(), (duplicate) => stage.duplicate(duplicate.row, duplicate.first))
  if (errors.count > 0) throw new Refused()
}

interface StageOutcome extends Omit<ImportCounts, 'rows'> {
  byChannel: Array<{ channel: string; rows: number }>
  firstAt: number | null
  lastAt: number | null
}

/** What one kind of file stages and writes. */
interface Stage {
  /** The staging table's columns, the line last. */
  columns: Columns
  /** What a row is unique by. */
  key: readonly string[]
  /** Validates one record: its staged row (in the columns' order), or the problem when it is refused. */
  read(
    fields: string[],
    mapping: Record<string, number>,
    line: number,
    times: LocalTimeReader,
    window: DateWindow,
    channels: Channels,
  ): unknown[] | ImportProblem
  /** The problem of a row whose key came first on line `first`. */
  duplicate(row: readonly unknown[], first: number): ImportProblem
  /**
   * Writes the staged rows (the view "staged"; the file had no bad row), inside the write
   * transaction; or lists in `errors` the rows that what is stored makes impossible, and returns
   * null (nothing written).
   */
  commit(writer: Writer, errors: ErrorList): Promise<StageOutcome | null>
}

interface StageCounts {
  total: number
  inserted: number
  updated: number
  firstAt: number | null
  lastAt: number | null
}

async function finishStage(writer: Writer, counts: StageCounts): Promise<StageOutcome> {
  return {
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.total - counts.inserted - counts.updated,
    byChannel: await stagedByChannel(writer),
    firstAt: counts.firstAt,
    lastAt: counts.lastAt,
  }
}

function stageContacts(): Stage {
  const last = new Map<string, number>()
  return {
    columns: {
      channelId: 'int', externalId: 'text', arrivedAt: 'instant', outcome: 'text', waitSec: 'float', handleSec: 'float',
      agent: 'text', queue: 'text', fcr: 'bool', nps: 'int', line: 'int',
    },
    key: ['channelId', 'externalId'],
    read(fields, mapping, line, times, window, channels) {
      const result = readContactRow(fields, mapping, times, window, (channel) => last.get(channel.toLowerCase()))
      if (!result.ok) return result.problem
      const r = result.row
      last.set(r.channel.toLowerCase(), r.arrivedAt)
      const fcr = r.fcr === null ? null : r.fcr ? 1 : 0
      return [channels.resolve(r.channel), r.externalId, r.arrivedAt, r.outcome, r.waitSec, r.handleSec, r.agent, r.queue, fcr, r.nps, line]
    },
    duplicate: (row, first) => new ImportProblem('duplicateId', { id: row[1] as string, first }),
    async commit(writer) {
      const count = (condition: ReturnType<typeof sql>) => countWhere(writer, condition)
      const [counts] = (await selectRows(
        sql<StageCounts>`SELECT COUNT(*) AS "total", COALESCE(${count(sql`c."id" IS NULL`)}, 0) AS "inserted",
                  COALESCE(${count(sql`c."id" IS NOT NULL AND (${changedSql})`)}, 0) AS "updated",
                  MIN(${writer.epochMs('s.arrivedAt')}) AS "firstAt", MAX(${writer.epochMs('s.arrivedAt')}) AS "lastAt"
           FROM "staged" s LEFT JOIN "Contact" c ON c."channelId" = s."channelId" AND c."externalId" = s."externalId"`,
        writer,
      )) as [StageCounts]
      // Buckets to re-aggregate: where changed rows arrive now and where they arrived before.
      await markTouched(
        writer,
        sql`SELECT s."channelId", s."arrivedAt" FROM "staged" s
              LEFT JOIN "Contact" c ON c."channelId" = s."channelId" AND c."externalId" = s."externalId"
              WHERE c."id" IS NULL OR ${changedSql}
            UNION ALL
            SELECT c."channelId", c."arrivedAt" FROM "staged" s
              JOIN "Contact" c ON c."channelId" = s."channelId" AND c."externalId" = s."externalId"
              WHERE ${changedSql}`,
      )
      const fields = contactFields.map((f) => `"${f}"`).join(', ')
      await writer.run(
        sql.raw(`INSERT INTO "Contact" ("channelId", "externalId", ${fields})
         SELECT "channelId", "externalId", ${fields} FROM "staged" WHERE true
         ON CONFLICT ("channelId", "externalId") DO UPDATE SET
           ${contactFields.map((f) => `"${f}" = excluded."${f}"`).join(', ')}
         WHERE ${contactFields.map((f) => `"Contact"."${f}" IS DISTINCT FROM excluded."${f}"`).join(' OR ')}`),
      )
      await refreshTouched(writer)
      return finishStage(writer, counts)
    },
  }
}

/** What an interval import writes; the rest of a stored row (FCR, NPS…) stays as it is. */
const intervalColumns = [
  'offered',
  'answered',
  'abandoned',
  'answeredWithinThreshold',
  'handleSecSum',
  'answeredWaitSecSum',
  'abandonedWaitSecSum',
  'answeredOffered',
  'abandonedOffered',
  'slEligible',
  'ahtAnswered',
  'asaAnswered',
  'agentsStaffed',
] as const

// The file's row merged with the stored one, as what each count and mean is known to be (NULL:
// unknown): a column the file leaves empty keeps what is stored. What is stored says what it
// knows through the weights beside it (decision 007); a 0 with nothing to show it was given
// (such as the offered of a row made from TMA alone) counts as unknown. Means come back from
// their sums.
const knownSql = `
  SELECT s."channelId", s."start", s."line", s."ahtSec" IS NOT NULL AS "ahtGiven", s."asaSec" IS NOT NULL AS "asaGiven",
         COALESCE(s."offered", NULLIF(i."offered", 0)) AS o,
         COALESCE(s."answered", CASE WHEN i."answeredOffered" > 0 OR i."answered" > 0 THEN i."answered" END) AS a,
         COALESCE(s."abandoned", CASE WHEN i."abandonedOffered" > 0 OR i."abandoned" > 0 THEN i."abandoned" END) AS b,
         COALESCE(s."answeredWithinThreshold", CASE WHEN i."slEligible" > 0 OR i."answeredWithinThreshold" > 0 THEN i."answeredWithinThreshold" END) AS w,
         COALESCE(s."ahtSec", i."handleSecSum" / NULLIF(i."ahtAnswered", 0)) AS aht,
         COALESCE(s."asaSec", i."answeredWaitSecSum" / NULLIF(i."asaAnswered", 0)) AS asa,
         COALESCE(s."agentsStaffed", i."agentsStaffed") AS "agentsStaffed",
         COALESCE(i."abandonedWithinThreshold", 0) AS "abandonedWithinThreshold",
         i."offered" AS "storedOffered", i."answered" AS "storedAnswered", i."abandoned" AS "storedAbandoned",
         i."handleSecSum" AS "storedHandleSecSum", i."ahtAnswered" AS "storedAhtAnswered",
         i."answeredWaitSecSum" AS "storedWaitSecSum", i."asaAnswered" AS "storedAsaAnswered", i."abandonedWaitSecSum" AS "storedAbandonedWaitSecSum"
  FROM "staged" s LEFT JOIN "IntervalStat" i ON i."channelId" = s."channelId" AND i."start" = s."start"`

// A mean is taken over the contacts answered; without answered, over offered − abandoned (or
// offered): the interval's own mean stays exact, only its weight among intervals is estimated.
// Without volume at all it counts once.
const meanWeight = (mean: string) =>
  `CASE WHEN ${mean} IS NULL THEN 0 WHEN a IS NOT NULL THEN a WHEN o > 0 THEN o - COALESCE(b, 0) ELSE 1 END`

// The row to store. A sum is its mean × weight to the microsecond, so that a mean read back from
// it and multiplied again gives the same sum; one whose mean the file does not give keeps its
// stored value while its weight is unchanged. The waits of abandoned contacts (from contacts
// only) stay while the counts and answered waits they go with do. PostgreSQL rounds numerics
// (not floats) to places, and names the larger of two values GREATEST.
function mergedSql(q: Queries): string {
  const postgres = q.dialect === 'postgres'
  const round6 = (x: string) => (postgres ? `ROUND((${x})::numeric, 6)::float8` : `ROUND(${x}, 6)`)
  const larger = postgres ? 'GREATEST' : 'MAX'
  return `
  SELECT "channelId", "start", "line", o, a, b, w,
         COALESCE(o, 0) AS "offered", COALESCE(a, 0) AS "answered", COALESCE(b, 0) AS "abandoned", COALESCE(w, 0) AS "answeredWithinThreshold",
         "handleSecSum", "answeredWaitSecSum",
         CASE WHEN "storedOffered" = COALESCE(o, 0) AND "storedAnswered" = COALESCE(a, 0) AND "storedAbandoned" = COALESCE(b, 0)
                   AND "storedWaitSecSum" = "answeredWaitSecSum" THEN "storedAbandonedWaitSecSum" END AS "abandonedWaitSecSum",
         CASE WHEN a IS NULL THEN 0 ELSE COALESCE(o, 0) END AS "answeredOffered",
         CASE WHEN b IS NULL THEN 0 ELSE COALESCE(o, 0) END AS "abandonedOffered",
         CASE WHEN w IS NULL THEN 0 ELSE ${larger}(COALESCE(o, 0) - "abandonedWithinThreshold", 0) END AS "slEligible",
         "ahtAnswered", "asaAnswered", "agentsStaffed"
  FROM (
    SELECT *,
           CASE WHEN NOT "ahtGiven" AND "ahtAnswered" IS NOT DISTINCT FROM "storedAhtAnswered" THEN "storedHandleSecSum" ELSE COALESCE(${round6('aht * "ahtAnswered"')}, 0) END AS "handleSecSum",
           CASE WHEN NOT "asaGiven" AND "asaAnswered" IS NOT DISTINCT FROM "storedAsaAnswered" THEN "storedWaitSecSum" ELSE COALESCE(${round6('asa * "asaAnswered"')}, 0) END AS "answeredWaitSecSum"
    FROM (SELECT *, ${meanWeight('aht')} AS "ahtAnswered", ${meanWeight('asa')} AS "asaAnswered" FROM (${knownSql}) AS "known") AS "weighed") AS "summed"`
}

function stageIntervals(): Stage {
  const last = new Map<string, number>()
  return {
    columns: {
      channelId: 'int', start: 'instant', channel: 'text', offered: 'int', answered: 'int', abandoned: 'int', answeredWithinThreshold: 'int',
      ahtSec: 'float', asaSec: 'float', agentsStaffed: 'float', line: 'int',
    },
    key: ['channelId', 'start'],
    read(fields, mapping, line, times, window, channels) {
      const result = readIntervalRow(fields, mapping, times, window, (channel) => last.get(channel.toLowerCase()))
      if (!result.ok) return result.problem
      const r = result.row
      last.set(r.channel.toLowerCase(), r.start)
      const channelId = channels.resolve(r.channel)
      return [channelId, r.start, r.channel, r.offered, r.answered, r.abandoned, r.answeredWithinThreshold, r.ahtSec, r.asaSec, r.agentsStaffed, line]
    },
    duplicate: (row, first) =>
      new ImportProblem('duplicateInterval', { start: new Date(row[1] as number).toISOString(), channel: row[2] as string, first }),
    async commit(writer, errors) {
      const postgres = writer.dialect === 'postgres'
      await writer.run(sql.raw(`CREATE TEMP TABLE "merged" ${postgres ? 'ON COMMIT DROP ' : ''}AS ${mergedSql(writer)}`))
      // Counts that only the stored row completes are checked now, under the write lock (interval
      // files are small: a year of one channel is 35,040 rows).
      const merged = await selectRows(
        sql<IntervalCounts & { line: number }>`SELECT "line", "o" AS "offered", "a" AS "answered", "b" AS "abandoned", "w" AS "answeredWithinThreshold" FROM "merged" ORDER BY "line"`,
        writer,
      )
      for (const counts of merged) {
        const problem = intervalCountsProblem(counts, true)
        if (problem) errors.add(counts.line, problem)
      }
      if (errors.count > 0) return null
      const differs = sql.raw(intervalColumns.map((c) => `m."${c}" IS DISTINCT FROM i."${c}"`).join(' OR '))
      const [counts] = (await selectRows(
        sql<StageCounts>`SELECT COUNT(*) AS "total", COALESCE(${countWhere(writer, sql`i."channelId" IS NULL`)}, 0) AS "inserted",
                  COALESCE(${countWhere(writer, sql`i."channelId" IS NOT NULL AND (${differs})`)}, 0) AS "updated",
                  MIN(${writer.epochMs('m.start')}) AS "firstAt", MAX(${writer.epochMs('m.start')}) AS "lastAt"
           FROM "merged" m LEFT JOIN "IntervalStat" i ON i."channelId" = m."channelId" AND i."start" = m."start"`,
        writer,
      )) as [StageCounts]
      const columns = intervalColumns.map((c) => `"${c}"`).join(', ')
      await writer.run(
        sql.raw(`INSERT INTO "IntervalStat" ("channelId", "start", ${columns})
         SELECT "channelId", "start", ${columns} FROM "merged" WHERE true
         ON CONFLICT ("channelId", "start") DO UPDATE SET ${intervalColumns.map((c) => `"${c}" = excluded."${c}"`).join(', ')}
         WHERE ${intervalColumns.map((c) => `"IntervalStat"."${c}" IS DISTINCT FROM excluded."${c}"`).join(' OR ')}`),
      )
      await writer.run(sql`DROP TABLE "merged"`)
      const hour = writer.epochMs('start')
      await refreshHours(writer, sql`SELECT DISTINCT "channelId", ${hour} - ${hour} % 3600000 FROM "staged"`)
      return finishStage(writer, counts)
    },
  }
}
