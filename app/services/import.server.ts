// CSV import of contact records and interval statistics: streamed, every row validated into a
// temporary staging table (no lock on the database meanwhile), and then one write transaction —
// a file with any bad row is refused whole (its bad lines listed: the first 100 and a count), and
// nothing is written. Contacts are keyed by (channel, contact_id): importing the
// same file again changes nothing; a corrected re-export updates the rows it names. Channels the
// file names that do not exist yet are created with default targets. Every import, landed or
// refused, is recorded in the import history.
import type { Readable } from 'node:stream'
import Database from 'better-sqlite3'
import { databaseUrl, sqliteFilePath } from '../db/url.server.ts'
import { prisma } from '../db.server.ts'
import { mapColumns, normaliseHeader, type ImportKind } from '../domain/import/formats.ts'
import { LocalTimeReader } from '../domain/import/local-time.ts'
import { readContactRow, readIntervalRow } from '../domain/import/rows.ts'
import { ImportProblem, type ImportErrorCode, type ImportErrorParams } from '../domain/import/errors.ts'
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
  /** Our column name → the file's column name, for exports with other names. */
  mapping?: Record<string, string>
  /** Known encoding (files on disk are scanned whole); otherwise decided from the first megabyte. */
  encoding?: Encoding
  onProgress?: (progress: { bytes: number; rows: number }) => void
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

/** Staged rows are written in batches of this many per (temporary-table-only) transaction. */
const STAGING_BATCH = 10_000

const contactFields = ['arrivedAt', 'outcome', 'waitSec', 'handleSec', 'agent', 'queue', 'fcr', 'nps'] as const
const changedSql = contactFields.map((f) => `c.${f} IS NOT s.${f}`).join(' OR ')

function openDatabase(): Database.Database {
  const db = new Database(sqliteFilePath(databaseUrl()), { timeout: 10_000 })
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
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

export async function importCsv(source: Readable, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now()
  const errors = new ErrorList()
  const times = new LocalTimeReader(options.timeZone)
  const db = openDatabase()
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
        const problem = stage.add(record.fields, mapping, record.line, times, channels)
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
    db.exec('BEGIN IMMEDIATE')
    const outcome = stage.commit(channels.create(db))
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
  add(fields: string[], mapping: Record<string, number>, line: number, times: LocalTimeReader, channels: Channels): ImportProblem | null
  /** Writes the staged rows (the file had no bad row), inside the write transaction. */
  commit(newChannelIds: Map<number, number>): StageOutcome
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
    add(fields, mapping, line, times, channels) {
      const result = readContactRow(fields, mapping, times, (channel) => last.get(channel.toLowerCase()))
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

const intervalFields = [
  'offered',
  'answered',
  'abandoned',
  'answeredWithinThreshold',
  'handleSecSum',
  'answeredWaitSecSum',
  'agentsStaffed',
] as const

function stageIntervals(db: Database.Database): Stage {
  db.exec(`CREATE TEMP TABLE staging (
    channelId INTEGER NOT NULL, start INTEGER NOT NULL, offered INTEGER, answered INTEGER, abandoned INTEGER,
    answeredWithinThreshold INTEGER, handleSecSum REAL, answeredWaitSecSum REAL, agentsStaffed REAL, line INTEGER NOT NULL,
    PRIMARY KEY (channelId, start)) WITHOUT ROWID`)
  const insert = db.prepare(
    `INSERT INTO staging (channelId, start, offered, answered, abandoned, answeredWithinThreshold, handleSecSum, answeredWaitSecSum, agentsStaffed, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  )
  const firstLine = db.prepare('SELECT line FROM staging WHERE channelId = ? AND start = ?').pluck()
  const last = new Map<string, number>()
  return {
    add(fields, mapping, line, times, channels) {
      const result = readIntervalRow(fields, mapping, times, (channel) => last.get(channel.toLowerCase()))
      if (!result.ok) return result.problem
      const r = result.row
      last.set(r.channel.toLowerCase(), r.start)
      const channelId = channels.resolve(r.channel)
      // Means become sums, so intervals add up: TMA × answered, TME × answered.
      const handleSum = r.ahtSec !== null && r.answered !== null ? r.ahtSec * r.answered : null
      const waitSum = r.asaSec !== null && r.answered !== null ? r.asaSec * r.answered : null
      const info = insert.run(channelId, r.start, r.offered, r.answered, r.abandoned, r.answeredWithinThreshold, handleSum, waitSum, r.agentsStaffed, line)
      if (info.changes === 0) {
        return new ImportProblem('duplicateInterval', {
          start: new Date(r.start).toISOString(),
          channel: r.channel,
          first: firstLine.get(channelId, r.start) as number,
        })
      }
      return null
    },
    commit(newChannelIds) {
      // Interval files are small (a year of one channel is 35,040 rows): re-point in place.
      const repoint = db.prepare('UPDATE staging SET channelId = ? WHERE channelId = ?')
      for (const [standIn, id] of newChannelIds) repoint.run(id, standIn)
      const counts = db
        .prepare(
          `SELECT COUNT(*) AS total, COALESCE(SUM(i.channelId IS NULL), 0) AS inserted,
                  COALESCE(SUM(i.channelId IS NOT NULL AND (${intervalFields.map((f) => `COALESCE(s.${f}, i.${f}) IS NOT i.${f}`).join(' OR ')})), 0) AS updated,
                  MIN(s.start) AS firstAt, MAX(s.start) AS lastAt
           FROM staging s LEFT JOIN IntervalStat i ON i.channelId = s.channelId AND i.start = s.start`,
        )
        .get() as StageCounts
      // A column the file leaves empty keeps what is stored.
      db.exec(
        `INSERT INTO IntervalStat (channelId, start, ${intervalFields.join(', ')})
         SELECT channelId, start, COALESCE(offered, 0), COALESCE(answered, 0), COALESCE(abandoned, 0),
                COALESCE(answeredWithinThreshold, 0), COALESCE(handleSecSum, 0), COALESCE(answeredWaitSecSum, 0), agentsStaffed
         FROM staging WHERE true
         ON CONFLICT (channelId, start) DO UPDATE SET
           ${intervalFields.map((f) => `${f} = COALESCE((SELECT s.${f} FROM staging s WHERE s.channelId = excluded.channelId AND s.start = excluded.start), IntervalStat.${f})`).join(',\n           ')}`,
      )
      refreshHours(db, 'SELECT DISTINCT channelId, start - start % 3600000 FROM staging')
      return finishStage(db, counts, 'staging')
    },
  }
}
