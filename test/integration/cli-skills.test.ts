// `wfm schedule` with several channels (issue 15, item 5): a `channel` column in the requirements,
// a `channels` column in the agents, shifts of each skill group given to its own agents, and the
// summary per channel. Run as users do (`tsx app/cli/wfm.ts`).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const scratch = mkdtempSync(path.join(tmpdir(), 'traffic-cli-skills-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Budget for a run beside other work on 2 cores (node, tsx, migrations, a solve): see cli.test.ts. */
const RUNS = 180_000

function schedule(args: string[]) {
  return new Promise<{ status: number | null; stderr: string; lines: string[] }>((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'app/cli/wfm.ts'), 'schedule', '--tz', 'UTC', ...args], {
      cwd: root,
      env: { ...process.env, TODAY: '2026-11-24', DATABASE_URL: `file:${path.join(scratch, 'cli.db')}` },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stderr, lines: stdout.trim().split('\n').filter(Boolean) }))
  })
}

const file = (name: string, text: string) => {
  const at = path.join(scratch, name)
  writeFileSync(at, text)
  return at
}

/** Monday 08:00–16:00: `voz` agents for voz, `chat` for chat, per 15-minute interval. */
function requirementsCsv(voz: number, chat: number): string {
  const rows = ['interval_start,channel,required']
  for (let q = 32; q < 64; q++) {
    const at = `2026-11-30 ${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`
    rows.push(`${at},voz,${voz}`, `${at},chat,${chat}`)
  }
  return rows.join('\n')
}

const rules = () =>
  file('rules.json', JSON.stringify({ shiftTypes: [{ name: '8h', lengthMinutes: 480 }], earliestStart: '06:00', latestStart: '14:00' }))

const covered = { shortMinutes: 0, shortAgentMinutes: 0, unreachableMinutes: 0, unreachableAgentMinutes: 0 }

describe('wfm schedule with several channels', () => {
  it('covers each channel with agents skilled for it and reports each channel', async () => {
    const requirements = file('channels.csv', requirementsCsv(2, 1))
    const agents = file('skilled.csv', 'name,weekly_hours,channels\nAna,44,voz\nBia,44,chat\nCaio,44,voz|chat\n')
    const run = await schedule(['--requirements', requirements, '--rules', rules(), '--agents', agents, '--json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const out = run.lines.map((l) => JSON.parse(l))
    const summary = out.pop().summary
    // Voz needs 2: Ana and Caio; chat 1: Bia. Groups in channel order: voz, voz+chat, chat.
    expect(out.map((s) => [s.start, s.end, s.agent, s.channels])).toEqual([
      ['2026-11-30T08:00:00.000Z', '2026-11-30T16:00:00.000Z', 'Ana', ['voz']],
      ['2026-11-30T08:00:00.000Z', '2026-11-30T16:00:00.000Z', 'Caio', ['voz', 'chat']],
      ['2026-11-30T08:00:00.000Z', '2026-11-30T16:00:00.000Z', 'Bia', ['chat']],
    ])
    expect(Object.keys(out[0])).toEqual(['start', 'end', 'breaks', 'agent', 'channels'])
    expect(summary).toMatchObject({ paidHours: 24, shifts: 3, openShifts: 0, uncoveredIntervals: [], ...covered, unreachable: [], rosterBreaks: [] })
    expect(summary.channels).toEqual({
      voz: { owedAgentMinutes: 960, ...covered },
      chat: { owedAgentMinutes: 480, ...covered },
    })
    // Without agents everyone works every channel, without limit: three shifts of both.
    const bare = (await schedule(['--requirements', requirements, '--rules', rules(), '--json'])).lines.map((l) => JSON.parse(l))
    const bareSummary = bare.pop().summary
    expect(bare.map((s) => s.channels)).toEqual([
      ['voz', 'chat'],
      ['voz', 'chat'],
      ['voz', 'chat'],
    ])
    expect(bareSummary).toMatchObject({ paidHours: 24, openShifts: 3, ...covered })
    expect(bareSummary).not.toHaveProperty('rosterBreaks')
  }, RUNS)

  it('totals a channel short over the channels: chat needs 2 and only Caio works it', async () => {
    const requirements = file('short.csv', requirementsCsv(1, 2))
    const agents = file('few.csv', 'name,weekly_hours,channels\nAna,44,voz\nCaio,44,chat|voz\n')
    const out = (await schedule(['--requirements', requirements, '--rules', rules(), '--agents', agents, '--json'])).lines.map((l) => JSON.parse(l))
    const summary = out.pop().summary
    expect(out.map((s) => [s.agent, s.channels])).toEqual([
      ['Ana', ['voz']],
      ['Caio', ['voz', 'chat']],
    ])
    expect(summary.channels.chat).toEqual({ owedAgentMinutes: 960, shortMinutes: 480, shortAgentMinutes: 480, unreachableMinutes: 0, unreachableAgentMinutes: 0 })
    expect(summary.channels.voz).toEqual({ owedAgentMinutes: 480, ...covered })
    expect(summary).toMatchObject({ paidHours: 16, shortMinutes: 480, shortAgentMinutes: 480 })
  }, RUNS)

  it('prints one channel as it always has: no channels field', async () => {
    const rows = ['interval_start,channel,required']
    for (let q = 32; q < 40; q++) rows.push(`2026-11-30 ${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')},voz,1`)
    const out = (await schedule(['--requirements', file('one.csv', rows.join('\n')), '--rules', rules(), '--json'])).lines.map((l) => JSON.parse(l))
    const summary = out.pop().summary
    expect(out).toHaveLength(1)
    expect(Object.keys(out[0])).toEqual(['start', 'end', 'breaks', 'agent'])
    expect(summary).not.toHaveProperty('channels')
    expect(summary).toMatchObject({ paidHours: 8, ...covered })
  }, RUNS)

  it('names every bad line of the requirements and the agents', async () => {
    const requirements = file('bad.csv', 'interval_start,channel,required\n2026-11-30 08:00,voz,1\n2026-11-30 08:00,,1\n2026-11-30 08:00,voz,2\n2026-11-30 08:00,chat,1\n')
    const bad = await schedule(['--requirements', requirements, '--rules', rules()])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/line 3: channel is empty/)
    expect(bad.stderr).toMatch(/line 4: interval 2026-11-30T08:00:00.000Z of channel "voz" appears again/)
    expect(bad.stderr).not.toMatch(/line 5/)
    const good = file('good.csv', requirementsCsv(1, 1))
    const agents = file('bad-agents.csv', 'name,weekly_hours,channels\nAna,44,voz\nBia,44,fax|chat\n')
    const badAgents = await schedule(['--requirements', good, '--rules', rules(), '--agents', agents])
    expect(badAgents.status).toBe(1)
    expect(badAgents.stderr).toMatch(/line 3: channel "fax" is not in the requirements \(voz, chat\)/)
    const plain = file('plain.csv', 'interval_start,required\n2026-11-30 08:00,1\n')
    const noColumn = await schedule(['--requirements', plain, '--rules', rules(), '--agents', agents])
    expect(noColumn.stderr).toMatch(/line 2: channel "voz" is not in the requirements \(they have no channel column\)/)
  }, RUNS)
})
