// The test server itself: a database of this file's own, on PostgreSQL 15 or later (the
// version the app supports), that keeps what is written to it.
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freshPostgresDatabase } from '../support/postgres.ts'

const url = freshPostgresDatabase('cluster')
const client = new pg.Client({ connectionString: url })

beforeAll(() => client.connect())
afterAll(() => client.end())

test('the database is new and on PostgreSQL 15 or later', async () => {
  const { rows } = await client.query<{ version: string; database: string }>(
    'SELECT version() AS version, current_database() AS database',
  )
  const major = Number(/^PostgreSQL (\d+)/.exec(rows[0]!.version)?.[1])
  expect(major).toBeGreaterThanOrEqual(15)
  expect(rows[0]!.database).toBe(new URL(url).pathname.slice(1))
  expect(rows[0]!.database).toMatch(/^cluster_\d+_[0-9a-f]{8}$/)
})

test('a row written is read back, with its UTF-8 text intact', async () => {
  await client.query('CREATE TABLE channel (key text PRIMARY KEY, name text NOT NULL, agents integer NOT NULL)')
  await client.query('INSERT INTO channel (key, name, agents) VALUES ($1, $2, $3)', ['voz', 'Voz – Atendimento', 42])
  const { rows } = await client.query('SELECT key, name, agents FROM channel')
  expect(rows).toEqual([{ key: 'voz', name: 'Voz – Atendimento', agents: 42 }])
})
