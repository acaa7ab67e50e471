// PostgreSQL's migrations against its schema, on a real server (issue 18, decision 022): a
// database built by applying prisma/postgresql/migrations must equal one built straight from
// prisma/postgresql/schema.prisma, column for column and index for index. (The schema engine's own
// drift check replays migrations into a shadow database, which does not work through the pg
// adapter; comparing two real databases needs no introspection either.)
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { describe, expect, it } from 'vitest'
import { PrismaClient } from '../../app/generated/prisma-pg/client.ts'
import { applyMigrations } from '../../app/services/migrations.server.ts'
import { diffPostgresSchemas, postgresSchemaPath } from '../../app/services/postgres-migrations.server.ts'
import { freshPostgresDatabase } from '../support/postgres.ts'

const migrated = freshPostgresDatabase('migrated')
const fromSchema = freshPostgresDatabase('from_schema')

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

/** Tables, columns, constraints and indexes of the public schema, as comparable text. */
async function catalogue(url: string): Promise<string[]> {
  const columns = await query<{ line: string }>(
    url,
    `SELECT table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || datetime_precision || ')', '') || ' ' || is_nullable || ' ' || COALESCE(column_default, '') AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  )
  const constraints = await query<{ line: string }>(
    url,
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'`,
  )
  const indexes = await query<{ line: string }>(url, `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)
  return [...columns, ...constraints, ...indexes].map((r) => r.line).sort()
}

describe('PostgreSQL migrations', () => {
  it('build the same database as the schema, and apply nothing the second time', async () => {
    const applied = await applyMigrations(migrated)
    expect(applied.length).toBeGreaterThan(0)
    expect(applied[0]).toMatch(/_postgresql_init$/)
    expect(await applyMigrations(migrated)).toEqual([])

    await query(fromSchema, await diffPostgresSchemas(null, readFileSync(postgresSchemaPath, 'utf8')))
    const built = await catalogue(migrated)
    expect(built.length).toBeGreaterThan(100)
    expect(built).toEqual(await catalogue(fromSchema))

    const recorded = await query<{ migration_name: string; finished: boolean }>(
      migrated,
      'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
    )
    expect(recorded.map((r) => r.migration_name)).toEqual(applied)
    expect(recorded.every((r) => r.finished)).toBe(true)
  })

  it('give a database the PostgreSQL client reads and writes, instants to the millisecond', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: migrated }) })
    try {
      await prisma.operation.create({ data: { id: 1, name: 'Operação', timeZone: 'America/Sao_Paulo' } })
      const channel = await prisma.channel.create({ data: { key: 'voz', name: 'Voz', efficiency: 0.8 } })
      const arrivedAt = new Date('2026-03-02T12:34:56.789Z')
      await prisma.contact.create({ data: { channelId: channel.id, externalId: 'c1', arrivedAt, outcome: 'answered', waitSec: 12.5, handleSec: 300, agent: 'ana' } })
      const stored = await prisma.contact.findFirstOrThrow({ select: { arrivedAt: true, waitSec: true, channel: { select: { efficiency: true } } } })
      expect(stored).toEqual({ arrivedAt, waitSec: 12.5, channel: { efficiency: 0.8 } })
      expect(await prisma.operation.findUnique({ where: { id: 1 }, select: { agentPlaceholders: true } })).toEqual({ agentPlaceholders: '["NO_SERVER"]' })
    } finally {
      await prisma.$disconnect()
    }
  })
})
