// Results kept until the data they are made of changes, in each app process.
// - SQLite: the file's data_version, read on the app's read-only connection, moves whenever another
//   connection commits (imports, settings, overrides, demo loads, schedules; sessions and audit
//   too, which issue 20 narrows).
// - PostgreSQL: the DataVersion rows, bumped by triggers in the very transaction that changes a
//   kind of data (decision 022), so every app process sees a change when it commits; sessions,
//   audit and jobs bump nothing.
// The version is read before computing: a write committed meanwhile makes the next read compute
// again, so a kept result is never stale, only recomputed more often than needed.
import { readDatabase } from '../db.server.ts'
import { queries, sql } from '../db/queries.server.ts'
import { databaseUrl, isPostgresUrl } from '../db/url.server.ts'

const kept = new Map<string, { version: number | string; value: Promise<unknown> }>()
const MAX_KEPT = 64

/** The database's change version: equal while nothing a kept view reads has changed. */
export async function changeVersion(url: string = databaseUrl()): Promise<number | string> {
  if (!isPostgresUrl(url)) return readDatabase(url).pragma('data_version', { simple: true }) as number
  const q = queries(url)
  const rows = await q.arrays(sql`SELECT "kind", "version" FROM "DataVersion" ORDER BY "kind"`)
  return rows.map(([kind, version]) => `${kind}:${version}`).join(',')
}

/** `compute()`'s result for `key`, computed again only after a write (a rejected promise is not kept). */
export async function keptWhileUnchanged<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const url = databaseUrl()
  const version = await changeVersion(url)
  // Versions count per database (and, on SQLite, per connection): another database must not match.
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
