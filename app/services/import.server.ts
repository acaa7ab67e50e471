// CSV import of contact records and interval statistics: streamed, every row validated into a
// temporary staging table (no lock on the database meanwhile), and then one write transaction —
// a file with any bad row is refused whole (its bad lines listed: the first 100 and a count), and
// nothing is written. Contacts are keyed by (channel, contact_id): importing the
// same file again changes nothing; a corrected re-export updates the rows it names. Channels the
// file names that do not exist yet are created with default targets. Every import, landed or
// refused, is recorded in the import history.
import type { Readable } from 'node:stream'
import type Database from 'better-sqlite3'
import { openDatabase, prisma } from '../db.server.ts'
import { mapColumns, normaliseHeader, type ImportKind } from '../domain/import/formats.ts'
import { dateWindow, LocalTimeReader, type DateWindow, type ImportDates } from '../domain/import/local-time.ts'
import { intervalCountsProblem, readContactRow, readIntervalRow, type IntervalCounts } from '../domain/import/rows.ts'
import { ImportProblem, type ImportErrorCode, type ImportErrorParams } from '../domain/import/errors.ts'
import { recordAudit, type Actor } from './audit.server.ts'
import { readCsv, UnreadableFile, type Encoding } from './csv-source.server.ts'
import { markTouched, refreshHours, refreshTouched } from './interval-stats.server.ts'

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
}

/**
 * Resolves the channel names of a file to ids. Unknown channels get a negative stand-in id while
 * the file is staged; `create` makes them, inside the write transaction, and re-points the rows.
 */
class Channels {
  readonly #byName = new Map<string, number>()
  readonly #keys = new Set<string>()
  readonly #pending: Array<{ standIn: number; key: string; name: string }> = []
  readonly created: string[] = []

  constructor(db: Database.Database) {
    const rows = db.prepare('SELECT id, key, name FROM Channel').all() as Array<{ id: number; key: string; name: string }>
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
  create(db: Database.Database): Map<number, number> {
    const sortOrder = (db.prepare('SELECT COALESCE(MAX(sortOrder), 0) FROM Channel').pluck().get() as number) + 1
    // Another writer may have created the channel while the file was staged: then use it.
    const insert = db.prepare('INSERT INTO Channel (key, name, sortOrder) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING')
    const idOf = db.prepare('SELECT id FROM Channel WHERE key = ?').pluck()
    const ids = new Map<number, number>()
    this.#pending.forEach((channel, index) => {
      if (insert.run(channel.key, channel.name, sortOrder + index).changes > 0) this.created.push(channel.key)
      ids.set(channel.standIn, idOf.get(channel.key) as number)
    })
    return ids
  }
}

/** How long an import waits for another writer (an import of 3M rows holds the lock for ~30 s). */
const IMPORT_LOCK_WAIT_MS = 10 * 60_000

/** Staged rows are written in batches of this many per (temporary-table-only) transaction. */
const STAGING_BATCH = 10_000

const contactFields = ['arrivedAt', 'outcome', 'waitSec', 'handleSec', 'agent', 'queue', 'fcr', 'nps'] as const
const changedSql = contactFields.map((f) => `c.${f} IS NOT s.${f}`).join(' OR ')

/**
 * The import's connection: the project's write connection (db.server.ts), waiting longer for the
 * lock. Imports run in the CLI's or a job's process, never the web server's: they may wait here,
 * off any event loop, for another import's write lock (a CLI and a web import land one after the other).
 */
function openImportConnection(): Database.Database {
  const db = openDatabase()
  db.pragma(`busy_timeout = ${IMPORT_LOCK_WAIT_MS}`)
  db.pragma('journal_mode = WAL')
  return db
}

function recordRun(
  db: Database.Database,
  run: { kind: ImportKind; fileName: string; timeZone: string; startedAt: number; status: string; rows: number; counts?: Partial<ImportCounts>; errors?: ErrorList; channelsCreated?: string[]; firstAt?: number | null; lastAt?: number | null },
): number {
  const { id } = db
    .prepare(
      `INSERT INTO ImportRun (kind, fileName, timeZone, startedAt, finishedAt, status, rows, inserted, updated, unchanged,
                              errorCount, errors, channelsCreated, firstAt, lastAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      run.kind,
      run.fileName,
      run.timeZone,
      run.startedAt,
      Date.now(),
      run.status,
      run.rows,
      run.counts?.inserted ?? 0,
      run.counts?.updated ?? 0,
      run.counts?.unchanged ?? 0,
      run.errors?.count ?? 0,
      JSON.stringify(run.errors?.listed ?? []),
      JSON.stringify(run.channelsCreated ?? []),
      run.firstAt ?? null,
      run.lastAt ?? null,
    ) as { id: number }
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
  const times = new LocalTimeReader(options.timeZone)
  const window = dateWindow(options.dates, options.timeZone)
  const db = openImportConnection()
  let rows = 0
  let bytes = 0
  const refuse = (): ImportResult => {
    if (db.inTransaction) db.exec('ROLLBACK')
    const importId = recordRun(db, { kind: options.kind, fileName: options.fileName, timeZone: options.timeZone, startedAt: started, status: 'refused', rows, errors })
    return { status: 'refused', importId, kind: options.kind, rows, errors: errors.listed, errorCount: errors.count, milliseconds: Date.now() - started }
  }
  try {
    const channels = new Channels(db)
    // Staging writes only the temporary table: other connections keep writing meanwhile.
    db.exec('BEGIN')
    const csv = readCsv(source, (n) => (bytes = n), options.encoding)
    const stage = options.kind === 'contacts' ? stageContacts(db) : stageIntervals(db)
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
          if (errors.count > 0) return refuse()
          mapping = mapped.mapping
        }
        rows++
        if (rows % STAGING_BATCH === 0) {
          db.exec('COMMIT; BEGIN')
          if (rows % 50_000 === 0) options.onProgress?.({ bytes, rows })
        }
        const headerLength = csv.header()!.length
        if (record.fields.length !== headerLength) {
          errors.add(record.line, new ImportProblem('columnCount', { count: record.fields.length, expected: headerLength }))
          continue
        }
        const problem = stage.add(record.fields, mapping, record.line, times, window, channels)
        if (problem) errors.add(record.line, problem)
      }
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error
      errors.add(0, error)
      return refuse()
    }
    if (csv.header() === undefined) errors.add(0, new ImportProblem('emptyFile'))
    else if (rows === 0) errors.add(0, new ImportProblem('headerOnly'))
    if (errors.count > 0) return refuse()
    db.exec('COMMIT')

    // The write transaction: new channels, the upsert, the re-aggregation, the history row.
    options.beforeWrite?.()
    db.exec('BEGIN IMMEDIATE')
    const outcome = stage.commit(channels.create(db), errors)
    if (outcome === null) return refuse()
    const importId = recordRun(db, {
      kind: options.kind,
      fileName: options.fileName,
      timeZone: options.timeZone,
      startedAt: started,
      status: 'imported',
      rows,
      counts: outcome,
      channelsCreated: channels.created,
      firstAt: outcome.firstAt,
      lastAt: outcome.lastAt,
    })
    db.exec('COMMIT')
    options.onProgress?.({ bytes, rows })
    return {
      status: 'imported',
      importId,
      kind: options.kind,
      rows,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      channelsCreated: channels.created,
      byChannel: outcome.byChannel,
      firstAt: outcome.firstAt === null ? null : new Date(outcome.firstAt).toISOString(),
      lastAt: outcome.lastAt === null ? null : new Date(outcome.lastAt).toISOString(),
      milliseconds: Date.now() - started,
    }
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  } finally {
    db.close()
  }
}

interface StageOutcome extends Omit<ImportCounts, 'rows'> {
  byChannel: Array<{ channel: string; rows: number }>
  firstAt: number | null
  lastAt: number | null
}

interface Stage {
  /** Validates and stages one record; returns the problem when it is refused. */
  add(
    fields: string[],
    mapping: Record<string, number>,
    line: number,
    times: LocalTimeReader,
    window: DateWindow,
    channels: Channels,
  ): ImportProblem | null
  /**
   * Writes the staged rows (the file had no bad row), inside the write transaction; or lists in
   * `errors` the rows that what is stored makes impossible, and returns null (nothing written).
   */
  commit(newChannelIds: Map<number, number>, errors: ErrorList): StageOutcome | null
}

interface StageCounts {
  total: number
  inserted: number
  updated: number
  firstAt: number | null
  lastAt: number | null
}

/** The summary of a written stage, per channel; drops the staging table (and its view). */
function finishStage(db: Database.Database, counts: StageCounts, staged: 'staging' | 'staged'): StageOutcome {
  const byChannel = db
    .prepare(`SELECT ch.key AS channel, COUNT(*) AS rows FROM ${staged} s JOIN Channel ch ON ch.id = s.channelId GROUP BY ch.key ORDER BY ch.key`)
    .all() as Array<{ channel: string; rows: number }>
  db.exec('DROP VIEW IF EXISTS staged; DROP TABLE staging')
  return {
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.total - counts.inserted - counts.updated,
    byChannel,
    firstAt: counts.firstAt,
    lastAt: counts.lastAt,
  }
}

function stageContacts(db: Database.Database): Stage {
  db.exec(`CREATE TEMP TABLE staging (
    channelId INTEGER NOT NULL, externalId TEXT NOT NULL, arrivedAt INTEGER NOT NULL, outcome TEXT NOT NULL,
    waitSec REAL NOT NULL, handleSec REAL NOT NULL, agent TEXT, queue TEXT, fcr INTEGER, nps INTEGER, line INTEGER NOT NULL,
    PRIMARY KEY (channelId, externalId)) WITHOUT ROWID`)
  const insert = db.prepare(
    `INSERT INTO staging (channelId, externalId, arrivedAt, outcome, waitSec, handleSec, agent, queue, fcr, nps, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  )
  const firstLine = db.prepare('SELECT line FROM staging WHERE channelId = ? AND externalId = ?').pluck()
  const last = new Map<string, number>()
  return {
    add(fields, mapping, line, times, window, channels) {
      const result = readContactRow(fields, mapping, times, window, (channel) => last.get(channel.toLowerCase()))
      if (!result.ok) return result.problem
      const r = result.row
      last.set(r.channel.toLowerCase(), r.arrivedAt)
      const channelId = channels.resolve(r.channel)
      const fcr = r.fcr === null ? null : r.fcr ? 1 : 0
      const info = insert.run(channelId, r.externalId, r.arrivedAt, r.outcome, r.waitSec, r.handleSec, r.agent, r.queue, fcr, r.nps, line)
      if (info.changes === 0) {
        return new ImportProblem('duplicateId', { id: r.externalId, first: firstLine.get(channelId, r.externalId) as number })
      }
      return null
    },
    commit(newChannelIds) {
      // New channels' rows carry stand-in ids: a view maps them (rewriting a million staged rows'
      // keys would cost seconds).
      const mapped = [...newChannelIds].map(([standIn, id]) => `WHEN ${standIn} THEN ${id}`).join(' ')
      db.exec(
        `CREATE TEMP VIEW staged AS SELECT ${mapped ? `CASE channelId ${mapped} ELSE channelId END` : 'channelId'} AS channelId,
           externalId, ${contactFields.join(', ')}, line FROM staging`,
      )
      const counts = db
        .prepare(
          `SELECT COUNT(*) AS total, COALESCE(SUM(c.id IS NULL), 0) AS inserted,
                  COALESCE(SUM(c.id IS NOT NULL AND (${changedSql})), 0) AS updated,
                  MIN(s.arrivedAt) AS firstAt, MAX(s.arrivedAt) AS lastAt
           FROM staged s LEFT JOIN Contact c ON c.channelId = s.channelId AND c.externalId = s.externalId`,
        )
        .get() as StageCounts
      // Buckets to re-aggregate: where changed rows arrive now and where they arrived before.
      markTouched(
        db,
        `SELECT s.channelId, s.arrivedAt FROM staged s
           LEFT JOIN Contact c ON c.channelId = s.channelId AND c.externalId = s.externalId
           WHERE c.id IS NULL OR ${changedSql}
         UNION ALL
         SELECT c.channelId, c.arrivedAt FROM staged s
           JOIN Contact c ON c.channelId = s.channelId AND c.externalId = s.externalId
           WHERE ${changedSql}`,
      )
      db.exec(
        `INSERT INTO Contact (channelId, externalId, ${contactFields.join(', ')})
         SELECT channelId, externalId, ${contactFields.join(', ')} FROM staged WHERE true
         ON CONFLICT (channelId, externalId) DO UPDATE SET
           ${contactFields.map((f) => `${f} = excluded.${f}`).join(', ')}
         WHERE ${contactFields.map((f) => `Contact.${f} IS NOT excluded.${f}`).join(' OR ')}`,
      )
      refreshTouched(db)
      return finishStage(db, counts, 'staged')
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
  SELECT s.channelId, s.start, s.line, s.ahtSec IS NOT NULL AS ahtGiven, s.asaSec IS NOT NULL AS asaGiven,
         COALESCE(s.offered, NULLIF(i.offered, 0)) AS o,
         COALESCE(s.answered, CASE WHEN i.answeredOffered > 0 OR i.answered > 0 THEN i.answered END) AS a,
         COALESCE(s.abandoned, CASE WHEN i.abandonedOffered > 0 OR i.abandoned > 0 THEN i.abandoned END) AS b,
         COALESCE(s.answeredWithinThreshold, CASE WHEN i.slEligible > 0 OR i.answeredWithinThreshold > 0 THEN i.answeredWithinThreshold END) AS w,
         COALESCE(s.ahtSec, i.handleSecSum / NULLIF(i.ahtAnswered, 0)) AS aht,
         COALESCE(s.asaSec, i.answeredWaitSecSum / NULLIF(i.asaAnswered, 0)) AS asa,
         COALESCE(s.agentsStaffed, i.agentsStaffed) AS agentsStaffed,
         COALESCE(i.abandonedWithinThreshold, 0) AS abandonedWithinThreshold,
         i.offered AS storedOffered, i.answered AS storedAnswered, i.abandoned AS storedAbandoned,
         i.handleSecSum AS storedHandleSecSum, i.ahtAnswered AS storedAhtAnswered,
         i.answeredWaitSecSum AS storedWaitSecSum, i.asaAnswered AS storedAsaAnswered, i.abandonedWaitSecSum AS storedAbandonedWaitSecSum
  FROM staging s LEFT JOIN IntervalStat i ON i.channelId = s.channelId AND i.start = s.start`

// A mean is taken over the contacts answered; without answered, over offered − abandoned (or
// offered): the interval's own mean stays exact, only its weight among intervals is estimated.
// Without volume at all it counts once.
const meanWeight = (mean: string) =>
  `CASE WHEN ${mean} IS NULL THEN 0 WHEN a IS NOT NULL THEN a WHEN o > 0 THEN o - COALESCE(b, 0) ELSE 1 END`

// The row to store. A sum is its mean × weight to the microsecond, so that a mean read back from
// it and multiplied again gives the same sum; one whose mean the file does not give keeps its
// stored value while its weight is unchanged. The waits of abandoned contacts (from contacts
// only) stay while the counts and answered waits they go with do.
const mergedSql = `
  SELECT channelId, start, line, o, a, b, w,
         COALESCE(o, 0) AS offered, COALESCE(a, 0) AS answered, COALESCE(b, 0) AS abandoned, COALESCE(w, 0) AS answeredWithinThreshold,
         handleSecSum, answeredWaitSecSum,
         CASE WHEN storedOffered = COALESCE(o, 0) AND storedAnswered = COALESCE(a, 0) AND storedAbandoned = COALESCE(b, 0)
                   AND storedWaitSecSum = answeredWaitSecSum THEN storedAbandonedWaitSecSum END AS abandonedWaitSecSum,
         CASE WHEN a IS NULL THEN 0 ELSE COALESCE(o, 0) END AS answeredOffered,
         CASE WHEN b IS NULL THEN 0 ELSE COALESCE(o, 0) END AS abandonedOffered,
         CASE WHEN w IS NULL THEN 0 ELSE MAX(COALESCE(o, 0) - abandonedWithinThreshold, 0) END AS slEligible,
         ahtAnswered, asaAnswered, agentsStaffed
  FROM (
    SELECT *,
           CASE WHEN NOT ahtGiven AND ahtAnswered IS storedAhtAnswered THEN storedHandleSecSum ELSE COALESCE(ROUND(aht * ahtAnswered, 6), 0) END AS handleSecSum,
           CASE WHEN NOT asaGiven AND asaAnswered IS storedAsaAnswered THEN storedWaitSecSum ELSE COALESCE(ROUND(asa * asaAnswered, 6), 0) END AS answeredWaitSecSum
    FROM (SELECT *, ${meanWeight('aht')} AS ahtAnswered, ${meanWeight('asa')} AS asaAnswered FROM (${knownSql})))`

function stageIntervals(db: Database.Database): Stage {
  db.exec(`CREATE TEMP TABLE staging (
    channelId INTEGER NOT NULL, start INTEGER NOT NULL, offered INTEGER, answered INTEGER, abandoned INTEGER,
    answeredWithinThreshold INTEGER, ahtSec REAL, asaSec REAL, agentsStaffed REAL, line INTEGER NOT NULL,
    PRIMARY KEY (channelId, start)) WITHOUT ROWID`)
  const insert = db.prepare(
    `INSERT INTO staging (channelId, start, offered, answered, abandoned, answeredWithinThreshold, ahtSec, asaSec, agentsStaffed, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  )
  const firstLine = db.prepare('SELECT line FROM staging WHERE channelId = ? AND start = ?').pluck()
  const last = new Map<string, number>()
  return {
    add(fields, mapping, line, times, window, channels) {
      const result = readIntervalRow(fields, mapping, times, window, (channel) => last.get(channel.toLowerCase()))
      if (!result.ok) return result.problem
      const r = result.row
      last.set(r.channel.toLowerCase(), r.start)
      const channelId = channels.resolve(r.channel)
      const info = insert.run(channelId, r.start, r.offered, r.answered, r.abandoned, r.answeredWithinThreshold, r.ahtSec, r.asaSec, r.agentsStaffed, line)
      if (info.changes === 0) {
        return new ImportProblem('duplicateInterval', {
          start: new Date(r.start).toISOString(),
          channel: r.channel,
          first: firstLine.get(channelId, r.start) as number,
        })
      }
      return null
    },
    commit(newChannelIds, errors) {
      // Interval files are small (a year of one channel is 35,040 rows): re-point in place.
      const repoint = db.prepare('UPDATE staging SET channelId = ? WHERE channelId = ?')
      for (const [standIn, id] of newChannelIds) repoint.run(id, standIn)
      db.exec(`CREATE TEMP TABLE merged AS ${mergedSql}`)
      // Counts that only the stored row completes are checked now, under the write lock.
      const rows = db.prepare('SELECT line, o AS offered, a AS answered, b AS abandoned, w AS answeredWithinThreshold FROM merged ORDER BY line')
      for (const counts of rows.iterate() as IterableIterator<IntervalCounts & { line: number }>) {
        const problem = intervalCountsProblem(counts, true)
        if (problem) errors.add(counts.line, problem)
      }
      if (errors.count > 0) return null
      const differs = intervalColumns.map((c) => `m.${c} IS NOT i.${c}`).join(' OR ')
      const counts = db
        .prepare(
          `SELECT COUNT(*) AS total, COALESCE(SUM(i.channelId IS NULL), 0) AS inserted,
                  COALESCE(SUM(i.channelId IS NOT NULL AND (${differs})), 0) AS updated,
                  MIN(m.start) AS firstAt, MAX(m.start) AS lastAt
           FROM merged m LEFT JOIN IntervalStat i ON i.channelId = m.channelId AND i.start = m.start`,
        )
        .get() as StageCounts
      db.exec(
        `INSERT INTO IntervalStat (channelId, start, ${intervalColumns.join(', ')})
         SELECT channelId, start, ${intervalColumns.join(', ')} FROM merged WHERE true
         ON CONFLICT (channelId, start) DO UPDATE SET ${intervalColumns.map((c) => `${c} = excluded.${c}`).join(', ')}
         WHERE ${intervalColumns.map((c) => `IntervalStat.${c} IS NOT excluded.${c}`).join(' OR ')};
         DROP TABLE merged`,
      )
      refreshHours(db, 'SELECT DISTINCT channelId, start - start % 3600000 FROM staging')
      return finishStage(db, counts, 'staging')
    },
  }
}
