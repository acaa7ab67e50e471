// Kept views across app processes on PostgreSQL (issue 18, decision 022): the DataVersion rows move
// in the transaction that changes a kind of data, visible when it commits; sessions and audit move
// nothing; and every table that holds data bumps a kind (a new table without a trigger fails here).
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { changeVersion, keptWhileUnchanged } from '../../app/services/kept.server.ts'

/** Tables whose writes must not throw kept views away. */
const NO_KIND = ['AppSecret', 'AuditEvent', 'DataVersion', 'Job', 'LoginFailure', 'Session', 'User', '_prisma_migrations']

/** Another app process's connection. */
async function otherProcess<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

describe('the change version on PostgreSQL', () => {
  it('has a trigger on every table of data, and none on sessions, audit, users or jobs', async () => {
    const tables = await otherProcess(async (client) =>
      (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename as string),
    )
    const triggered = await otherProcess(async (client) =>
      (await client.query(`SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%_data_version'`)).rows.map((r) => r.relname as string),
    )
    expect(tables).toContain('Contact')
    expect(triggered.sort()).toEqual(tables.filter((t) => !NO_KIND.includes(t)))
  })

  it('moves when another process commits a change, not before, and not for a session or an audit row', async () => {
    await prisma.operation.create({ data: { id: 1, name: 'Teste', timeZone: 'America/Sao_Paulo' } })
    const before = await changeVersion()
    await otherProcess(async (client) => {
      await client.query('BEGIN')
      await client.query(`INSERT INTO "Channel" ("key", "name") VALUES ('voz', 'Voz')`)
      expect(await changeVersion()).toBe(before) // not committed yet
      await client.query('COMMIT')
    })
    const afterChannel = await changeVersion()
    expect(afterChannel).not.toBe(before)
    expect(afterChannel).toMatch(/settings:\d+/)

    const user = await prisma.user.create({ data: { email: 'a@test.local', name: 'A', role: 'admin', passwordHash: 'x', mustChangePassword: false } })
    await prisma.session.create({ data: { id: 'abc', userId: user.id, expiresAt: new Date(Date.UTC(2030, 0, 1)) } })
    await prisma.auditEvent.create({ data: { actor: 'a@test.local', action: 'auth.login', target: 'user' } })
    expect(await changeVersion()).toBe(afterChannel)
  })

  it('keeps a view until another process changes the data it reads', async () => {
    let computed = 0
    const channelNames = () =>
      keptWhileUnchanged('test:channels', async () => {
        computed++
        return (await prisma.channel.findMany({ select: { name: true } })).map((c) => c.name)
      })
    expect(await channelNames()).toEqual(['Voz'])
    expect(await channelNames()).toEqual(['Voz'])
    expect(computed).toBe(1)
    await otherProcess((client) => client.query(`UPDATE "Channel" SET "name" = 'Voz SAC'`))
    expect(await channelNames()).toEqual(['Voz SAC'])
    expect(computed).toBe(2)
  })
})
