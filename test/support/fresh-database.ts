// Integration tests: each test file gets its own SQLite file, migrated by the same code as the
// app, before any module opens the database (db.server.ts reads DATABASE_URL on import).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'

const dir = mkdtempSync(path.join(tmpdir(), 'traffic-test-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`

beforeAll(async () => {
  const { applyMigrations } = await import('../../app/services/migrations.server.ts')
  await applyMigrations(process.env.DATABASE_URL!)
})

afterAll(async () => {
  const { prisma } = await import('../../app/db.server.ts')
  await prisma.$disconnect()
  rmSync(dir, { recursive: true, force: true })
})
