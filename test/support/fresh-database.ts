// Integration tests: each test file gets its own database, migrated by the same code as the app,
// before any module opens it (db.server.ts reads DATABASE_URL on import). A SQLite file by default;
// with TEST_DATABASE=postgres, a database of its own on TEST_POSTGRES_URL (the same suite on
// PostgreSQL, issue 18; `npm run test:postgres` runs it so).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { freshPostgresDatabase, onPostgres } from './postgres.ts'

const dir = onPostgres ? null : mkdtempSync(path.join(tmpdir(), 'traffic-test-'))
process.env.DATABASE_URL = dir ? `file:${path.join(dir, 'test.db')}` : freshPostgresDatabase('app')

beforeAll(async () => {
  const { applyMigrations } = await import('../../app/services/migrations.server.ts')
  await applyMigrations(process.env.DATABASE_URL!)
})

afterAll(async () => {
  const { closeQueries } = await import('../../app/db/queries.server.ts')
  const { prisma } = await import('../../app/db.server.ts')
  await closeQueries()
  await prisma.$disconnect()
  if (dir) rmSync(dir, { recursive: true, force: true })
})
