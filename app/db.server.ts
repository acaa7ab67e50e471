// The one Prisma client, on the better-sqlite3 driver adapter (no native Prisma engine).
// Instants are stored as integer epoch milliseconds (`unixepoch-ms`) so SQL can bucket them.
// Bulk and multi-step writes (imports, demo data, re-aggregation) go through
// `withSqliteTransaction`: a prepared statement in one transaction is ~30× faster than createMany
// (docs/decisions/001-data-layer.md).
import Database from 'better-sqlite3'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from './generated/prisma/client.ts'
import { databaseUrl, sqliteFilePath } from './db/url.server.ts'

/** Wait this long for another connection's write lock instead of failing at once. */
const BUSY_TIMEOUT_MS = 10_000

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS }, { timestampFormat: 'unixepoch-ms' })
  return new PrismaClient({ adapter })
}

const globalForPrisma = globalThis as { __trafficPrisma?: PrismaClient }

/** Shared across module reloads in development so connections are not leaked. */
export const prisma: PrismaClient = (globalForPrisma.__trafficPrisma ??= createPrismaClient())

/**
 * Runs `work` inside one write transaction (BEGIN IMMEDIATE: the write lock is taken up front, so
 * what it reads stays true until it commits) on a dedicated better-sqlite3 connection to the same
 * file: all of it is written or none of it. Plain reads go through Prisma.
 */
export function withSqliteTransaction<T>(work: (db: Database.Database) => T, url: string = databaseUrl()): T {
  const db = new Database(sqliteFilePath(url), { timeout: BUSY_TIMEOUT_MS })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    return db.transaction(work).immediate(db)
  } finally {
    db.close()
  }
}

let reader: { url: string; db: Database.Database } | undefined

/**
 * A shared read-only connection for large aggregate reads (a year of 15-minute rows): Prisma's
 * raw queries cost ~10× more per row. Plain reads of settings and small sets go through Prisma.
 */
export function readDatabase(url: string = databaseUrl()): Database.Database {
  if (reader?.url !== url) {
    reader?.db.close()
    const db = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
    reader = { url, db }
  }
  return reader.db
}
