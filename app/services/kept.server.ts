// Results kept until the data they are made of changes, in each app process. The change version
// is the DataVersion rows: a row per kind of data (settings, contacts, forecasts, schedules), bumped
// by triggers in the very transaction that changes that kind — per statement on PostgreSQL
// (decision 022), per row on SQLite (an import's unchanged rows fire nothing) — so every app
// process sees a change when it commits, and sessions, audit, users and jobs move nothing.
// The version is read before computing: a write committed meanwhile makes the next read compute
// again, so a kept result is never stale, only recomputed more often than needed.
import type Database from 'better-sqlite3'
import { readDatabase } from '../db.server.ts'
import { queries, sql } from '../db/queries.server.ts'
import { databaseUrl, isPostgresUrl } from '../db/url.server.ts'

const kept = new Map<string, { version: number | string; value: Promise<unknown> }>()
const MAX_KEPT = 64

const versionsQuery = new WeakMap<Database.Database, Database.Statement>()

/** The database's change version: equal while nothing a kept view reads has changed. */
export async function changeVersion(url: string = databaseUrl()): Promise<number | string> {
  if (!isPostgresUrl(url)) {
    const db = readDatabase(url)
    let statement = versionsQuery.get(db)
    if (!statement) versionsQuery.set(db, (statement = db.prepare(`SELECT "kind", "version" FROM "DataVersion" ORDER BY "kind"`).raw()))
    return (statement.all() as Array<[string, number]>).map(([kind, version]) => `${kind}:${version}`).join(',')
  }
  const q = queries(url)
  const rows = await q.arrays(sql`SELECT "kind", "version" FROM "DataVersion" ORDER BY "kind"`)
  return rows.map(([kind, version]) => `${kind}:${version}`).join(',')
}

/** `compute()`'s result for `key`, computed again only after a write (a rejected promise is not kept). */
export async function keptWhileUnchanged<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const url = databaseUrl()
  const version = await changeVersion(url)
  // Versions count per database: another database must not match.
  key = `${url}|${key}`
  const entry = kept.get(key)
  if (entry?.version === version) return entry.value as Promise<T>
  const value = compute()
  kept.delete(key)
  kept.set(key, { version, value })
  value.catch(() => kept.get(key)?.value === value && kept.delete(key))
  // Oldest first: Map keeps insertion order, and a hit is not re-inserted (cheap, good enough).
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!)
  return value
}
