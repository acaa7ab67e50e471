// Finding our columns in other exports' headers, and the README's list of the names recognised.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formats, mapColumns, normaliseHeader, synonyms, type ImportKind } from '../../app/domain/import/formats.ts'

/** Our column → the file's header it was found in. */
function found(kind: ImportKind, header: string[], explicit?: Record<string, string>) {
  const { mapping, missing } = mapColumns(kind, header, explicit)
  return { columns: Object.fromEntries(Object.entries(mapping).map(([ours, index]) => [ours, header[index]])), missing }
}

describe('recognising interval columns', () => {
  it.each([
    [['datetime', 'channel', 'calls'], 'datetime', 'calls'], // the fpp3 bank calls, with a channel
    [['interval_start', 'channel', 'offered'], 'interval_start', 'offered'],
    [['Date', 'Channel', 'Volume'], 'Date', 'Volume'],
    [['Timestamp', 'Channel', 'Contacts'], 'Timestamp', 'Contacts'],
    [['Interval', 'Media', 'Incoming Calls'], 'Interval', 'Incoming Calls'],
    [['Data', 'Canal', 'Chamadas'], 'Data', 'Chamadas'],
    [['DATA/HORA', 'CANAL', 'OFERTADAS'], 'DATA/HORA', 'OFERTADAS'],
    [['Início do Intervalo', 'Mídia', 'Chamadas Recebidas'], 'Início do Intervalo', 'Chamadas Recebidas'],
  ])('%j: the start and the volume', (header, start, offered) => {
    const { columns, missing } = found('intervals', header)
    expect(missing).toEqual([])
    expect(columns).toMatchObject({ interval_start: start, channel: header[1], offered })
  })

  it('finds a Brazilian ACD report whole', () => {
    const header = ['Data Hora', 'Canal', 'Ofertadas', 'Atendidas', 'Abandonadas', 'Atendidas no NS', 'TMA', 'TME', 'Agentes Logados']
    expect(found('intervals', header).columns).toEqual({
      interval_start: 'Data Hora',
      channel: 'Canal',
      offered: 'Ofertadas',
      answered: 'Atendidas',
      abandoned: 'Abandonadas',
      answered_within_threshold: 'Atendidas no NS',
      aht_seconds: 'TMA',
      asa_seconds: 'TME',
      agents_staffed: 'Agentes Logados',
    })
  })

  it('prefers our own name to a synonym, and the more specific synonym', () => {
    expect(found('intervals', ['date', 'interval_start', 'channel', 'volume', 'offered']).columns).toMatchObject({
      interval_start: 'interval_start',
      offered: 'offered',
    })
    expect(found('intervals', ['data', 'intervalo', 'canal', 'volume', 'chamadas_ofertadas']).columns).toMatchObject({
      interval_start: 'intervalo',
      offered: 'chamadas_ofertadas',
    })
  })

  it('names the required columns it cannot find', () => {
    expect(found('intervals', ['datetime', 'calls']).missing).toEqual(['channel'])
    expect(found('intervals', ['hora', 'fila', 'calls']).missing).toEqual(['interval_start', 'channel'])
  })
})

describe('recognising contact columns', () => {
  it('reads common names without case or accents', () => {
    const header = ['Protocolo', 'Canal', 'Data Hora', 'Resultado', 'Tempo de Espera', 'Duração', 'Atendente', 'Fila', 'Resolvido', 'Nota']
    expect(found('contacts', header)).toEqual({
      columns: {
        contact_id: 'Protocolo',
        channel: 'Canal',
        arrived_at: 'Data Hora',
        outcome: 'Resultado',
        wait_seconds: 'Tempo de Espera',
        handle_seconds: 'Duração',
        agent: 'Atendente',
        queue: 'Fila',
        fcr: 'Resolvido',
        nps: 'Nota',
      },
      missing: [],
    })
    expect(found('contacts', ['ticket', 'channel', 'datetime', 'status', 'wait', 'handle']).missing).toEqual([])
  })

  it('takes a file column once: one mapped by hand is not found again under another name', () => {
    const header = ['Protocolo', 'Fila', 'Data', 'Resultado', 'Espera', 'TMA']
    const { columns } = found('contacts', header, { channel: 'Fila' })
    expect(columns).toMatchObject({ channel: 'Fila', arrived_at: 'Data', handle_seconds: 'TMA' })
    expect(columns).not.toHaveProperty('queue')
  })

  it("leaves out a column mapped to '' (not in the file), even when its name would be found", () => {
    const header = ['contact_id', 'channel', 'arrived_at', 'outcome', 'wait_seconds', 'handle_seconds', 'agent']
    expect(found('contacts', header, { agent: '' }).columns).not.toHaveProperty('agent')
    expect(found('contacts', header, { channel: '' }).missing).toEqual(['channel'])
  })
})

describe("the operator manual's list of recognised names", () => {
  it('is the list the import uses', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../docs/command-line.md'), 'utf8')
    const listed: Record<string, string[]> = {}
    for (const [, column, names] of readme.matchAll(/^\| `(\w+)` \| ((?:`\w+`(?:, )?)+) \|$/gm)) {
      listed[column!] = [...names!.matchAll(/`(\w+)`/g)].map((m) => m[1]!)
    }
    const ours = new Set([...Object.values(formats).flatMap((f) => [...f.required, ...f.optional])])
    expect(Object.keys(listed).sort()).toEqual([...ours].sort())
    expect(listed).toEqual(synonyms)
    // Each name as a header would be compared.
    for (const names of Object.values(synonyms)) for (const name of names) expect(normaliseHeader(name)).toBe(name)
  })
})
