// The migration that added the measure weights (decision 007) to a database that already held
// history: exact weights where a bucket holds contacts; for imported statistics (absent columns
// stored as 0 before) a measure only where the row shows it was given.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { applyMigrations, migrationsDir } from '../../app/services/migrations.server.ts'

const WEIGHTS = '20261207103142_interval_measure_weights'
const dir = mkdtempSync(path.join(tmpdir(), 'traffic-weights-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('migration interval_measure_weights', () => {
  it('backfills the weights of existing intervals and their hours', async () => {
    const folder = path.join(dir, 'migrations')
    // The migrations before this one (later ones, from other work, come after it anyway).
    const before = (source: string) => {
      const name = path.relative(migrationsDir, source).split(path.sep)[0]!
      return name === '' || !/^\d{14}_/.test(name) || name < WEIGHTS
    }
    cpSync(migrationsDir, folder, { recursive: true, filter: before })
    const file = path.join(dir, 'before.db')
    await applyMigrations(`file:${file}`, folder)
    const db = new Database(file)
    const at = (time: string) => Date.parse(`2026-11-20T${time}:00Z`)
    db.prepare("INSERT INTO Channel (id, key, name) VALUES (1, 'voz', 'Voz')").run()
    // 08:00: two contacts (one answered after 10 s in 300 s, one abandoned after 30 s), aggregated.
    db.prepare(
      "INSERT INTO Contact (channelId, externalId, arrivedAt, outcome, waitSec, handleSec) VALUES (1, 'A', ?, 'answered', 10, 300), (1, 'B', ?, 'abandoned', 30, 0)",
    ).run(at('08:00'), at('08:01'))
    const stat = db.prepare(
      `INSERT INTO IntervalStat (channelId, start, offered, answered, abandoned, answeredWithinThreshold, abandonedWithinThreshold,
         handleSecSum, answeredWaitSecSum, abandonedWaitSecSum) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    stat.run(at('08:00'), 2, 1, 1, 1, 0, 300, 10, 30)
    // Imported statistics: 09:00 volume only; 10:00 every count and a TMA, no TME; 10:15 all
    // answered, abandoned left out (none possible).
    stat.run(at('09:00'), 50, 0, 0, 0, 0, 0, 0, 0)
    stat.run(at('10:00'), 40, 38, 2, 30, 0, 38 * 250, 0, 0)
    stat.run(at('10:15'), 10, 10, 0, 9, 0, 10 * 200, 10 * 5, 0)
    db.close()

    cpSync(path.join(migrationsDir, WEIGHTS), path.join(folder, WEIGHTS), { recursive: true })
    expect(await applyMigrations(`file:${file}`, folder)).toEqual([WEIGHTS])
    const after = new Database(file, { readonly: true })
    const columns = `start, answeredOffered, abandonedOffered, slEligible, ahtAnswered, asaAnswered, abandonedWaitSecSum`
    const rows = after.prepare(`SELECT ${columns} FROM IntervalStat ORDER BY start`).all() as Array<Record<string, unknown>>
    const hours = after.prepare(`SELECT ${columns}, offered, handleSecSum FROM HourStat ORDER BY start`).all()
    after.close()
    expect(rows).toEqual([
      { start: at('08:00'), answeredOffered: 2, abandonedOffered: 2, slEligible: 2, ahtAnswered: 1, asaAnswered: 1, abandonedWaitSecSum: 30 },
      { start: at('09:00'), answeredOffered: 0, abandonedOffered: 0, slEligible: 0, ahtAnswered: 0, asaAnswered: 0, abandonedWaitSecSum: null },
      { start: at('10:00'), answeredOffered: 40, abandonedOffered: 40, slEligible: 40, ahtAnswered: 38, asaAnswered: 0, abandonedWaitSecSum: null },
      { start: at('10:15'), answeredOffered: 10, abandonedOffered: 10, slEligible: 10, ahtAnswered: 10, asaAnswered: 10, abandonedWaitSecSum: null },
    ])
    // The roll-up is rebuilt from them.
    expect(hours).toEqual([
      { ...rows[0], offered: 2, handleSecSum: 300 },
      { ...rows[1], offered: 50, handleSecSum: 0 },
      {
        start: at('10:00'),
        answeredOffered: 50,
        abandonedOffered: 50,
        slEligible: 50,
        ahtAnswered: 48,
        asaAnswered: 10,
        abandonedWaitSecSum: null,
        offered: 50,
        handleSecSum: 38 * 250 + 10 * 200,
      },
    ])
  })
})
