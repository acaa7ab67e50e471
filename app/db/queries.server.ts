// Reads through one asynchronous interface on either database (issue 18, decision 022): Kysely over
// the shared read-only better-sqlite3 connection (SQLite) or a pg pool (PostgreSQL), with the few
// expressions the two dialects write differently. Services move to it one by one; those not yet
// moved still use readDatabase()/withWriteTransaction() and SQLite alone.
//
// Instants are integer milliseconds on SQLite and timestamptz(3) on PostgreSQL: arithmetic and
// bucketing go through `epochMs(column)`, parameters through `instant(ms)`, and a comparison keeps
// the column bare so the (channelId, start) indexes serve both.
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqliteDatabase } from 'kysely'
import { readDatabase } from '../db.server.ts'
import { databaseUrl, isPostgresUrl } from './url.server.ts'

export type DialectName = 'sqlite' | 'postgres'

export interface Queries {
  dialect: DialectName
  /** Untyped: the services' statements are hand-written SQL through the `sql` template. */
  db: Kysely<Record<string, never>>
  /** A stored instant as epoch milliseconds (a number), for arithmetic and buckets. */
  epochMs(column: string): RawBuilder<number>
  /** Epoch milliseconds as the database stores an instant, to compare a column with. */
  instant(ms: number): RawBuilder<unknown>
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

let postgres: { url: string; queries: Queries } | undefined
let sqlite: { connection: unknown; queries: Queries } | undefined

/** The reading interface of the database DATABASE_URL names (kept per URL and connection). */
export function queries(url: string = databaseUrl()): Queries {
  if (isPostgresUrl(url)) {
    if (postgres?.url !== url) {
      void postgres?.queries.db.destroy()
      const pool = new pg.Pool({ connectionString: url, max: 4, types })
      // An idle connection the server closes (a restart, a database dropped) is replaced at the
      // next query; without a listener its error would end the process.
      pool.on('error', () => {})
      const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) })
      postgres = {
        url,
        queries: {
          dialect: 'postgres',
          db,
          async arrays(query) {
            const { sql: text, parameters } = query.compile(db)
            return (await pool.query({ text, values: parameters as unknown[], rowMode: 'array' })).rows as unknown[][]
          },
          // bigint: whole milliseconds, and `%` is defined on it (not on float8); read back as a number.
          epochMs: (column) => sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000)::bigint`,
          instant: (ms) => sql`to_timestamp(${ms}::float8 / 1000)`,
        },
      }
    }
    return postgres.queries
  }
  // The shared read-only connection: a new one (another file, another lock mode) gets a new Kysely.
  const connection = readDatabase(url)
  if (sqlite?.connection !== connection) {
    // Kysely never closes it (close does nothing): readDatabase owns the connection.
    const database = { prepare: (text: string) => connection.prepare(text), close: () => {} } as unknown as SqliteDatabase
    const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database }) })
    sqlite = {
      connection,
      queries: {
        dialect: 'sqlite',
        db,
        async arrays(query) {
          const { sql: text, parameters } = query.compile(db)
          return connection.prepare(text).raw(true).all(...parameters) as unknown[][]
        },
        epochMs: (column) => sql<number>`${sql.ref(column)}`,
        instant: (ms) => sql`${ms}`,
      },
    }
  }
  return sqlite.queries
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
