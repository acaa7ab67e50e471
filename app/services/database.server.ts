// Start-up of the data layer: migrate, then (for the app only) load demo data into an empty
// database. The CLI migrates but never seeds: a scratch database stays empty until an import.
import { databaseUrl } from '../db/url.server.ts'
import { localDateOf } from '../domain/intervals.ts'
import { applyMigrations } from './migrations.server.ts'
import { defaultTimeZone, loadDemoData, type DemoLoadSummary } from './demo.server.ts'
import { withSqliteTransaction } from '../db.server.ts'

export interface PrepareResult {
  appliedMigrations: string[]
  demo: DemoLoadSummary | null
}

export function isDatabaseEmpty(): boolean {
  return withSqliteTransaction((db) => {
    const row = db.prepare('SELECT (SELECT COUNT(*) FROM Operation) + (SELECT COUNT(*) FROM Channel) AS n').get() as {
      n: number
    }
    return row.n === 0
  })
}

export async function prepareDatabase({
  seedDemo,
  now = new Date(),
}: {
  seedDemo: boolean
  now?: Date
}): Promise<PrepareResult> {
  const appliedMigrations = await applyMigrations(databaseUrl())
  let demo: DemoLoadSummary | null = null
  if (seedDemo && isDatabaseEmpty()) {
    demo = loadDemoData({ today: localDateOf(now.getTime(), defaultTimeZone), timeZone: defaultTimeZone })
  }
  return { appliedMigrations, demo }
}
