// Where an import's validated rows wait for its write transaction (decision 022):
// - SQLite: a scratch database file of the import's own, filled by a prepared statement in batched
//   transactions — no lock on the app's database while the file is read, so other writers keep
//   writing — and attached to the write transaction once the file is read whole and valid. A key
//   staged twice is found as the row arrives.
// - PostgreSQL: an unlogged table of the import's own, filled 10,000 rows a statement through
//   unnest; keys staged twice are found in one pass once the file is read. Not a temporary table:
//   the write transaction runs on whichever pooled connection withWrite takes, and may run again
//   (a deadlock's victim) while the file, a stream, can be read only once. A process that dies
//   mid-import leaves its table behind (import_staging_<pid>_…).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { queries, rows, sql, withWrite, type ColumnKind, type Columns, type Writer } from '../db/queries.server.ts'

/** A key staged again: the row (in the staging columns' order, instants as epoch ms) and the line it first came on. */
export interface Duplicate {
  row: unknown[]
  first: number
}

export interface Staging {
  /** The table the write transaction reads the staged rows from. */
  readonly table: string
  /**
   * Stages one row (values in the columns' order, the line last; booleans as 1/0). SQLite: the
   * line of the row staged before with the same key, when there is one (this row is not staged).
   */
  add(row: readonly unknown[]): number | null
  /** Called every few thousand rows: ends a batch. */
  batch(): Promise<void>
  /** Once the file is read: the keys staged more than once (the first 100 by line, and how many). */
  finish(): Promise<{ listed: Duplicate[]; count: number }>
  /** Makes the staged rows readable in the write transaction, which only reads them. */
  attach(writer: Writer): Promise<void>
  /** Removes the staged rows, whatever came of the import. */
  remove(): Promise<void>
}

const sqliteType: Record<ColumnKind, string> = { int: 'INTEGER', float: 'REAL', text: 'TEXT', bool: 'INTEGER', instant: 'INTEGER' }
const postgresType: Record<ColumnKind, string> = { int: 'INTEGER', float: 'DOUBLE PRECISION', text: 'TEXT', bool: 'BOOLEAN', instant: 'TIMESTAMPTZ(3)' }

const list = (names: readonly string[], prefix = '') => names.map((n) => `${prefix}"${n}"`).join(', ')

/** SQLite: a scratch file in the system's temporary folder, removed by `remove`. */
export class SqliteStaging implements Staging {
  readonly table = '"stage"."staging"'
  readonly #dir: string
  readonly #file: string
  readonly #db: Database.Database
  readonly #insert: Database.Statement
  readonly #firstLine: Database.Statement
  readonly #keyAt: number[]

  constructor(columns: Columns, key: readonly string[]) {
    this.#dir = mkdtempSync(path.join(tmpdir(), 'traffic-import-'))
    this.#file = path.join(this.#dir, 'staging.db')
    this.#db = new Database(this.#file)
    // A scratch file: nothing to recover after a crash.
    this.#db.pragma('journal_mode = OFF')
    this.#db.pragma('synchronous = OFF')
    const names = Object.keys(columns)
    this.#db.exec(
      `CREATE TABLE "staging" (${names.map((n) => `"${n}" ${sqliteType[columns[n]!]}`).join(', ')}, PRIMARY KEY (${list(key)})) WITHOUT ROWID`,
    )
    this.#insert = this.#db.prepare(`INSERT INTO "staging" (${list(names)}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`)
    this.#firstLine = this.#db.prepare(`SELECT "line" FROM "staging" WHERE ${key.map((k) => `"${k}" = ?`).join(' AND ')}`).pluck()
    this.#keyAt = key.map((k) => names.indexOf(k))
    this.#db.exec('BEGIN')
  }

  add(row: readonly unknown[]): number | null {
    if (this.#insert.run(...row).changes > 0) return null
    return this.#firstLine.get(...this.#keyAt.map((i) => row[i])) as number
  }

  // Batches keep each transaction of the scratch file small.
  async batch(): Promise<void> {
    this.#db.exec('COMMIT; BEGIN')
  }

  async finish(): Promise<{ listed: Duplicate[]; count: number }> {
    this.#db.exec('COMMIT')
    this.#db.close()
    return { listed: [], count: 0 }
  }

  async attach(writer: Writer): Promise<void> {
    await writer.run(sql`ATTACH DATABASE ${this.#file} AS "stage"`)
  }

  async remove(): Promise<void> {
    if (this.#db.open) this.#db.close()
    rmSync(this.#dir, { recursive: true, force: true })
  }
}

/** PostgreSQL: an unlogged table of this import's, dropped by `remove`. */
export class PostgresStaging implements Staging {
  #buffer: unknown[][] = []
  #writing: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly name: string,
    readonly columns: Columns,
    readonly key: readonly string[],
  ) {}

  get table(): string {
    return `"${this.name}"`
  }

  static async create(columns: Columns, key: readonly string[]): Promise<PostgresStaging> {
    const name = `import_staging_${process.pid}_${randomBytes(4).toString('hex')}`
    const names = Object.keys(columns)
    await withWrite((writer) =>
      writer.run(sql.raw(`CREATE UNLOGGED TABLE "${name}" (${names.map((n) => `"${n}" ${postgresType[columns[n]!]}`).join(', ')})`)),
    )
    return new PostgresStaging(name, columns, key)
  }

  add(row: readonly unknown[]): number | null {
    this.#buffer.push(row as unknown[])
    return null
  }

  // One batch is written while the next is read: the server's work and the file's parsing overlap
  // (1M contacts staged in 14.9 s instead of 18.5 s on two busy cores).
  async batch(): Promise<void> {
    const buffered = this.#buffer
    this.#buffer = []
    await this.#writing
    if (buffered.length === 0) return
    const writing = withWrite((writer) => writer.insertRows(this.name, this.columns, buffered))
    writing.catch(() => {}) // awaited at the next batch, or by remove
    this.#writing = writing
  }

  async finish(): Promise<{ listed: Duplicate[]; count: number }> {
    await this.batch()
    await this.#writing
    const q = queries()
    await rows(sql.raw(`ANALYZE "${this.name}"`), q)
    const names = Object.keys(this.columns)
    const values = names.map((n) => (this.columns[n] === 'instant' ? q.epochMs(`s.${n}`) : sql.ref(`s.${n}`)))
    const keys = list(this.key)
    const found = await q.arrays(sql`
      SELECT ${sql.join(values)}, d."first", COUNT(*) OVER () FROM ${sql.raw(this.table)} s
      JOIN (SELECT ${sql.raw(keys)}, MIN("line") AS "first" FROM ${sql.raw(this.table)} GROUP BY ${sql.raw(keys)} HAVING COUNT(*) > 1) d
        ON ${sql.raw(this.key.map((k) => `s."${k}" = d."${k}"`).join(' AND '))}
      WHERE s."line" > d."first" ORDER BY s."line" LIMIT 100`)
    return {
      listed: found.map((r) => ({ row: r.slice(0, names.length), first: r[names.length] as number })),
      count: found.length === 0 ? 0 : (found[0]![names.length + 1] as number),
    }
  }

  // The write transaction reads the table by its name.
  async attach(): Promise<void> {}

  async remove(): Promise<void> {
    await this.#writing.catch(() => {})
    await rows(sql.raw(`DROP TABLE IF EXISTS "${this.name}"`), queries())
  }
}

/** The staged rows as the write transaction reads them, with the new channels' stand-in ids mapped (a view: rewriting a million staged rows' keys would cost seconds). */
export async function stagedView(writer: Writer, staging: Staging, columns: Columns, channelIds: Map<number, number>): Promise<void> {
  const mapped = [...channelIds].map(([standIn, id]) => `WHEN ${standIn} THEN ${id}`).join(' ')
  const others = Object.keys(columns).filter((n) => n !== 'channelId')
  await writer.run(
    sql.raw(
      `CREATE TEMP VIEW "staged" AS SELECT ${mapped ? `CASE "channelId" ${mapped} ELSE "channelId" END` : '"channelId"'} AS "channelId", ${list(others)}
       FROM ${staging.table}`,
    ),
  )
}

/** The staged rows per channel, for the import's summary. */
export async function stagedByChannel(writer: Writer): Promise<Array<{ channel: string; rows: number }>> {
  return rows(
    sql<{ channel: string; rows: number }>`SELECT ch."key" AS "channel", COUNT(*) AS "rows" FROM "staged" s JOIN "Channel" ch ON ch."id" = s."channelId" GROUP BY ch."key" ORDER BY ch."key"`,
    writer,
  )
}
