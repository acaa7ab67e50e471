// Writes through withWrite (decision 022). On SQLite, a transaction that spans awaits holds the write lock until it
// commits, so another writer waits for it (and sees its result), and a failure rolls all of it back.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { rows, sql, withWrite } from '../../app/db/queries.server.ts'
import { onPostgres } from '../support/postgres.ts'

beforeAll(async () => {
  await prisma.channel.create({ data: { key: 'voz', name: 'Voz', efficiency: 0.8 } })
})

describe.skipIf(onPostgres)('withWrite on SQLite', () => {
  it('holds the write lock across awaits: a second writer waits, then sees the first one committed', async () => {
    const channel = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' } })
    await prisma.channel.update({ where: { id: channel.id }, data: { efficiency: 1 } })
    let release!: () => void
    const paused = new Promise<void>((resolve) => (release = resolve))
    const order: string[] = []
    const first = withWrite(async (writer) => {
      await writer.run(sql`UPDATE "Channel" SET "efficiency" = 0.8 WHERE "id" = ${channel.id}`)
      await paused
      order.push('first commits')
    })
    // Give the first its lock, then start a second writer that must wait for it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const second = withWrite(async (writer) => {
      order.push('second runs')
      return (await rows<{ efficiency: number }>(sql`SELECT "efficiency" FROM "Channel" WHERE "id" = ${channel.id}`, writer))[0]!.efficiency
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(order).toEqual([])
    release()
    await first
    expect(await second).toBe(0.8)
    expect(order).toEqual(['first commits', 'second runs'])
  })
})

describe('withWrite', () => {
  it('rolls everything back when the work throws', async () => {
    const channel = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' } })
    await expect(
      withWrite(async (writer) => {
        await writer.run(sql`UPDATE "Channel" SET "efficiency" = 0.5 WHERE "id" = ${channel.id}`)
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect((await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } })).efficiency).toBe(0.8)
  })
})

describe('inserting many rows', () => {
  it('crosses every kind of column, honours the suffix and counts what it inserted, in chunks', async () => {
    const channel = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' } })
    const arrivedAt = Date.parse('2026-11-02T12:00:00.123Z')
    // 20,001 rows: one more than a PostgreSQL chunk, so the second statement is exercised.
    const contacts = Array.from({ length: 20_001 }, (_, i) => [channel.id, `c${i}`, arrivedAt + i * 1000, i % 3 === 0 ? 'abandoned' : 'answered', 12.5, 300, i % 2 === 0, i % 7 === 0 ? null : 9])
    const columns = { channelId: 'int', externalId: 'text', arrivedAt: 'instant', outcome: 'text', waitSec: 'float', handleSec: 'float', fcr: 'bool', nps: 'int' } as const
    expect(await withWrite((writer) => writer.insertRows('Contact', columns, contacts))).toBe(20_001)
    // The same rows again and one new: only the new one goes in.
    const again = [...contacts.slice(0, 3), [channel.id, 'new', arrivedAt, 'answered', 1, 2, null, null]]
    expect(await withWrite((writer) => writer.insertRows('Contact', columns, again, 'ON CONFLICT ("channelId", "externalId") DO NOTHING'))).toBe(1)

    const first = await prisma.contact.findFirstOrThrow({ where: { externalId: 'c0' } })
    expect(first).toMatchObject({ outcome: 'abandoned', waitSec: 12.5, handleSec: 300, fcr: true, nps: null })
    expect(first.arrivedAt.toISOString()).toBe('2026-11-02T12:00:00.123Z')
    const last = await prisma.contact.findFirstOrThrow({ where: { externalId: 'c20000' } })
    expect(last).toMatchObject({ fcr: true, nps: 9 })
    expect(last.arrivedAt.getTime()).toBe(arrivedAt + 20_000_000)
    expect(await prisma.contact.count({ where: { fcr: null } })).toBe(1)
  })
})

describe('updating many rows', () => {
  it('sets the columns of the rows its keys find, instants and booleans included, and counts them', async () => {
    const channel = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' } })
    const at = (i: number) => Date.parse('2026-11-02T12:00:00.123Z') + i * 1000
    const updates = Array.from({ length: 20_001 }, (_, i) => [channel.id, `c${i}`, at(i) + 500, i % 2 === 1, 42])
    updates.push([channel.id, 'no such contact', at(0), true, 1])
    const changed = await withWrite((writer) =>
      writer.updateRows('Contact', { channelId: 'int', externalId: 'text' }, { arrivedAt: 'instant', fcr: 'bool', handleSec: 'float' }, updates),
    )
    expect(changed).toBe(20_001)
    const first = await prisma.contact.findFirstOrThrow({ where: { externalId: 'c0' } })
    expect(first).toMatchObject({ fcr: false, handleSec: 42 })
    expect(first.arrivedAt.toISOString()).toBe('2026-11-02T12:00:00.623Z')
    expect(await prisma.contact.count({ where: { handleSec: 42 } })).toBe(20_001)
    expect((await prisma.contact.findFirstOrThrow({ where: { externalId: 'new' } })).handleSec).toBe(2)
  })
})
