// PostgreSQL's migrations (issue 18, decision 022): prisma/postgresql/migrations, written beside
// SQLite's by `npm run db:migration` from the PostgreSQL schema (scripts/postgres-schema.mjs), and
// applied by the same Wasm schema engine through Prisma's pg driver adapter, recorded in
// `_prisma_migrations` as `prisma migrate deploy` records them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQuery, type SqlResultSet } from '@prisma/driver-adapter-utils'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'
import { noFilters, readMigrationsList, withSchemaEngine } from '../db/schema-engine.server.ts'

const root = path.resolve(import.meta.dirname, '../..')
export const postgresSchemaPath = path.join(root, 'prisma', 'postgresql', 'schema.prisma')
export const postgresMigrationsDir = path.join(root, 'prisma', 'postgresql', 'migrations')

function withPostgresEngine<T>(url: string | null, schema: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const pool = url === null ? null : new pg.Pool({ connectionString: url, max: 1 })
  const factory = pool === null ? offline : new PrismaPg(pool)
  // The pool is ended here, once the engine is done with every connection it made (its idle
  // timer would otherwise keep a command-line process alive for 10 s).
  return withSchemaEngine(
    postgresSchemaPath,
    schema,
    (opened) => ({
      provider: factory.provider,
      adapterName: factory.adapterName,
      async connect() {
        const adapter = await factory.connect()
        opened.push(adapter)
        // The adapter runs a migration's script split at every ";", which cuts a function's body
        // (the DataVersion triggers'). PostgreSQL takes the whole script in one simple query, as
        // one implicit transaction: a migration is applied whole or not at all.
        if (pool) adapter.executeScript = async (script) => void (await pool.query(script))
        return adapter
      },
      async connectToShadowDb() {
        throw new Error('no shadow database: PostgreSQL migrations are checked against a database built from the schema (decision 022)')
      },
    }),
    fn,
  ).finally(() => pool?.end())
}

/**
 * A connection for work that reads no database (a schema-to-schema diff). The engine still probes
 * the server when it starts (schema present? version?): the probe is answered as a PostgreSQL 15
 * server would, and any other query is refused, so a diff that needed a database says so.
 */
const offline = {
  provider: 'postgres' as const,
  adapterName: 'offline',
  async connect(): Promise<SqlDriverAdapter> {
    const refuse = async (query: SqlQuery): Promise<never> => {
      throw new Error(`a schema-to-schema diff reads no database (it asked: ${query.sql})`)
    }
    const queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
      if (!/^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(query.sql)) return refuse(query)
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 15', 150000]],
      }
    }
    return { provider: 'postgres', adapterName: 'offline', queryRaw, executeRaw: refuse, executeScript: async () => refuse({ sql: 'script', args: [], argTypes: [] }), startTransaction: async () => refuse({ sql: 'BEGIN', args: [], argTypes: [] }), dispose: async () => {} }
  },
}

/** Applies prisma/postgresql/migrations' pending migrations to the database; the names applied. */
export function applyPostgresMigrations(url: string, dir: string = postgresMigrationsDir): Promise<string[]> {
  return withPostgresEngine(url, readFileSync(postgresSchemaPath, 'utf8'), async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: readMigrationsList(dir), filters: noFilters })
    return output.appliedMigrationNames
  })
}

/**
 * The SQL that turns a database of one PostgreSQL schema (null: an empty database) into one of
 * another, from the two texts alone: no database is read.
 */
export function diffPostgresSchemas(from: string | null, to: string): Promise<string> {
  return withPostgresEngine(null, to, async (engine) => {
    const files = (content: string) => [{ path: postgresSchemaPath, content }]
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: files(from) },
      to: { tag: 'schemaDatamodel', files: files(to) },
      script: true,
      exitCode: null,
      filters: noFilters,
    })
    return result.stdout ?? ''
  })
}
