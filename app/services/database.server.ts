// Start-up of the data layer: migrate, then (for the app only) load demo data into an empty
// database. The CLI migrates but never seeds: a scratch database stays empty until an import.
import { whileHolding } from '../db/queries.server.ts'
import { databaseUrl } from '../db/url.server.ts'
import { todayIn } from './clock.server.ts'
import { applyMigrations } from './migrations.server.ts'
import { defaultTimeZone, loadDemoData, type DemoLoadSummary } from './demo.server.ts'
import { prisma } from '../db.server.ts'

export interface PrepareResult {
  appliedMigrations: string[]
  demo: DemoLoadSummary | null
}

export async function isDatabaseEmpty(): Promise<boolean> {
  const [operations, channels] = await Promise.all([prisma.operation.count(), prisma.channel.count()])
  return operations + channels === 0
}

export async function prepareDatabase({
  seedDemo,
  today,
}: {
  seedDemo: boolean
  /** The demo's history ends the day before (default: today in the demo's time zone). */
  today?: string
}): Promise<PrepareResult> {
  // Two app processes started together on one PostgreSQL database: one prepares it, the other waits.
  return whileHolding('prepare-database', async () => {
    const appliedMigrations = await applyMigrations(databaseUrl())
    let demo: DemoLoadSummary | null = null
    if (seedDemo && (await isDatabaseEmpty())) {
      demo = await loadDemoData({ today: today ?? todayIn(defaultTimeZone), timeZone: defaultTimeZone })
    }
    return { appliedMigrations, demo }
  })
}
