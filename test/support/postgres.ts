// PostgreSQL for tests: each test file takes a database of its own on TEST_POSTGRES_URL
// (postgres-server.ts), so files run in parallel and leave nothing behind.
import { afterAll, beforeAll } from 'vitest'
import { newDatabaseName, onServer } from './postgres-server.ts'

export { createPostgresDatabase, dropPostgresDatabase, onPostgres, postgresUrl } from './postgres-server.ts'

/**
 * Names a new database on the test server, created before the file's tests (beforeAll) and
 * dropped after them (afterAll, closing any connection left open), and returns its URL. Call it
 * while tests are collected: at the top of a test or setup file, or in a describe.
 */
export function freshPostgresDatabase(prefix = 'test'): string {
  const { name, url } = newDatabaseName(prefix)
  beforeAll(() => onServer(`CREATE DATABASE ${name}`))
  afterAll(() => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  return url
}
