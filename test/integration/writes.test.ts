// withWrite on SQLite (decision 022): a transaction that spans awaits holds the write lock until it
// commits, so another writer waits for it (and sees its result), and a failure rolls all of it back.
import { describe, expect, it } from 'vitest'
import { prisma, withWriteTransaction } from '../../app/db.server.ts'
import { sql, withWrite } from '../../app/db/queries.server.ts'

describe('withWrite on SQLite', () => {
  it('holds the write lock across awaits: a second writer waits, then sees the first one committed', async () => {
    const channel = await prisma.channel.create({ data: { key: 'voz', name: 'Voz' } })
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
    const second = withWriteTransaction((db) => {
      order.push('second runs')
      return (db.prepare('SELECT efficiency FROM Channel WHERE id = ?').get(channel.id) as { efficiency: number }).efficiency
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(order).toEqual([])
    release()
    await first
    expect(await second).toBe(0.8)
    expect(order).toEqual(['first commits', 'second runs'])
  })

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
