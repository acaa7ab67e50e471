import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { rows, sql } from '../../app/db/queries.server.ts'
import { getActuals } from '../../app/services/actuals.server.ts'
import { importCsv, type ImportOptions, type ImportResult } from '../../app/services/import.server.ts'
import { saveChannel } from '../../app/services/settings.server.ts'
import { bankCallsFile, hasBankCalls } from '../support/bank-calls.ts'
import { importDates } from '../support/import-dates.ts'
import { testActor } from '../support/actor.ts'
import { onPostgres } from '../support/postgres.ts'

const header = 'contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds,agent,queue,fcr,nps'

function run(content: string | Buffer | Readable, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  const source = content instanceof Readable ? content : Readable.from([typeof content === 'string' ? Buffer.from(content, 'utf8') : content])
  return importCsv(source, { kind: 'contacts', timeZone: 'America/Sao_Paulo', fileName: 'test.csv', dates: importDates, ...options })
}

const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n'

async function snapshot() {
  const [contacts, intervals, channels] = await Promise.all([
    prisma.contact.findMany({ orderBy: [{ channelId: 'asc' }, { externalId: 'asc' }] }),
    prisma.intervalStat.findMany({ orderBy: [{ channelId: 'asc' }, { start: 'asc' }] }),
    prisma.channel.findMany({ orderBy: { id: 'asc' } }),
  ])
  return { contacts, intervals, channels }
}

beforeEach(async () => {
  await prisma.contact.deleteMany()
  await prisma.intervalStat.deleteMany()
  await prisma.channel.deleteMany()
  await prisma.importRun.deleteMany()
})

describe('importing contacts', () => {
  // Hand-checked: three voice contacts in the 08:00 hour of 20 Nov 2026 (São Paulo, UTC−3), one chat.
  const file = csv(
    'V1,Voz,2026-11-20 08:00:05,answered,12,300,ana,fila1,true,9',
    'V2,Voz,2026-11-20 08:14:59,abandoned,40,0,,,,',
    'V3,Voz,2026-11-20 08:59:59,answered,25,180,bia,fila1,false,3',
    'C1,Chat,2026-11-20 09:00:00,answered,0,600,caio,,,10',
  )

  it('stores every row, creates the channels it names, and aggregates exactly', async () => {
    const result = await run(file)
    expect(result).toMatchObject({ status: 'imported', rows: 4, inserted: 4, updated: 0, unchanged: 0, channelsCreated: ['voz', 'chat'] })
    if (result.status !== 'imported') throw new Error('refused')
    expect(result.byChannel).toEqual([{ channel: 'chat', rows: 1 }, { channel: 'voz', rows: 3 }])
    expect(result.firstAt).toBe('2026-11-20T11:00:05.000Z')
    const hourly = await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 60, timeZone: 'America/Sao_Paulo', channel: 'voz' })
    expect(hourly).toHaveLength(24)
    const eight = hourly.find((r) => r.start === '2026-11-20T11:00:00.000Z')!
    // 3 offered, 2 answered (12 s and 25 s), 1 abandoned after 40 s; threshold 20 s.
    expect(eight).toMatchObject({ offered: 3, answered: 2, abandoned: 1, answeredWithinThreshold: 1, ahtSec: 240, asaSec: 18.5 })
    expect(eight.serviceLevel).toBe(1 / 3)
    expect(eight.abandonRate).toBe(1 / 3)
    expect(eight.fcrRate).toBe(0.5)
    expect(eight.nps).toBe(0) // one promoter (9), one detractor (3)
    // 15-minute view: 08:00–08:15 holds V1 and V2, 08:45–09:00 holds V3.
    const quarter = await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 15, timeZone: 'America/Sao_Paulo', channel: 'voz' })
    expect(quarter.find((r) => r.start === '2026-11-20T11:00:00.000Z')!.offered).toBe(2)
    expect(quarter.find((r) => r.start === '2026-11-20T11:45:00.000Z')!.offered).toBe(1)
    // A threshold of 30 s recounts from the contacts: both answered are now in time.
    const at30 = await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 'day', timeZone: 'America/Sao_Paulo', channel: 'voz', thresholdSec: 30 })
    expect(at30[0]!.answeredWithinThreshold).toBe(2)
  })

  it('changes nothing when the same file comes again', async () => {
    await run(file)
    const before = await snapshot()
    const again = await run(file)
    expect(again).toMatchObject({ status: 'imported', inserted: 0, updated: 0, unchanged: 4, channelsCreated: [] })
    expect(await snapshot()).toEqual(before)
  })

  it('updates the rows a corrected export names, and both intervals a moved contact touches', async () => {
    await run(file)
    const corrected = csv('V3,Voz,2026-11-20 10:05:00,answered,5,180,bia,fila1,false,3')
    expect(await run(corrected)).toMatchObject({ status: 'imported', inserted: 0, updated: 1, unchanged: 0 })
    const hourly = await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 60, timeZone: 'America/Sao_Paulo', channel: 'voz' })
    expect(hourly.find((r) => r.start === '2026-11-20T11:00:00.000Z')).toMatchObject({ offered: 2, answered: 1 })
    expect(hourly.find((r) => r.start === '2026-11-20T13:00:00.000Z')).toMatchObject({ offered: 1, answeredWithinThreshold: 1 })
    expect(await prisma.contact.count()).toBe(4)
    // The hourly roll-up moved with it.
    const hours = await prisma.hourStat.findMany({ where: { offered: { gt: 0 } }, orderBy: { start: 'asc' }, select: { start: true, offered: true } })
    expect(hours.map((h) => [h.start.toISOString(), h.offered])).toEqual([
      ['2026-11-20T11:00:00.000Z', 2],
      ['2026-11-20T12:00:00.000Z', 1], // chat
      ['2026-11-20T13:00:00.000Z', 1],
    ])
  })

  it('buckets local hours of a half-hour zone from the 15-minute aggregates (Asia/Kolkata, UTC+5:30)', async () => {
    await run(file)
    const hourly = await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 60, timeZone: 'Asia/Kolkata', channel: 'voz' })
    // 11:00:05Z and 11:14:59Z are 16:30–16:44 in Kolkata: the 16:00 hour starts at 10:30Z.
    expect(hourly.filter((h) => h.offered > 0).map((h) => [h.start, h.offered])).toEqual([
      ['2026-11-20T10:30:00.000Z', 2],
      ['2026-11-20T11:30:00.000Z', 1],
    ])
  })

  it('reads Latin-1 exports, BOMs, semicolons and decimal commas, and maps other column names', async () => {
    const latin1 = Buffer.from(
      'Protocolo;Canal;Data Hora;Resultado;Tempo de Espera;TMA\r\nP1;Telefonia Não Resolvida;2026-11-20 08:00;atendida;12,5;300\r\n',
      'latin1',
    )
    const result = await run(latin1)
    expect(result).toMatchObject({ status: 'imported', inserted: 1, channelsCreated: ['telefonia_nao_resolvida'] })
    expect((await prisma.channel.findFirstOrThrow({ where: { key: 'telefonia_nao_resolvida' } })).name).toBe('Telefonia Não Resolvida')
    expect((await prisma.contact.findFirstOrThrow()).waitSec).toBe(12.5)

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('B1,Operação,2026-11-20 08:00,answered,1,2,,,,'), 'utf8')])
    expect(await run(bom)).toMatchObject({ status: 'imported', channelsCreated: ['operacao'] })

    const theirs = 'Ticket;Midia;Quando;Fim;Fila (s);Duração\nT1;Voz;2026-11-20 08:00;answered;3;100\n'
    const mapped = await run(theirs, {
      mapping: { contact_id: 'Ticket', channel: 'Midia', arrived_at: 'Quando', outcome: 'Fim', wait_seconds: 'Fila (s)', handle_seconds: 'Duração' },
    })
    expect(mapped).toMatchObject({ status: 'imported', inserted: 1 })
  })

  it('reads times in São Paulo across the 2018 DST change: a 23-hour day, a skipped hour, an hour twice', async () => {
    const result = await run(
      csv(
        'D1,Voz,2018-11-03 23:50:00,answered,1,60,,,,',
        'D2,Voz,2018-11-04 01:10:00,answered,1,60,,,,',
        'D3,Voz,2018-11-04 23:59:59,answered,1,60,,,,',
        'D4,Voz,2019-02-16 23:30:00,answered,1,60,,,,',
      ),
    )
    expect(result.status).toBe('imported')
    const daily = await getActuals({ from: '2018-11-03', to: '2018-11-06', size: 'day', timeZone: 'America/Sao_Paulo' })
    expect(daily.map((d) => [d.start, d.offered])).toEqual([
      ['2018-11-03T03:00:00.000Z', 1],
      ['2018-11-04T03:00:00.000Z', 2], // 01:00 was the day's first minute
      ['2018-11-05T02:00:00.000Z', 0], // 23 hours later
    ])
    // 23:30 on 16 Feb 2019 happened twice (clocks went back at midnight): the first, UTC−2.
    const d4 = await prisma.contact.findFirstOrThrow({ where: { externalId: 'D4' } })
    expect(d4.arrivedAt.toISOString()).toBe('2019-02-17T01:30:00.000Z')
    const gap = await run(csv('D5,Voz,2018-11-04 00:30:00,answered,1,60,,,,'))
    expect(gap).toMatchObject({ status: 'refused', errors: [{ line: 2, reason: expect.stringMatching(/does not exist in America\/Sao_Paulo/) }] })
  })

  it('reads times in Lisbon around both 2026 changes, and hourly buckets follow local clocks', async () => {
    const result = await run(
      csv(
        'L1,Voz,2026-03-29 00:30:00,answered,1,60,,,,',
        'L2,Voz,2026-03-29 02:30:00,answered,1,60,,,,',
        'L3,Voz,2026-10-25 01:30:00,answered,1,60,,,,',
        'L4,Voz,2026-10-25 01:30:00+00:00,answered,1,60,,,,',
      ),
      { timeZone: 'Europe/Lisbon' },
    )
    expect(result.status).toBe('imported')
    const march = await getActuals({ from: '2026-03-29', to: '2026-03-30', size: 60, timeZone: 'Europe/Lisbon', channel: 'voz' })
    expect(march).toHaveLength(23)
    // 00:30 WET = 00:30 UTC; 02:30 WEST (the hour after the skipped one) = 01:30 UTC, in the 02:00 hour.
    expect(march.filter((h) => h.offered > 0).map((h) => h.start)).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z'])
    const october = await getActuals({ from: '2026-10-25', to: '2026-10-26', size: 60, timeZone: 'Europe/Lisbon', channel: 'voz' })
    expect(october).toHaveLength(25)
    // 01:30 without offset is the first 01:30 (WEST, 00:30 UTC); with +00:00 it is the second.
    expect(october.filter((h) => h.offered > 0).map((h) => h.start)).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z'])
    expect(await run(csv('L5,Voz,2026-03-29 01:30:00,answered,1,60,,,,'), { timeZone: 'Europe/Lisbon' })).toMatchObject({ status: 'refused' })
  })

  it('puts a contact at 23:59:59 in its own day and one at 00:00:00 in the next', async () => {
    await run(csv('M1,Voz,2026-11-20 23:59:59,answered,1,60,,,,', 'M2,Voz,2026-11-21 00:00:00,answered,1,60,,,,'))
    const daily = await getActuals({ from: '2026-11-20', to: '2026-11-22', size: 'day', timeZone: 'America/Sao_Paulo' })
    expect(daily.map((d) => d.offered)).toEqual([1, 1])
    const weekly = await getActuals({ from: '2026-11-16', to: '2026-11-30', size: 'week', timeZone: 'America/Sao_Paulo' })
    // Both fall in the week starting Monday 16 Nov.
    expect(weekly.map((w) => [w.start, w.offered])).toEqual([
      ['2026-11-16T03:00:00.000Z', 2],
      ['2026-11-23T03:00:00.000Z', 0],
    ])
  })

  it('records imports and refusals in the history', async () => {
    await run(file)
    await run(csv('X,Voz,not a date,answered,1,1,,,,'))
    const history = await prisma.importRun.findMany({ orderBy: { id: 'asc' } })
    expect(history.map((h) => [h.status, h.rows, h.inserted, h.errorCount])).toEqual([
      ['imported', 4, 4, 0],
      ['refused', 1, 0, 1],
    ])
    expect(JSON.parse(history[1]!.errors)).toEqual([
      { line: 2, code: 'notDateTime', params: { column: 'arrived_at', value: 'not a date', timeZone: 'America/Sao_Paulo' }, reason: expect.stringMatching(/not a date-time/) },
    ])
  })
})

describe('refusing bad files whole', () => {
  const good = 'G1,Voz,2026-11-20 08:00,answered,1,60,,,,'
  const longLine = () =>
    Readable.from(
      (function* () {
        yield Buffer.from(`${header}\nL1,Voz,2026-11-20 08:00,answered,1,60,,,,`)
        for (let i = 0; i < 100; i++) yield Buffer.alloc(1 << 20, 'x')
        yield Buffer.from('\n')
      })(),
    )
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))

  const cases: Array<[string, () => string | Buffer | Readable, RegExp, Partial<ImportOptions>?]> = [
    ['a bad date', () => csv(good, 'B,Voz,2026-13-01 10:00,answered,1,60,,,,'), /line 3: .*not a valid date-time/],
    ['an impossible day', () => csv(good, 'B,Voz,2026-02-30 10:00,answered,1,60,,,,'), /line 3: .*no such date/],
    ['a time in the DST gap', () => csv(good, 'B,Voz,2018-11-04 00:15,answered,1,60,,,,'), /line 3: .*DST gap/],
    ['an hour 25', () => csv(good, 'B,Voz,2026-11-20 25:00,answered,1,60,,,,'), /line 3: .*not a valid date-time/],
    ['a UTC offset of +05:99', () => csv(good, 'B,Voz,2026-11-20 10:00+05:99,answered,1,60,,,,'), /line 3: .*not a UTC offset/],
    ['a year 0026', () => csv(good, 'B,Voz,0026-11-20 10:00,answered,1,60,,,,'), /line 3: .*not a valid date-time/],
    ['a date without a time', () => csv(good, 'B,Voz,2026-11-20,answered,1,60,,,,'), /line 3: .*not a date-time/],
    ['a negative wait', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,-3,60,,,,'), /line 3: wait_seconds -3 is negative/],
    ['a non-numeric handle time', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,1,abc,,,,'), /line 3: handle_seconds "abc" is not a number/],
    ['a hexadecimal number', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,0x10,60,,,,'), /line 3: wait_seconds "0x10" is not a number/],
    ['a wait of 400 days', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,34560000,60,,,,'), /line 3: wait_seconds 34560000 is more than 365 days/],
    ['a handle time of 40 days', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,1,3456000,,,,'), /line 3: handle_seconds 3456000 is more than 31 days/],
    ['an unknown outcome', () => csv(good, 'B,Voz,2026-11-20 08:00,transferred,1,60,,,,'), /line 3: outcome "transferred" is neither answered nor abandoned/],
    ['an abandoned contact with handle time', () => csv(good, 'B,Voz,2026-11-20 08:00,abandoned,1,60,,,,'), /line 3: an abandoned contact has handle_seconds 60/],
    ['an NPS of 11', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,1,60,,,,11'), /line 3: nps 11 is outside 0–10/],
    ['an FCR of "maybe"', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,1,60,,,maybe,'), /line 3: fcr "maybe"/],
    ['an empty contact id', () => csv(good, ',Voz,2026-11-20 08:00,answered,1,60,,,,'), /line 3: contact_id is empty/],
    ['an empty channel', () => csv(good, 'B,,2026-11-20 08:00,answered,1,60,,,,'), /line 3: channel is empty/],
    ['a row with too few columns', () => csv(good, 'B,Voz,2026-11-20 08:00,answered,1'), /line 3: has 5 column\(s\), the header has 10/],
    ['a duplicate id in one file', () => csv(good, 'G1,Voz,2026-11-20 09:00,answered,1,60,,,,'), /line 3: contact_id "G1" appears again \(first on line 2\)/],
    ['a missing column', () => 'contact_id,channel,arrived_at,outcome,handle_seconds\nA,Voz,2026-11-20 08:00,answered,60\n', /missing column\(s\): wait_seconds/],
    ['an empty file', () => '', /the file is empty/],
    ['a header only', () => `${header}\n`, /header but no rows/],
    ['binary garbage', () => garbage, /binary/],
    ['a 100 MB line', longLine, /longer than 1048576 characters at line 2/],
    ['a line of 20 MB of commas', () => Buffer.from(`${header}\n${','.repeat(20 << 20)}\n`), /longer than 1048576 characters at line 2/],
    ['broken quoting', () => csv(good, 'B,"Voz,2026-11-20 08:00,answered,1,60,,,,'), /cannot be read/],
    ['a mapped column that is not there', () => csv(good), /mapped column\(s\) not in the file: Protocolo/, { mapping: { contact_id: 'Protocolo' } }],
    ['an interval off the 15-minute grid', () => 'interval_start,channel,offered\n2026-11-20 08:10,Voz,5\n', /line 2: interval_start is not on a 15-minute boundary/, { kind: 'intervals' }],
    ['intervals answering more than offered', () => 'interval_start,channel,offered,answered,abandoned\n2026-11-20 08:15,Voz,5,4,2\n', /line 2: answered 4 \+ abandoned 2 exceed offered 5/, { kind: 'intervals' }],
  ]

  it.each(cases)('refuses %s with a clear message and writes nothing', async (_name, content, message, options) => {
    await run(csv('E1,Voz,2026-11-19 08:00,answered,1,60,,,,'))
    const before = await snapshot()
    const result = await run(content(), options)
    expect(result.status).toBe('refused')
    if (result.status !== 'refused') return
    const text = result.errors.map((e) => (e.line > 0 ? `line ${e.line}: ${e.reason}` : e.reason)).join('\n')
    expect(text).toMatch(message)
    expect(await snapshot()).toEqual(before)
  })

  it('numbers lines as an editor does, across blank lines and quoted line breaks', async () => {
    const content = [
      header,
      'N1,Voz,2026-11-20 08:00,answered,1,60,,,,',
      '',
      'N2,Voz,2026-11-20 08:01,answered,1,60,"Ana',
      'Maria",,,',
      'N3,Voz,2026-11-20 08:02,answered,-1,60,,,,',
    ].join('\r\n')
    const result = await run(content)
    expect(result).toMatchObject({ status: 'refused', errors: [{ line: 6, code: 'negative' }] })
  })

  it('lists the first 100 bad lines and counts the rest', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `B${i},Voz,2026-11-20 08:00,answered,-1,60,,,,`)
    const result = await run(csv(...bad))
    expect(result).toMatchObject({ status: 'refused', errorCount: 150 })
    if (result.status === 'refused') {
      expect(result.errors).toHaveLength(100)
      expect(result.errors[99]).toEqual({ line: 101, code: 'negative', params: { column: 'wait_seconds', value: '-1' }, reason: 'wait_seconds -1 is negative' })
    }
  })
})

describe('a night the clocks go back', () => {
  it('reads an interval export that lists the repeated hour twice, in order (New York, 1 Nov 2026)', async () => {
    const times = ['00:45', '01:00', '01:15', '01:30', '01:45', '01:00', '01:15', '01:30', '01:45', '02:00']
    const file = `interval_start,channel,offered\n${times.map((t, i) => `2026-11-01 ${t},Voz,${i + 1}`).join('\n')}\n`
    expect(await run(file, { kind: 'intervals', timeZone: 'America/New_York' })).toMatchObject({ status: 'imported', inserted: 10 })
    const hourly = await getActuals({ from: '2026-11-01', to: '2026-11-02', size: 60, timeZone: 'America/New_York', channel: 'voz' })
    expect(hourly).toHaveLength(25)
    expect(hourly.slice(0, 4).map((h) => [h.start, h.offered])).toEqual([
      ['2026-11-01T04:00:00.000Z', 1], // 00:00 EDT
      ['2026-11-01T05:00:00.000Z', 2 + 3 + 4 + 5], // 01:00 EDT
      ['2026-11-01T06:00:00.000Z', 6 + 7 + 8 + 9], // 01:00 EST
      ['2026-11-01T07:00:00.000Z', 10], // 02:00 EST
    ])
  })
})

describe('contacts through a night the clocks go back', () => {
  it('keeps equal times in the same pass and moves to the second only when the clock goes back', async () => {
    const rows = ['01:10', '01:10', '01:20', '01:55', '01:05'].map((t, i) => `R${i},Voz,2026-11-01 ${t},answered,1,60,,,,`)
    expect(await run(csv(...rows), { timeZone: 'America/New_York' })).toMatchObject({ status: 'imported' })
    const stored = await prisma.contact.findMany({ orderBy: { externalId: 'asc' }, select: { arrivedAt: true } })
    expect(stored.map((c) => c.arrivedAt.toISOString().slice(11, 16))).toEqual(['05:10', '05:10', '05:20', '05:55', '06:05'])
  })

  it('reads files with old Mac line endings (a lone CR), even over a megabyte', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `M${i},Voz,2026-11-20 08:00,answered,1,60,,,,`)
    const result = await run([header, ...rows].join('\r') + '\r')
    expect(result).toMatchObject({ status: 'imported', inserted: 30_000 })
  })
})

describe('interval statistics next to contacts', () => {
  it('survive a contacts import for other intervals and a change of threshold', async () => {
    const stats = 'interval_start,channel,offered,answered,abandoned,answered_within_threshold\n2026-11-20 08:00,Voz,100,90,10,70\n2026-11-20 10:00,Voz,50,50,0,45\n'
    expect(await run(stats, { kind: 'intervals' })).toMatchObject({ status: 'imported' })
    await run(csv('K1,Voz,2026-11-20 07:00,answered,5,100,,,,', 'K2,Voz,2026-11-20 12:00,answered,5,100,,,,'))
    const daily = async () => (await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 'day', timeZone: 'America/Sao_Paulo', channel: 'voz' }))[0]!
    expect(await daily()).toMatchObject({ offered: 152, answeredWithinThreshold: 117 })
    const voz = await prisma.channel.findFirstOrThrow({ where: { key: 'voz' } })
    await saveChannel(testActor, { ...voz, channelId: voz.id, kind: 'realtime', slThresholdSec: 30, asaGoalSec: null, maxOccupancy: null, patienceSec: null, responseGoalSec: null, staffingModel: 'erlangC', openingHours: null, plannedAhtSec: null, plannedAhtProfile: null })
    expect(await daily()).toMatchObject({ offered: 152, answeredWithinThreshold: 117 })
    const hours = await prisma.hourStat.findMany({ where: { channelId: voz.id }, orderBy: { start: 'asc' }, select: { offered: true } })
    expect(hours.map((h) => h.offered)).toEqual([1, 100, 50, 1])
  })
})

describe('importing interval statistics', () => {
  it('stores counts and turns TMA/TME into sums, keeping what a file leaves empty', async () => {
    const file =
      'interval_start;channel;offered;answered;abandoned;answered_within_threshold;aht_seconds;asa_seconds;agents_staffed\n' +
      '2026-11-20 08:00;Voz;100;90;10;72;300;15,5;12\n' +
      '2026-11-20 08:15;Voz;80;80;0;80;280;5;11,5\n'
    expect(await run(file, { kind: 'intervals' })).toMatchObject({ status: 'imported', inserted: 2, channelsCreated: ['voz'] })
    const hour = (await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 60, timeZone: 'America/Sao_Paulo', channel: 'voz' })).find(
      (r) => r.start === '2026-11-20T11:00:00.000Z',
    )!
    expect(hour).toMatchObject({ offered: 180, answered: 170, abandoned: 10, answeredWithinThreshold: 152 })
    expect(hour.ahtSec).toBeCloseTo((90 * 300 + 80 * 280) / 170, 12)
    expect(hour.asaSec).toBeCloseTo((90 * 15.5 + 80 * 5) / 170, 12)
    // A later file with staffing only updates staffing.
    const staffing = 'interval_start,channel,agents_staffed\n2026-11-20 08:00,Voz,14\n'
    expect(await run(staffing, { kind: 'intervals' })).toMatchObject({ status: 'imported', updated: 1 })
    const stored = await prisma.intervalStat.findFirstOrThrow({ where: { start: new Date('2026-11-20T11:00:00Z') } })
    expect(stored).toMatchObject({ offered: 100, agentsStaffed: 14 })
    expect(await run(file, { kind: 'intervals' })).toMatchObject({ status: 'imported', updated: 1, unchanged: 1 })
  })
})

describe('interval statistics with some columns only', () => {
  const intervals = (header: string, ...rows: string[]) => run([header, ...rows].join('\n') + '\n', { kind: 'intervals' })
  const quarter = async (start: string) =>
    (await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 15, timeZone: 'America/Sao_Paulo', channel: 'voz' })).find((r) => r.start === start)!
  const hour = async () =>
    (await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 60, timeZone: 'America/Sao_Paulo', channel: 'voz' })).find(
      (r) => r.start === '2026-11-20T11:00:00.000Z',
    )!

  it('leave what they do not give unknown: volume alone measures no service level, abandonment, TMA or TME', async () => {
    expect(await intervals('interval_start,channel,offered', '2026-11-20 08:00,Voz,100', '2026-11-20 08:15,Voz,80')).toMatchObject({
      status: 'imported',
      inserted: 2,
    })
    expect(await hour()).toEqual({
      start: '2026-11-20T11:00:00.000Z',
      channel: 'voz',
      offered: 180,
      answered: null,
      abandoned: null,
      answeredWithinThreshold: null,
      serviceLevel: null,
      abandonRate: null,
      ahtSec: null,
      asaSec: null,
      fcrRate: null,
      nps: null,
    })
  })

  it('store a TMA given with volume only, read back as given; answered given later takes its place as the weight', async () => {
    const file = ['interval_start,channel,offered,aht_seconds', '2026-11-20 08:00,Voz,97,287.3', '2026-11-20 08:15,Voz,80,250']
    expect(await intervals(file[0]!, ...file.slice(1))).toMatchObject({ status: 'imported', inserted: 2, updated: 0 })
    expect((await quarter('2026-11-20T11:00:00.000Z')).ahtSec).toBeCloseTo(287.3, 9)
    expect((await quarter('2026-11-20T11:15:00.000Z')).ahtSec).toBe(250)
    // Without answered, each interval's TMA weighs by its offered.
    expect((await hour()).ahtSec).toBeCloseTo((97 * 287.3 + 80 * 250) / 177, 9)
    expect(await hour()).toMatchObject({ answered: null, serviceLevel: null, abandonRate: null, asaSec: null })

    // The same file again changes nothing.
    const before = await snapshot()
    expect(await intervals(file[0]!, ...file.slice(1))).toMatchObject({ status: 'imported', inserted: 0, updated: 0, unchanged: 2 })
    expect(await snapshot()).toEqual(before)

    // A later file adds the outcome of the 08:00 interval: its TMA stays, weighed by the answered.
    expect(await intervals('interval_start,channel,answered,abandoned', '2026-11-20 08:00,Voz,87,10')).toMatchObject({
      status: 'imported',
      updated: 1,
      unchanged: 0,
    })
    const eight = (await quarter('2026-11-20T11:00:00.000Z'))
    expect(eight).toMatchObject({ offered: 97, answered: 87, abandoned: 10, serviceLevel: null })
    expect(eight.ahtSec).toBeCloseTo(287.3, 9)
    expect(eight.abandonRate).toBeCloseTo(10 / 97, 15)
    expect((await hour()).ahtSec).toBeCloseTo((87 * 287.3 + 80 * 250) / 167, 9)
    // Abandonment is measured over the interval that gives it; the hour's count is not a total.
    expect(await hour()).toMatchObject({ abandonRate: 10 / 97, abandoned: null })
    // …and the first file once more changes nothing either.
    expect(await intervals(file[0]!, ...file.slice(1))).toMatchObject({ status: 'imported', updated: 0, unchanged: 2 })
  })

  it('store every column given: a TME without answered, a TMA without volume', async () => {
    await intervals('interval_start,channel,offered,abandoned,asa_seconds', '2026-11-20 08:00,Voz,50,5,12.5')
    expect(await quarter('2026-11-20T11:00:00.000Z')).toMatchObject({ asaSec: 12.5, abandonRate: 0.1, ahtSec: null })
    await intervals('interval_start,channel,aht_seconds', '2026-11-20 08:30,Voz,310')
    expect(await quarter('2026-11-20T11:30:00.000Z')).toMatchObject({ offered: 0, ahtSec: 310 })
    // Volume arriving later keeps the TMA.
    expect(await intervals('interval_start,channel,offered', '2026-11-20 08:30,Voz,40')).toMatchObject({ updated: 1 })
    expect(await quarter('2026-11-20T11:30:00.000Z')).toMatchObject({ offered: 40, ahtSec: 310 })
    const stored = await prisma.intervalStat.findFirstOrThrow({ where: { start: new Date('2026-11-20T11:30:00Z') } })
    expect(stored).toMatchObject({ ahtAnswered: 40, handleSecSum: 40 * 310 })
  })

  it('refuse abandoned or answered within threshold without the offered they are rates of, and counts above it', async () => {
    const refused = await intervals('interval_start,channel,abandoned,answered_within_threshold', '2026-11-20 08:00,Voz,3,', '2026-11-20 08:15,Voz,,7')
    expect(refused).toMatchObject({
      status: 'refused',
      errors: [
        { line: 2, code: 'needsOffered', reason: 'abandoned needs offered, in this row or imported before for this interval' },
        { line: 3, code: 'needsOffered', params: { column: 'answered_within_threshold' } },
      ],
    })
    expect(await prisma.intervalStat.count()).toBe(0)
    // With the volume imported before, the same file lands.
    await intervals('interval_start,channel,offered,answered', '2026-11-20 08:00,Voz,20,17', '2026-11-20 08:15,Voz,10,')
    expect(await intervals('interval_start,channel,abandoned,answered_within_threshold', '2026-11-20 08:00,Voz,3,', '2026-11-20 08:15,Voz,,7')).toMatchObject({
      status: 'imported',
      updated: 2,
    })
    expect(await quarter('2026-11-20T11:00:00.000Z')).toMatchObject({ abandonRate: 3 / 20, serviceLevel: null })
    expect(await quarter('2026-11-20T11:15:00.000Z')).toMatchObject({ abandonRate: null, serviceLevel: 0.7 })
    // Counts that what is stored makes impossible are refused whole, with their lines.
    const before = await snapshot()
    expect(await intervals('interval_start,channel,answered,abandoned', '2026-11-20 08:00,Voz,18,', '2026-11-20 08:15,Voz,,11')).toMatchObject({
      status: 'refused',
      errors: [
        { line: 2, reason: 'answered 18 + abandoned 3 exceed offered 20' },
        { line: 3, reason: 'abandoned 11 exceeds offered 10' },
      ],
    })
    expect(await snapshot()).toEqual(before)
  })

  it('keep the waits of abandoned contacts only where contacts give them (the patience estimate reads no others)', async () => {
    await intervals('interval_start,channel,offered,answered,abandoned', '2026-11-20 09:00,Voz,10,8,2')
    await run(csv('W1,Voz,2026-11-20 08:00:05,abandoned,40,0,,,,', 'W2,Voz,2026-11-20 08:01:00,answered,10,100,,,,'))
    const waits = async () =>
      (await prisma.intervalStat.findMany({ orderBy: { start: 'asc' }, select: { abandonedWaitSecSum: true } })).map((r) => r.abandonedWaitSecSum)
    expect(await waits()).toEqual([40, null])
    // Staffing for the contacts' interval leaves its waits as they are.
    expect(await intervals('interval_start,channel,agents_staffed', '2026-11-20 08:00,Voz,3')).toMatchObject({ updated: 1 })
    expect(await waits()).toEqual([40, null])
  })

  it.skipIf(!hasBankCalls())('map an export of calls per interval (the fpp3 bank calls rolled up to 15 minutes) with no manual step', async () => {
    const calls = new Map<string, number>()
    for (const line of readFileSync(bankCallsFile, 'utf8').trim().split('\n').slice(1)) {
      const [stamp, count] = line.split(',')
      const minute = Number(stamp!.slice(14, 16))
      const quarterStart = `${stamp!.slice(0, 14)}${String(minute - (minute % 15)).padStart(2, '0')}:00`
      calls.set(quarterStart, (calls.get(quarterStart) ?? 0) + Number(count))
    }
    const file = ['datetime,channel,calls', ...[...calls].map(([start, count]) => `${start},Bank,${count}`)].join('\n') + '\n'
    const result = await run(file, { kind: 'intervals', timeZone: 'America/New_York' })
    expect(result).toMatchObject({ status: 'imported', rows: calls.size, inserted: calls.size, channelsCreated: ['bank'] })
    const weeks = await getActuals({ from: '2003-03-03', to: '2003-10-27', size: 'week', timeZone: 'America/New_York', channel: 'bank' })
    expect(weeks.reduce((sum, w) => sum + w.offered, 0)).toBe(5_323_661)
    expect(weeks.every((w) => w.serviceLevel === null && w.abandonRate === null && w.ahtSec === null)).toBe(true)
  })
})

describe('files on disk', () => {
  it('are read as Latin-1 when the first accented letter comes after the first megabyte', async () => {
    const { writeFileSync, mkdtempSync, createReadStream } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const { detectFileEncoding } = await import('../../app/services/csv-source.server.ts')
    const rows = Array.from({ length: 30_000 }, (_, i) => `F${i},Voz,2026-11-20 08:00,answered,1,60,,,,`)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'traffic-latin1-')), 'late.csv')
    writeFileSync(file, Buffer.from(csv(...rows, 'F-last,Atendimento São Paulo,2026-11-20 08:00,answered,1,60,,,,'), 'latin1'))
    expect(await detectFileEncoding(file)).toBe('windows-1252')
    const result = await importCsv(createReadStream(file), { kind: 'contacts', timeZone: 'America/Sao_Paulo', fileName: 'late.csv', encoding: 'windows-1252', dates: importDates })
    expect(result).toMatchObject({ status: 'imported', channelsCreated: ['voz', 'atendimento_sao_paulo'] })
    expect((await prisma.channel.findFirstOrThrow({ where: { key: 'atendimento_sao_paulo' } })).name).toBe('Atendimento São Paulo')
  })
})

describe.skipIf(!onPostgres)('staging on PostgreSQL', () => {
  it('leaves no staging table behind, whether the file landed or was refused', async () => {
    expect((await run(csv('S1,Voz,2026-11-20 08:00,answered,1,60,,,,'))).status).toBe('imported')
    expect((await run(csv('S2,Voz,2026-11-20 08:00,answered,1,60,,,,', 'S2,Voz,2026-11-20 08:01,answered,1,60,,,,'))).status).toBe('refused')
    const left = await rows(sql<{ name: string }>`SELECT "tablename" AS "name" FROM pg_tables WHERE "tablename" LIKE 'import_staging_%'`)
    expect(left).toEqual([])
  })
})
