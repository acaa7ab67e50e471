// Prisma migrations without Prisma's native binaries: the npm package
// @prisma/schema-engine-wasm is the same schema engine the CLI downloads, compiled to
// WebAssembly, and it talks to SQLite through our better-sqlite3 driver adapter.
// See docs/decisions/002-offline-migrations.md.
import { readFileSync, existsSync, mkdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import Database from 'better-sqlite3'
import path from 'node:path'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'
import { noFilters, readMigrationsList as readList, withSchemaEngine, type OpenedAdapters } from '../db/schema-engine.server.ts'
import { isPostgresUrl, sqliteFilePath } from '../db/url.server.ts'
import { applyPostgresMigrations } from './postgres-migrations.server.ts'

const require = createRequire(import.meta.url)

export const projectRoot = path.resolve(path.dirname(require.resolve('../../package.json')))
export const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma')
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations')

/**
 * The shadow database replays migration files through `executeRaw`, which better-sqlite3
 * accepts only one statement at a time: route argument-less raw SQL to `executeScript`.
 */
function migrationAwareFactory(
  url: string,
  opened: OpenedAdapters,
): SqlMigrationAwareDriverAdapterFactory {
  // Default (ISO-8601) timestamps, as the Prisma CLI writes `_prisma_migrations`.
  const factory = new PrismaBetterSqlite3({ url })
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect()
      opened.push(adapter)
      return adapter
    },
    async connectToShadowDb() {
      const shadow = await factory.connectToShadowDb()
      opened.push(shadow)
      const executeRaw = shadow.executeRaw.bind(shadow)
      shadow.executeRaw = async (query) => {
        if (query.args.length === 0) {
          await shadow.executeScript(query.sql)
          return 0
        }
        return executeRaw(query)
      }
      return shadow
    },
  }
}

function withEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  return withSchemaEngine(schemaPath, readFileSync(schemaPath, 'utf8'), (opened) => migrationAwareFactory(databaseUrl, opened), fn)
}

/** Reads prisma/migrations the way `prisma migrate deploy` does. */
export const readMigrationsList = (dir: string = migrationsDir): MigrationList => readList(dir)

/**
 * Whether every migration in the folder is recorded as applied, with the same checksum.
 * Read with a plain connection: the schema engine locks the file exclusively (as the Prisma
 * CLI does), which fails while the app holds it open, so it only runs when there is work.
 */
function isUpToDate(file: string, list: MigrationList): boolean {
  if (file === ':memory:' || !existsSync(file)) return false
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()
    if (!table) return false
    const applied = new Map(
      (
        db
          .prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
          .all() as Array<{ migration_name: string; checksum: string }>
      ).map((row) => [row.migration_name, row.checksum]),
    )
    return list.migrationDirectories.every(
      (d) => d.migrationFile.content.tag === 'ok' && applied.get(d.path) === sha256(d.migrationFile.content.value),
    )
  } finally {
    db.close()
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * Applies pending migrations to the database at `databaseUrl` (created if missing) and records
 * them in `_prisma_migrations` exactly as `prisma migrate deploy` does. Returns the names applied.
 */
export async function applyMigrations(databaseUrl: string, dir: string = migrationsDir): Promise<string[]> {
  if (isPostgresUrl(databaseUrl)) return applyPostgresMigrations(databaseUrl)
  const file = sqliteFilePath(databaseUrl)
  const list = readMigrationsList(dir)
  if (isUpToDate(file, list)) return []
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  return withEngine(databaseUrl, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: list, filters: noFilters })
    return output.appliedMigrationNames
  })
}

/**
 * SQL that would bring a database built from the migrations folder up to the schema
 * (schema.prisma unless given). Empty when they agree. Replays the migrations in an in-memory
 * shadow database; touches no real file.
 */
export async function diffMigrationsToSchema(
  schema: string = readFileSync(schemaPath, 'utf8'),
  dir: string = migrationsDir,
): Promise<string> {
  return withEngine('file::memory:', async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrationsList(dir) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    })
    return result.stdout ?? ''
  })
}
