// Rows outside the dates accepted or beyond the counts an operation can produce: the whole file is
// refused with their line numbers and nothing is written; and rows stored before imports checked
// (a contact dated 9999-12-31) no longer break the forecast. Today is given, never the calendar's.
import { Readable } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { withWrite } from '../../app/db/queries.server.ts'
import { createForecast, dataRange, getForecastView } from '../../app/services/forecast.server.ts'
import { listHistoryGaps } from '../../app/services/history-gaps.server.ts'
import { importCsv, type ImportOptions } from '../../app/services/import.server.ts'
import { importDates, importToday } from '../support/import-dates.ts'

const ZONE = 'America/Sao_Paulo'

function run(content: string, options: Partial<ImportOptions> = {}) {
  return importCsv(Readable.from([Buffer.from(content, 'utf8')]), { kind: 'contacts', timeZone: ZONE, fileName: 'bounds.csv', dates: importDates, ...options })
}

async function snapshot() {
  const [contacts, intervals, channels] = await Promise.all([
    prisma.contact.findMany({ orderBy: [{ channelId: 'asc' }, { externalId: 'asc' }] }),
    prisma.intervalStat.findMany({ orderBy: [{ channelId: 'asc' }, { start: 'asc' }] }),
    prisma.channel.findMany({ orderBy: { id: 'asc' } }),
  ])
  return { contacts, intervals, channels }
}

const lines = (errors: Array<{ line: number; reason: string }>) => errors.map((e) => `line ${e.line}: ${e.reason}`)

describe('importing rows out of bounds', () => {
  beforeEach(async () => {
    await prisma.contact.deleteMany()
    await prisma.intervalStat.deleteMany()
    await prisma.channel.deleteMany()
    await prisma.importRun.deleteMany()
  })

  it('refuses a contacts file with a far-future and a pre-1990 contact whole, naming their lines', async () => {
    const header = 'contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds'
    await run(`${header}\nE1,Voz,2026-11-19 08:00,answered,1,60\n`)
    const before = await snapshot()
    const result = await run(
      [
        header,
        'A1,Voz,2026-11-20 08:00,answered,12,300',
        'A2,Voz,9999-12-31 08:00,answered,12,300',
        'A3,E-mail,2026-11-20 09:00,answered,259200,600', // an e-mail answered in three days
        'A4,Voz,1989-12-31 23:59:59,answered,12,300',
        'A5,Voz,2026-11-20 08:05,answered,12,300',
      ].join('\n') + '\n',
    )
    expect(result.status).toBe('refused')
    if (result.status !== 'refused') return
    expect(lines(result.errors)).toEqual([
      'line 3: arrived_at: 9999-12-31 08:00 is outside the dates accepted, 1990-01-01 to 2031-11-25',
      'line 5: arrived_at: 1989-12-31 23:59:59 is outside the dates accepted, 1990-01-01 to 2031-11-25',
    ])
    expect(result.errors[0]).toMatchObject({ code: 'outsideDates', params: { column: 'arrived_at', earliest: '1990-01-01', latest: '2031-11-25' } })
    expect(await snapshot()).toEqual(before)
    const history = await prisma.importRun.findMany({ orderBy: { id: 'asc' }, select: { status: true, rows: true, inserted: true, errorCount: true } })
    expect(history).toEqual([
      { status: 'imported', rows: 1, inserted: 1, errorCount: 0 },
      { status: 'refused', rows: 5, inserted: 0, errorCount: 2 },
    ])
  })

  it('refuses an interval file with huge numbers whole, and the interval stored stays as it was', async () => {
    const header = 'interval_start,channel,offered,answered,aht_seconds,agents_staffed'
    await run(`${header}\n2026-11-20 08:00,Voz,100,90,300,12\n`, { kind: 'intervals' })
    const before = await snapshot()
    expect(before.intervals).toHaveLength(1)
    const result = await run(
      [
        header,
        `2026-11-20 08:00,Voz,100,90,300,${'9'.repeat(400)}`,
        '2026-11-20 08:15,Voz,1e23,,,',
        '2026-11-20 08:30,Voz,10000001,,,',
        '2026-11-20 08:45,Voz,10000000,10000000,,100000',
        '9999-12-31 08:00,Voz,5,,,',
        '2026-11-20 09:00,Voz,5,5,NaN,',
      ].join('\n') + '\n',
      { kind: 'intervals' },
    )
    expect(result.status).toBe('refused')
    if (result.status !== 'refused') return
    expect(lines(result.errors)).toEqual([
      `line 2: agents_staffed ${'9'.repeat(20)}… is more than 100000 in one interval`,
      'line 3: offered "1e23" is not a number',
      'line 4: offered 10000001 is more than 10000000 in one interval',
      'line 6: interval_start: 9999-12-31 08:00 is outside the dates accepted, 1990-01-01 to 2031-11-25',
      'line 7: aht_seconds "NaN" is not a number',
    ])
    expect(await snapshot()).toEqual(before)
    expect(before.intervals[0]).toMatchObject({ offered: 100, agentsStaffed: 12 })
    expect(await prisma.importRun.count({ where: { status: 'refused', errorCount: 5 } })).toBe(1)
  })

  it('imports rows on the edges: the first interval of 1990, the last of the day five years ahead, 10^7 contacts', async () => {
    const result = await run(
      ['interval_start,channel,offered,agents_staffed', '1990-01-01 00:00,Voz,10000000,100000', '2031-11-25 23:45,Voz,1,0.5'].join('\n') + '\n',
      { kind: 'intervals' },
    )
    expect(result).toMatchObject({ status: 'imported', inserted: 2, firstAt: '1990-01-01T02:00:00.000Z', lastAt: '2031-11-26T02:45:00.000Z' })
    const stored = await prisma.intervalStat.findMany({ orderBy: { start: 'asc' }, select: { offered: true, agentsStaffed: true } })
    expect(stored).toEqual([
      { offered: 10_000_000, agentsStaffed: 100_000 },
      { offered: 1, agentsStaffed: 0.5 },
    ])
  })
})

describe('history stored before imports checked its dates', () => {
  let voz: number

  beforeAll(async () => {
    // The forecast's window follows today: the same fixed day as the imports above.
    vi.stubEnv('TODAY', importToday)
    await prisma.contact.deleteMany()
    await prisma.intervalStat.deleteMany()
    await prisma.channel.deleteMany()
    await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
    voz = (await prisma.channel.create({ data: { key: 'voz', name: 'Voz', sortOrder: 1 } })).id
    await withWrite(async (writer) => {
      const intervals: number[][] = []
      // Five weeks of weekdays, 2026-10-05 to 2026-11-06: 10 contacts per 15 minutes, 08:00–18:00.
      for (let d = 0; d < 35; d++) {
        if (d % 7 >= 5) continue
        const dayStart = Date.parse('2026-10-05T08:00:00-03:00') + d * 86_400_000
        for (let q = 0; q < 40; q++) intervals.push([voz, dayStart + q * 900_000, 10, 10, 10, 3000])
      }
      // What an import used to accept: a contact dated 9999-12-31 and one in 1900, with their intervals.
      const stray = [['FAR', Date.parse('9999-12-31T11:00:00Z')], ['OLD', Date.parse('1900-01-01T11:00:00Z')]] as const
      for (const [, at] of stray) intervals.push([voz, at, 1, 1, 1, 60])
      await writer.insertRows('IntervalStat', { channelId: 'int', start: 'instant', offered: 'int', answered: 'int', ahtAnswered: 'int', handleSecSum: 'float' }, intervals)
      await writer.insertRows(
        'Contact',
        { channelId: 'int', externalId: 'text', arrivedAt: 'instant', outcome: 'text', waitSec: 'float', handleSec: 'float' },
        stray.map(([id, at]) => [voz, id, at, 'answered', 1, 60]),
      )
    })
  })

  afterAll(() => vi.unstubAllEnvs())

  it('leaves it out of the data range and the forecast instead of failing', async () => {
    expect(await dataRange(ZONE)).toEqual({ from: '2026-10-05', to: '2026-11-06' })
    const id = await createForecast(
      {
        name: 'Com lixo',
        channelIds: [voz],
        historyFrom: '2026-10-05',
        historyTo: '2026-11-08',
        horizonDays: 7,
        intervalMin: 30,
        method: 'seasonal-naive',
      },
      'ana',
    )
    const view = (await getForecastView(id, null))!
    expect(view.days.find((r) => r.day === '2026-11-09')!.model).toBeCloseTo(400, 9) // last Monday: 40 × 10
    // The Data page's gaps read the same range.
    expect((await listHistoryGaps(ZONE)).map((c) => [c.from, c.to])).toEqual([['2026-10-05', '2026-11-06']])
  })
})
