// The model check's history on PostgreSQL (issue 18): the simulated voice channel's contacts written
// through PostgreSQL's Prisma client and read back through app/db/queries.server.ts — counts
// recounted from the contacts at a threshold, distinct named agents per hour without the
// operation's placeholder names (a JSON list, read with json_array_elements_text), and the waits.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { applyCalibration, calibrateHistory, readCheckHistory } from '../../app/services/model-check.server.ts'
import { simulateCalls } from '../support/simulated-calls.ts'

const simulation = simulateCalls({ channel: 'voz', efficiency: 0.75, patienceSec: 120, ahtSec: 180, firstDay: '2026-03-02', days: 5, hours: [9, 19], seed: 17 })
const hourly = { channel: 'voz', fromMs: Date.parse('2026-03-02T03:00:00Z'), toMs: Date.parse('2026-03-07T03:00:00Z'), timeZone: 'America/Sao_Paulo', intervalSec: 3600 as const, thresholdSec: 30 }

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'Operação', timeZone: 'America/Sao_Paulo', agentPlaceholders: '["NO_SERVER","ag-1"]' } })
  const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz', staffingModel: 'erlangA', patienceSec: 150 } })
  await prisma.contact.createMany({
    data: simulation.contacts.map((c, i) => ({
      channelId: voz.id,
      externalId: String(i + 1),
      arrivedAt: new Date(c.arrivedAt),
      outcome: c.answered ? 'answered' : 'abandoned',
      waitSec: c.waitSec,
      handleSec: c.handleSec,
      agent: c.agent,
    })),
  })
}, 120_000)

describe('the model check’s history on PostgreSQL', () => {
  it('recounts the contacts per hour, counts distinct named agents without placeholders, and reads the waits', async () => {
    const history = await readCheckHistory(hourly)
    expect(history.intervals).toHaveLength(50)
    expect(history.intervals.reduce((s, i) => s + i.offered, 0)).toBe(simulation.contacts.length)
    const within = simulation.contacts.filter((c) => c.answered && c.waitSec <= 30).length
    expect(history.intervals.reduce((s, i) => s + (i.answeredWithinThreshold ?? 0), 0)).toBe(within)
    // Distinct agents per hour, ag-1 left out as a placeholder, counted here from the simulation.
    const agents = new Map<number, Set<string>>()
    for (const c of simulation.contacts) {
      if (!c.agent || c.agent === 'ag-1') continue
      const hour = c.arrivedAt - (c.arrivedAt % 3_600_000)
      agents.set(hour, (agents.get(hour) ?? new Set()).add(c.agent))
    }
    for (const interval of history.intervals) {
      expect(interval.agentsOnDuty).toBe(agents.get(interval.start)!.size)
      expect(interval.agentsFrom).toBe('contacts')
    }
    expect(history.waits!.answered.length + history.waits!.abandoned.length).toBe(simulation.contacts.length)
    expect(calibrateHistory(history)!.intervals).toBe(50)
  })

  it('applies a calibration in one transaction with its audit row, and nothing twice', async () => {
    const voz = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' }, select: { id: true } })
    const saved = await applyCalibration({ id: null, email: 'test' }, voz.id, { efficiency: 0.7912, patienceSec: 121 }, { from: '2026-03-02' })
    expect(saved.changes).toEqual({ before: { efficiency: 1, patienceSec: 150 }, after: { efficiency: 0.791, patienceSec: 121 } })
    expect(await prisma.channel.findUniqueOrThrow({ where: { id: voz.id }, select: { efficiency: true, patienceSec: true } })).toEqual({ efficiency: 0.791, patienceSec: 121 })
    expect((await applyCalibration({ id: null, email: 'test' }, voz.id, { efficiency: 0.791, patienceSec: 121 }, {})).changes).toBeNull()
    const audit = await prisma.auditEvent.findMany({ where: { action: 'model.calibrate' }, select: { actor: true, target: true, details: true, at: true } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'test', target: `channel:${voz.id}` })
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ after: { efficiency: 0.791 }, from: '2026-03-02' })
    expect(Math.abs(audit[0]!.at.getTime() - Date.now())).toBeLessThan(60_000)
    // A deferred or unknown channel: nothing found, nothing written.
    expect(await applyCalibration({ id: null, email: 'test' }, 999, { efficiency: 0.5, patienceSec: null }, {})).toEqual({ found: false, changes: null })
  })

  it('rolls the whole transaction back when the work fails', async () => {
    const { withWrite, sql } = await import('../../app/db/queries.server.ts')
    const voz = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' }, select: { id: true, efficiency: true } })
    await expect(
      withWrite(async (writer) => {
        await writer.run(sql`UPDATE "Channel" SET "efficiency" = 0.5 WHERE "id" = ${voz.id}`)
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect((await prisma.channel.findUniqueOrThrow({ where: { id: voz.id }, select: { efficiency: true } })).efficiency).toBe(voz.efficiency)
  })
})
