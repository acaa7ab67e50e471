// Kept views on both databases (decisions 013 and 022): the DataVersion rows move in the
// transaction that changes a kind of data, visible to every connection when it commits; sessions,
// login failures and audit move nothing (on SQLite they used to drop every kept view); and every
// table that holds data bumps a kind (a new table without its triggers fails here).
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { changeVersion, keptWhileUnchanged } from '../../app/services/kept.server.ts'
import { onPostgres } from '../support/postgres.ts'

/** Tables whose writes must not throw kept views away. */
const NO_KIND = ['AppSecret', 'AuditEvent', 'DataVersion', 'Job', 'LoginFailure', 'Session', 'User', '_prisma_migrations']

/** Statements on a connection of another process's kind: its own, committing on its own. */
interface Other {
  run: (text: string) => Promise<void>
  all: (text: string) => Promise<Array<Record<string, unknown>>>
}

async function otherConnection<T>(work: (other: Other) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL!
  if (onPostgres) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await work({ run: async (text) => void (await client.query(text)), all: async (text) => (await client.query(text)).rows })
    } finally {
      await client.end()
    }
  }
  const db = new Database(url.replace(/^file:/, ''))
  try {
    return await work({ run: async (text) => void db.exec(text), all: async (text) => db.prepare(text).all() as Array<Record<string, unknown>> })
  } finally {
    db.close()
  }
}

describe('the change version', () => {
  it('has triggers on every table of data, and none on sessions, audit, users or jobs', async () => {
    const [tables, triggered] = await otherConnection(async (other) =>
      onPostgres
        ? [
            (await other.all(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.name as string),
            (await other.all(`SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%_data_version'`)).map((r) => r.name as string),
          ]
        : [
            (await other.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r) => r.name as string),
            // An insert, an update and a delete trigger each.
            (await other.all(`SELECT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_data_version_%' GROUP BY tbl_name HAVING count(*) = 3`)).map((r) => r.name as string),
          ],
    )
    expect(tables).toContain('Contact')
    expect(triggered.sort()).toEqual(tables.filter((t) => !NO_KIND.includes(t)).sort())
  })

  it('moves when another connection commits a change, not before, and not for a session, a login failure or an audit row', async () => {
    await prisma.operation.create({ data: { id: 1, name: 'Teste', timeZone: 'America/Sao_Paulo' } })
    const before = await changeVersion()
    await otherConnection(async (other) => {
      await other.run('BEGIN')
      await other.run(`INSERT INTO "Channel" ("key", "name", "sortOrder") VALUES ('voz', 'Voz', 0)`)
      expect(await changeVersion()).toBe(before) // not committed yet
      await other.run('COMMIT')
    })
    const afterChannel = await changeVersion()
    expect(afterChannel).not.toBe(before)
    expect(afterChannel).toMatch(/settings:\d+/)

    const user = await prisma.user.create({ data: { email: 'a@test.local', name: 'A', role: 'admin', passwordHash: 'x', mustChangePassword: false } })
    await prisma.session.create({ data: { id: 'abc', userId: user.id, expiresAt: new Date(Date.UTC(2030, 0, 1)) } })
    await prisma.auditEvent.create({ data: { actor: 'a@test.local', action: 'auth.login', target: 'user' } })
    await prisma.loginFailure.create({ data: { email: 'a@test.local', ip: '127.0.0.1', at: new Date(Date.UTC(2026, 0, 1)) } })
    expect(await changeVersion()).toBe(afterChannel)
  })

  it('keeps a view through sign-ins until another connection changes the data it reads', async () => {
    let computed = 0
    const channelNames = () =>
      keptWhileUnchanged('test:channels', async () => {
        computed++
        return (await prisma.channel.findMany({ select: { name: true } })).map((c) => c.name)
      })
    expect(await channelNames()).toEqual(['Voz'])
    await prisma.session.create({ data: { id: 'def', userId: (await prisma.user.findFirstOrThrow()).id, expiresAt: new Date(Date.UTC(2030, 0, 1)) } })
    expect(await channelNames()).toEqual(['Voz'])
    expect(computed).toBe(1)
    await otherConnection((other) => other.run(`UPDATE "Channel" SET "name" = 'Voz SAC'`))
    expect(await channelNames()).toEqual(['Voz SAC'])
    expect(computed).toBe(2)
  })
})
