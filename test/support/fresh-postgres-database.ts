// PostgreSQL integration tests: each test file gets a database of its own on TEST_POSTGRES_URL,
// named in DATABASE_URL before any module opens a connection (db.server.ts reads it on import) and
// migrated by the app's own code, as fresh-database.ts does for SQLite.
import { afterAll, beforeAll } from 'vitest'
import { freshPostgresDatabase } from './postgres.ts'

process.env.DATABASE_URL = freshPostgresDatabase('app')

beforeAll(async () => {
  const { applyMigrations } = await import('../../app/services/migrations.server.ts')
  await applyMigrations(process.env.DATABASE_URL!)
})

afterAll(async () => {
  const { closeQueries } = await import('../../app/db/queries.server.ts')
  const { prisma } = await import('../../app/db.server.ts')
  await closeQueries()
  await prisma.$disconnect()
})
