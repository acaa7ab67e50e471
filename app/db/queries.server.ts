// Reads and writes through one asynchronous interface on either database (issue 18, decision 022):
// Kysely over the shared read-only better-sqlite3 connection (SQLite) or a pg pool (PostgreSQL),
// with the few expressions the two dialects write differently; `withWrite` runs a transaction on
// either. Every service reads and writes through it (Prisma's client, on either database, for
// plain reads and writes of a few rows).
//
// Instants are integer milliseconds on SQLite and timestamptz(3) on PostgreSQL: arithmetic and
// bucketing go through `epochMs(column)`, parameters through `instant(ms)`, and a comparison keeps
// the column bare so the (channelId, start) indexes serve both.
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqliteDatabase } from 'kysely'
import type Database from 'better-sqlite3'
import { openDatabase, readDatabase, retryWhileBusy } from '../db.server.ts'
import { databaseUrl, isPostgresUrl } from './url.server.ts'

export type DialectName = 'sqlite' | 'postgres'

export interface Queries {
  dialect: DialectName
  /** Untyped: the services' statements are hand-written SQL through the `sql` template. */
  db: Kysely<Record<string, never>>
  /** A stored instant as epoch milliseconds (a number), for arithmetic and buckets. */
  epochMs(column: string): RawBuilder<number>
  /**
   * Epoch milliseconds as the database stores an instant, to compare a column with: a number, or
   * an expression of epoch milliseconds (a bucket's start plus its length).
   */
  instant(ms: number | RawBuilder<unknown>): RawBuilder<unknown>
  /** A boolean as the database stores it (SQLite: 1 or 0). */
  bool(value: boolean): RawBuilder<unknown>
  /** A key of a JSON object stored as text, as text. */
  jsonText(column: string, key: string): RawBuilder<string | null>
  /**
   * A statement's rows as arrays in select order, not objects: a year of 15-minute rows reads ~25%
   * faster (Kysely builds the SQL; the driver returns arrays: better-sqlite3's raw mode, pg's
   * rowMode 'array').
   */
  arrays(query: RawBuilder<unknown>): Promise<unknown[][]>
}

// Counts and sums come back as numbers: PostgreSQL's bigint (COUNT, SUM of integers) and numeric
// are text by default in pg, and no count or sum here nears 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

const postgresExpressions = {
  // bigint: whole milliseconds, and `%` is defined on it (not on float8); read back as a number.
  epochMs: (column: string) => sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000)::bigint`,
  instant: (ms: number | RawBuilder<unknown>) => sql`to_timestamp((${ms})::float8 / 1000)`,
  bool: (value: boolean) => sql.lit(value),
  jsonText: (column: string, key: string) => sql<string | null>`(${sql.ref(column)}::json ->> ${key})`,
}

const sqliteExpressions = {
  epochMs: (column: string) => sql<number>`${sql.ref(column)}`,
  instant: (ms: number | RawBuilder<unknown>) => sql`${ms}`,
  bool: (value: boolean) => sql.lit(value ? 1 : 0),
  jsonText: (column: string, key: string) => sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${key}`})`,
}

let postgres: { url: string; pool: pg.Pool; queries: Queries } | undefined
let sqlite: { connection: Database.Database; queries: Queries } | undefined

/** The reading interface of the database DATABASE_URL names (kept per URL and connection). */
export function queries(url: string = databaseUrl()): Queries {
  if (isPostgresUrl(url)) {
    if (postgres?.url !== url) {
      void postgres?.queries.db.destroy()
      const pool = new pg.Pool({ connectionString: url, max: 4, types })
      // An idle connection the server closes (a restart, a database dropped) is replaced at the
      // next query; without a listener its error would end the process.
      pool.on('error', () => {})
      postgres = { url, pool, queries: onPostgres(pool) }
    }
    return postgres.queries
  }
  // The shared read-only connection: a new one (another file, another lock mode) gets a new Kysely.
  const connection = readDatabase(url)
  if (sqlite?.connection !== connection) sqlite = { connection, queries: onSqlite(connection) }
  return sqlite.queries
}

/** The interface inside a write transaction: its statements commit together or not at all. */
export interface Writer extends Queries {
  /** Runs a statement that returns no rows; the rows it changed. */
  run(query: RawBuilder<unknown>): Promise<number>
  /**
   * Makes the transactions that ask for the same `name` run one after another (a read-then-write
   * that must not interleave, such as counting sign-in failures before adding one), across every
   * process. SQLite: already so (BEGIN IMMEDIATE holds the database's one write lock). PostgreSQL:
   * a transaction-scoped advisory lock on the name.
   */
  serialize(name: string): Promise<void>
  /**
   * Inserts many rows at once: each row an array in `columns`' order, instants as epoch
   * milliseconds, booleans as booleans; `suffix`, plain SQL without values, follows the
   * statement (e.g. ON CONFLICT … DO NOTHING). SQLite: one prepared statement run per row (~1 µs each inside the transaction).
   * PostgreSQL: INSERT … SELECT FROM unnest of one array per column, 20,000 rows a statement
   * (one round trip per chunk; 100k contacts took 5.9 s where Prisma's createMany took 52 s).
   * Returns the rows inserted.
   */
  insertRows(table: string, columns: Columns, rows: Iterable<readonly unknown[]>, suffix?: string): Promise<number>
  /**
   * Sets `set`'s columns of the rows found by `keys`: each row its key values, then its new values
   * (kinds as insertRows). SQLite: one prepared UPDATE per row. PostgreSQL: UPDATE … FROM unnest of
   * one array per column, 20,000 rows a statement. Returns the rows changed.
   */
  updateRows(table: string, keys: Columns, set: Columns, rows: readonly (readonly unknown[])[]): Promise<number>
  /** SQLite's connection inside this transaction, for a hot loop of prepared statements; null on PostgreSQL. */
  sqlite: Database.Database | null
}

/** A column's kind, which says how a value crosses to the database (and PostgreSQL's array type). */
export type ColumnKind = 'int' | 'float' | 'text' | 'bool' | 'instant'
export type Columns = Readonly<Record<string, ColumnKind>>

const unnestType: Record<ColumnKind, string> = { int: 'int8', float: 'float8', text: 'text', bool: 'bool', instant: 'float8' }
const INSERT_CHUNK = 20_000

/** SQLite stores booleans as 1 and 0. */
const sqliteValues = (kinds: readonly ColumnKind[], row: readonly unknown[]) =>
  kinds.includes('bool') ? row.map((v, i) => (kinds[i] === 'bool' && typeof v === 'boolean' ? (v ? 1 : 0) : v)) : row

/**
 * The interface on one better-sqlite3 connection (the shared reader, or a write transaction's).
 * Kysely never closes it (close does nothing): whoever opened it does.
 */
function onSqlite(connection: Database.Database): Writer {
  // Statements prepared once per text: preparing was a tenth of the server's time under 20 users
  // (every page's queries are the same few texts). Kysely's and the raw-row reads keep apart, as
  // `raw()` changes a statement's mode; a statement is run to its end before the next use (no
  // iterators), so sharing one is safe. Cleared when large, as texts with inlined lists vary.
  const prepared = (cache: Map<string, Database.Statement>, text: string, make: (statement: Database.Statement) => Database.Statement) => {
    let statement = cache.get(text)
    if (statement === undefined) {
      if (cache.size >= 500) cache.clear()
      cache.set(text, (statement = make(connection.prepare(text))))
    }
    return statement
  }
  const kyselyStatements = new Map<string, Database.Statement>()
  const rawStatements = new Map<string, Database.Statement>()
  const database = { prepare: (text: string) => prepared(kyselyStatements, text, (s) => s), close: () => {} } as unknown as SqliteDatabase
  const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database }) })
  return {
    dialect: 'sqlite',
    db,
    ...sqliteExpressions,
    async arrays(query) {
      const { sql: text, parameters } = query.compile(db)
      return prepared(rawStatements, text, (s) => s.raw(true)).all(...parameters) as unknown[][]
    },
    async run(query) {
      const { sql: text, parameters } = query.compile(db)
      return connection.prepare(text).run(...parameters).changes
    },
    // BEGIN IMMEDIATE already holds the database's one write lock.
    async serialize() {},
    async insertRows(table, columns, rows, suffix) {
      const names = Object.keys(columns)
      const kinds = Object.values(columns)
      const tail = suffix ? ` ${suffix}` : ''
      const insert = connection.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})${tail}`)
      let inserted = 0
      for (const row of rows) inserted += insert.run(...sqliteValues(kinds, row)).changes
      return inserted
    },
    async updateRows(table, keys, set, rows) {
      const keyNames = Object.keys(keys)
      const kinds = [...Object.values(keys), ...Object.values(set)]
      const update = connection.prepare(
        `UPDATE "${table}" SET ${Object.keys(set).map((n) => `"${n}" = ?`).join(', ')} WHERE ${keyNames.map((n) => `"${n}" = ?`).join(' AND ')}`,
      )
      let changed = 0
      for (const row of rows) {
        const values = sqliteValues(kinds, row)
        changed += update.run(...values.slice(keyNames.length), ...values.slice(0, keyNames.length)).changes
      }
      return changed
    },
    sqlite: connection,
  }
}

/**
 * The interface on the pool (reads) or on one pooled connection (a write transaction's: Kysely
 * then sends every statement to that connection).
 */
function onPostgres(connection: pg.Pool | pg.PoolClient): Writer {
  const pool = connection instanceof pg.Pool ? connection : { connect: async () => ({ query: connection.query.bind(connection), release: () => {} }), end: async () => {} }
  const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: pool as pg.Pool }) })
  return {
    dialect: 'postgres',
    db,
    ...postgresExpressions,
    async arrays(query) {
      const { sql: text, parameters } = query.compile(db)
      return (await connection.query({ text, values: parameters as unknown[], rowMode: 'array' })).rows as unknown[][]
    },
    async run(query) {
      const { sql: text, parameters } = query.compile(db)
      return (await connection.query({ text, values: parameters as unknown[] })).rowCount ?? 0
    },
    async serialize(name) {
      await connection.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name])
    },
    async insertRows(table, columns, rows, suffix) {
      const names = Object.keys(columns)
      const kinds = Object.values(columns)
      const unnested = names.map((_, i) => (kinds[i] === 'instant' ? `to_timestamp(c${i} / 1000)` : `c${i}`))
      const text =
        `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) ` +
        `SELECT ${unnested.join(', ')} FROM unnest(${kinds.map((k, i) => `$${i + 1}::${unnestType[k]}[]`).join(', ')}) AS u(${names.map((_, i) => `c${i}`).join(', ')})` +
        (suffix ? ` ${suffix}` : '')
      let inserted = 0
      let chunk: unknown[][] = names.map(() => [])
      let size = 0
      const flush = async () => {
        if (size === 0) return
        inserted += (await connection.query({ text, values: chunk })).rowCount ?? 0
        chunk = names.map(() => [])
        size = 0
      }
      for (const row of rows) {
        for (let i = 0; i < names.length; i++) chunk[i]!.push(row[i] ?? null)
        if (++size === INSERT_CHUNK) await flush()
      }
      await flush()
      return inserted
    },
    async updateRows(table, keys, set, rows) {
      const keyNames = Object.keys(keys)
      const setNames = Object.keys(set)
      const kinds = [...Object.values(keys), ...Object.values(set)]
      const value = (i: number) => (kinds[i] === 'instant' ? `to_timestamp(u.c${i} / 1000)` : `u.c${i}`)
      const text =
        `UPDATE "${table}" AS t SET ${setNames.map((n, j) => `"${n}" = ${value(keyNames.length + j)}`).join(', ')} ` +
        `FROM unnest(${kinds.map((k, i) => `$${i + 1}::${unnestType[k]}[]`).join(', ')}) AS u(${kinds.map((_, i) => `c${i}`).join(', ')}) ` +
        `WHERE ${keyNames.map((n, i) => `t."${n}" = ${value(i)}`).join(' AND ')}`
      let changed = 0
      for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
        const chunk = rows.slice(from, from + INSERT_CHUNK)
        changed += (await connection.query({ text, values: kinds.map((_, i) => chunk.map((row) => row[i] ?? null)) })).rowCount ?? 0
      }
      return changed
    },
    sqlite: null,
  }
}

/**
 * Runs `work` in one write transaction. SQLite: a dedicated connection holding BEGIN IMMEDIATE (the
 * write lock, taken up front and retried on a timer while another process holds it, as
 * as the Prisma client's writes are), across awaits. PostgreSQL: one pooled connection in BEGIN …
 * COMMIT, row locks as PostgreSQL takes them, run again (up to 5 times) when PostgreSQL ends it
 * as a deadlock's victim. Anything thrown rolls everything back.
 */
export async function withWrite<T>(work: (writer: Writer) => Promise<T>, url: string = databaseUrl()): Promise<T> {
  if (isPostgresUrl(url)) {
    queries(url) // the pool for this URL
    for (let attempt = 1; ; attempt++) {
      const client = await postgres!.pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(onPostgres(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        // A deadlock (two transactions bumping the same DataVersion rows in opposite orders) or a
        // serialization failure: PostgreSQL rolled this one back whole, so it runs again.
        const code = (error as { code?: unknown }).code
        if ((code === '40P01' || code === '40001') && attempt < 5) continue
        throw error
      } finally {
        client.release()
      }
    }
  }
  const connection = openDatabase(url)
  try {
    await retryWhileBusy(() => {
      connection.pragma('journal_mode = WAL')
      connection.exec('BEGIN IMMEDIATE')
    })
    const writer = onSqlite(connection)
    try {
      const result = await work(writer)
      connection.exec('COMMIT')
      return result
    } finally {
      if (connection.inTransaction) connection.exec('ROLLBACK')
    }
  } finally {
    connection.close()
  }
}

/**
 * Runs `work` while no other process runs work under the same `name` (app processes starting
 * together on an empty PostgreSQL database: one migrates and loads the demo, the other waits, then
 * finds it done). PostgreSQL: a session advisory lock held on a connection of its own. SQLite:
 * `work` as it is (its migrations and writes take the file's locks).
 */
export async function whileHolding<T>(name: string, work: () => Promise<T>, url: string = databaseUrl()): Promise<T> {
  if (!isPostgresUrl(url)) return work()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name])
    return await work()
  } finally {
    await client.end() // ends the session, and its lock with it
  }
}

/** Closes PostgreSQL's pool (tests and shutdown); SQLite's connection is readDatabase's. */
export async function closeQueries(): Promise<void> {
  const open = postgres
  postgres = undefined
  await open?.queries.db.destroy()
}

/** Rows of a hand-written statement. */
export async function rows<Row>(query: RawBuilder<Row>, q: Queries = queries()): Promise<Row[]> {
  return (await query.execute(q.db)).rows
}

export { sql }
