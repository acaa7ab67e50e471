// PostgreSQL for tests: the server is TEST_POSTGRES_URL (`npm run test:postgres` and .ci/run
// start a throwaway one with scripts/postgres-cluster.mjs); each test file takes a database of
// its own on it, so files run in parallel and leave nothing behind.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

/**
 * Whether this run's integration tests are on PostgreSQL (TEST_DATABASE=postgres): a test that is
 * about SQLite alone (its lock, its files) is skipped with `describe.skipIf(onPostgres)`.
 */
export const onPostgres = process.env.TEST_DATABASE === 'postgres'

/** The test server's URL, or null when the PostgreSQL tests are not to run. */
export function postgresUrl(): string | null {
  return process.env.TEST_POSTGRES_URL || null
}

/**
 * Names a new database on the test server, created before the file's tests (beforeAll) and
 * dropped after them (afterAll, closing any connection left open), and returns its URL. Call it
 * while tests are collected: at the top of a test or setup file, or in a describe.
 */
export function freshPostgresDatabase(prefix = 'test'): string {
  const server = postgresUrl()
  if (!server) {
    throw new Error(
      'TEST_POSTGRES_URL is not set: run `npm run test:postgres`, which starts a throwaway PostgreSQL cluster',
    )
  }
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`Database prefix ${prefix} is not a plain lower-case name`)
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
  beforeAll(() => onServer(server, `CREATE DATABASE ${name}`))
  afterAll(() => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
