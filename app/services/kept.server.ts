// Results kept until the database changes. SQLite's data_version, read on the app's read-only
// connection, moves whenever another connection commits — imports, settings, overrides, demo
// loads, schedules — so a kept result is never stale, only recomputed more often than needed.
import { readDatabase } from '../db.server.ts'
import { databaseUrl, isPostgresUrl } from '../db/url.server.ts'

const kept = new Map<string, { version: number; value: unknown }>()
const MAX_KEPT = 64

/** `compute()`'s result for `key`, computed again only after a write (a rejected promise is not kept). */
export function keptWhileUnchanged<T>(key: string, compute: () => T): T {
  // PostgreSQL has no data_version: until a change version kept by the writes exists (decision
  // 022), every read computes afresh — never stale, only slower.
  if (isPostgresUrl(databaseUrl())) return compute()
  const version = readDatabase().pragma('data_version', { simple: true }) as number
  // Versions count per connection: another database file (tests) must not match.
  key = `${databaseUrl()}|${key}`
  const entry = kept.get(key)
  if (entry?.version === version) return entry.value as T
  const value = compute()
  kept.delete(key)
  kept.set(key, { version, value })
  if (value instanceof Promise) value.catch(() => kept.get(key)?.value === value && kept.delete(key))
  // Oldest first: Map keeps insertion order, and a hit is not re-inserted (cheap, good enough).
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!)
  return value
}
