// The one Prisma client, on the better-sqlite3 driver adapter (no native Prisma engine), or on
// PostgreSQL's for a postgresql:// URL. SQLite stores instants as integer epoch milliseconds
// (`unixepoch-ms`) so SQL can bucket them. Multi-step and bulk writes (imports, demo data,
// re-aggregation, sign-in bookkeeping) go through `withWrite` (app/db/queries.server.ts), on
// either database: a prepared statement in one transaction is ~30× faster than createMany
// (docs/decisions/001-data-layer.md). Prisma's own `$transaction` is not used: it shares the
// client's one connection with every other request's queries (a write made meanwhile outside it
// is rolled back with it), and its statements cannot be retried one by one.
//
// Another process's write lock (decision 001, "Waiting for locks"): better-sqlite3 is synchronous,
// so waiting inside SQLite would freeze the web server's event loop. The web server (the default)
// retries a write that meets the lock after a timer, up to DATABASE_LOCK_WAIT_SECONDS, then fails
// with DatabaseBusy (answered 503); the command line and job processes call
// `configureDatabase({ waitForLocks: 'block' })` and wait inside SQLite.
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client.ts'
import { PrismaClient as PostgresPrismaClient } from './generated/prisma-pg/client.ts'
import { databaseUrl, isPostgresUrl, sqliteFilePath } from './db/url.server.ts'

export type LockWaiting = 'async' | 'block'

/** How long a blocking process waits for a lock, inside SQLite and in all. */
const BLOCKING_WAIT_MS = 10 * 60_000
/**
 * The web server's read-only connection may wait this long, synchronously: readers in WAL mode
 * never wait for writers, only for a moment when another connection holds the file exclusively
 * (recovery after a crash, a migration, the last connection closing).
 */
const SERVER_READ_WAIT_MS = 100
/** First and longest pause between attempts of a write that met a lock (each pause jittered). */
const FIRST_PAUSE_MS = 10
const LONGEST_PAUSE_MS = 250
const DEFAULT_LOCK_WAIT_SECONDS = 30

function lockWaitFromEnv(): number {
  const text = process.env.DATABASE_LOCK_WAIT_SECONDS?.trim()
  if (!text) return DEFAULT_LOCK_WAIT_SECONDS * 1000
  const seconds = Number(text)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`DATABASE_LOCK_WAIT_SECONDS must be a number of seconds above 0 (got "${text}")`)
  return seconds * 1000
}

const settings: { waitForLocks: LockWaiting; lockWaitMs: number } = { waitForLocks: 'async', lockWaitMs: lockWaitFromEnv() }
/** The mode the Prisma client's connection was opened with (it keeps its busy timeout). */
let prismaConnectedAs: LockWaiting | null = null

/**
 * How this process waits for another's write lock. The web server keeps the default ('async');
 * the command line and background job processes call this with `waitForLocks: 'block'` before
 * their first query. `lockWaitMs` bounds the wait of a retried write (default
 * DATABASE_LOCK_WAIT_SECONDS for 'async', 10 minutes for 'block').
 */
export function configureDatabase(options: { waitForLocks?: LockWaiting; lockWaitMs?: number }): void {
  const waitForLocks = options.waitForLocks ?? settings.waitForLocks
  if (prismaConnectedAs !== null && prismaConnectedAs !== waitForLocks) {
    throw new Error('configureDatabase: choose waitForLocks before the first query (the Prisma connection is already open)')
  }
  if (waitForLocks !== settings.waitForLocks) closeReader()
  settings.waitForLocks = waitForLocks
  settings.lockWaitMs = options.lockWaitMs ?? (waitForLocks === 'block' ? BLOCKING_WAIT_MS : lockWaitFromEnv())
}

/** The busy timeout of a connection that writes: none on the web server (retried after a timer instead). */
const writeBusyTimeout = () => (settings.waitForLocks === 'block' ? BLOCKING_WAIT_MS : 0)

/** Another connection held the write lock longer than this process waits: nothing was written. */
export class DatabaseBusy extends Error {
  constructor(
    readonly waitedMs: number,
    options?: ErrorOptions,
  ) {
    super(`The database stayed locked by another writer for ${(waitedMs / 1000).toFixed(1)} s; nothing was written`, options)
    this.name = 'DatabaseBusy'
  }
}

/**
 * SQLITE_BUSY (and its extended codes), from better-sqlite3 or through Prisma: a
 * PrismaClientKnownRequestError P1008 whose meta.driverAdapterError.cause.originalCode says it
 * (the adapter maps it to kind "SocketTimeout").
 */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause
  return typeof cause?.originalCode === 'string' && cause.originalCode.startsWith('SQLITE_BUSY')
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, pausing between attempts on a timer
 * (10 ms doubling to 250 ms, each a random 50–100% of that, so waiters do not retry in step);
 * after the process's lock wait, DatabaseBusy. An attempt that failed busy must have changed
 * nothing: one statement, or a whole transaction (rolled back).
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>): Promise<T> {
  const started = Date.now()
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt()
    } catch (error) {
      if (!isBusyError(error)) throw error
      const waited = Date.now() - started
      const left = settings.lockWaitMs - waited
      if (left <= 0) throw new DatabaseBusy(waited, { cause: error })
      await sleep(Math.min(left, pause * (0.5 + Math.random() / 2)))
    }
  }
}

function connectPrisma(url: string): SqlDriverAdapterFactory {
  const factory = (timeout: number) => new PrismaBetterSqlite3({ url, timeout }, { timestampFormat: 'unixepoch-ms' })
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    // Opened at the first query, with the busy timeout of the mode configured by then.
    connect: () => {
      sqliteFilePath(url) // a URL that is not a SQLite file is refused at the first query, with the reason (PostgreSQL's goes to its own client)
      prismaConnectedAs = settings.waitForLocks
      return factory(writeBusyTimeout()).connect()
    },
  }
}

/** A Prisma client whose every operation is retried while busy (one statement, or Prisma's own transaction for it, rolled back). */
export function createPrismaClient(url: string = databaseUrl()) {
  if (isPostgresUrl(url)) {
    // PostgreSQL's client (decision 022): generated from prisma/postgresql/schema.prisma, the same
    // models and fields, so it stands in for SQLite's. No busy retries: PostgreSQL's writers wait
    // for row locks themselves.
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as ReturnType<typeof createSqlitePrismaClient>
  }
  return createSqlitePrismaClient(url)
}

function createSqlitePrismaClient(url: string) {
  return new PrismaClient({ adapter: connectPrisma(url) }).$extends({
    name: 'retry-while-busy',
    query: { $allOperations: ({ args, query }) => retryWhileBusy(() => query(args)) },
  })
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>

const globalForPrisma = globalThis as { __trafficPrisma?: AppPrismaClient }

/** Shared across module reloads in development so connections are not leaked. */
export const prisma: AppPrismaClient = (globalForPrisma.__trafficPrisma ??= createPrismaClient())

/** A connection for writing: foreign keys on, this process's busy timeout (none on the web server). */
export function openDatabase(url: string = databaseUrl()): Database.Database {
  const db = new Database(sqliteFilePath(url), { timeout: writeBusyTimeout() })
  try {
    db.pragma('foreign_keys = ON')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

let reader: { url: string; db: Database.Database } | undefined

function closeReader() {
  reader?.db.close()
  reader = undefined
}

/**
 * A shared read-only connection for large aggregate reads (a year of 15-minute rows): Prisma's
 * raw queries cost ~10× more per row. Plain reads of settings and small sets go through Prisma.
 */
export function readDatabase(url: string = databaseUrl()): Database.Database {
  if (reader?.url !== url) {
    closeReader()
    const timeout = settings.waitForLocks === 'block' ? BLOCKING_WAIT_MS : SERVER_READ_WAIT_MS
    reader = { url, db: new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true, timeout }) }
  }
  return reader.db
}
