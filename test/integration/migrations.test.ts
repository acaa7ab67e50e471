import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sqliteFilePath } from '../../app/db/url.server.ts'
import { rows, sql } from '../../app/db/queries.server.ts'
import {
  applyMigrations,
  diffMigrationsToSchema,
  migrationsDir,
  readMigrationsList,
  schemaPath,
} from '../../app/services/migrations.server.ts'
import { diffPostgresSchemas, postgresMigrationsDir, postgresSchemaPath } from '../../app/services/postgres-migrations.server.ts'
import { onPostgres } from '../support/postgres.ts'

const isEmptyMigration = (sql: string) => sql.trim() === '' || sql.trim() === '-- This is an empty migration.'

describe('migrations', () => {
  it('schema.prisma and prisma/migrations agree (run `npm run db:migration -- <name>` when this fails)', async () => {
    const drift = await diffMigrationsToSchema()
    expect(isEmptyMigration(drift), `schema.prisma is ahead of the migrations:\n${drift}`).toBe(true)
  })

  it('prisma/postgresql/schema.prisma is schema.prisma for PostgreSQL, as its migrations were last written for (`npm run db:migration` keeps both)', async () => {
    const { postgresSchema } = (await import('../../scripts/postgres-schema.mjs')) as { postgresSchema: (text: string) => string }
    expect(readFileSync(postgresSchemaPath, 'utf8')).toBe(postgresSchema(readFileSync(schemaPath, 'utf8')))
    // The transform changes the provider, the client's folder and the instants' type, nothing else.
    const pg = readFileSync(postgresSchemaPath, 'utf8')
    expect(pg).toMatch(/provider = "postgresql"/)
    expect(pg.match(/@db\.Timestamptz\(3\)/g)).toHaveLength(readFileSync(schemaPath, 'utf8').match(/\bDateTime\b/g)!.length)
  })

  it('the PostgreSQL diff from no schema to the PostgreSQL schema creates every table, offline', async () => {
    const sql = await diffPostgresSchemas(null, readFileSync(postgresSchemaPath, 'utf8'))
    const tables = [...readFileSync(schemaPath, 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1])
    for (const table of tables) expect(sql).toContain(`CREATE TABLE "${table}"`)
    expect(sql).toContain('TIMESTAMPTZ(3)')
    // And from the schema to itself: nothing.
    expect(isEmptyMigration(await diffPostgresSchemas(readFileSync(postgresSchemaPath, 'utf8'), readFileSync(postgresSchemaPath, 'utf8')))).toBe(true)
  })

  it('notices when the schema drifts from the migrations', async () => {
    const drifted = `${readFileSync(schemaPath, 'utf8')}\nmodel Drift {\n  id Int @id\n}\n`
    const sql = await diffMigrationsToSchema(drifted)
    expect(sql).toMatch(/CREATE TABLE "Drift"/)
  })

  it('recorded every migration in _prisma_migrations as `prisma migrate deploy` does', async () => {
    const recorded = await rows<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number; rolled_back_at: unknown }>(
      sql`SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
    )
    const dir = onPostgres ? postgresMigrationsDir : migrationsDir
    const folders = readMigrationsList(dir).migrationDirectories.map((d) => d.path)
    expect(recorded.map((r) => r.migration_name)).toEqual(folders)
    for (const row of recorded) {
      const text = readFileSync(path.join(dir, row.migration_name, 'migration.sql'))
      expect(row.checksum).toBe(createHash('sha256').update(text).digest('hex'))
      expect(row.finished_at).not.toBeNull()
      expect(row.applied_steps_count).toBe(1)
      expect(row.rolled_back_at).toBeNull()
    }
  })

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([])
  })

  it('refuses a DATABASE_URL that is neither a SQLite file nor PostgreSQL, and says when PostgreSQL is unreachable', async () => {
    await expect(applyMigrations('mysql://localhost/db')).rejects.toThrow(/SQLite file URL .* or a PostgreSQL URL/)
    // Port 1 on the loopback: nothing listens there.
    await expect(applyMigrations('postgresql://nobody@127.0.0.1:1/db')).rejects.toThrow(/Can't reach database server at `127.0.0.1:1`/)
  })
})

describe.skipIf(onPostgres)('a SQLite file behind the migrations', () => {
  it('gets the new migration, and a clear error while another process holds it open', async () => {
    const { cpSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(path.join(tmpdir(), 'traffic-migrations-'))
    let other: Database.Database | undefined
    try {
      const folder = path.join(dir, 'migrations')
      cpSync(migrationsDir, folder, { recursive: true })
      const url = `file:${path.join(dir, 'behind.db')}`
      expect(await applyMigrations(url, folder)).toEqual(readMigrationsList().migrationDirectories.map((d) => d.path))

      mkdirSync(path.join(folder, '29990101000000_extra'))
      writeFileSync(path.join(folder, '29990101000000_extra', 'migration.sql'), 'CREATE TABLE "Extra" ("id" INTEGER NOT NULL PRIMARY KEY);\n')
      // Another process in the middle of a write: the engine gives up after SQLite's busy timeout.
      other = new Database(sqliteFilePath(url))
      other.exec('BEGIN IMMEDIATE')
      await expect(applyMigrations(url, folder)).rejects.toThrow(/in use by another process/)
      other.exec('ROLLBACK')
      other.close()
      other = undefined
      expect(await applyMigrations(url, folder)).toEqual(['29990101000000_extra'])
    } finally {
      other?.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
