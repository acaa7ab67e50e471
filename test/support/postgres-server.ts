// PostgreSQL for tests, without vitest (the browser tests' app starter and the benches use it too):
// the server is TEST_POSTGRES_URL (`npm run test:postgres` and .ci/run start a throwaway one with
// scripts/postgres-cluster.mjs); databases are created on it and dropped.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * Whether this run's integration tests are on PostgreSQL (TEST_DATABASE=postgres): a test that is
 * about SQLite alone (its lock, its files) is skipped with `describe.skipIf(onPostgres)`.
 */
export const onPostgres = process.env.TEST_DATABASE === 'postgres'

/** The test server's URL, or null when the PostgreSQL tests are not to run. */
export function postgresUrl(): string | null {
  return process.env.TEST_POSTGRES_URL || null
}

/** Creates a new database on the test server now (an app started by a browser test); its URL. */
export async function createPostgresDatabase(prefix = 'test'): Promise<string> {
  const { name, url } = newDatabaseName(prefix)
  await onServer(`CREATE DATABASE ${name}`)
  return url
}

/** Drops a database createPostgresDatabase made, closing any connection left open. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a test database: ${url}`)
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

export function newDatabaseName(prefix: string): { name: string; url: string } {
  const server = postgresUrl()
  if (!server) {
    throw new Error(
      'TEST_POSTGRES_URL is not set: run `npm run test:postgres`, which starts a throwaway PostgreSQL cluster',
    )
  }
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`Database prefix ${prefix} is not a plain lower-case name`)
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
  const url = new URL(server)
  url.pathname = `/${name}`
  return { name, url: url.toString() }
}

export async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl()! })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
