// The command line as users run it: `npm run wfm -- …` is `tsx app/cli/wfm.ts …`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const scratch = mkdtempSync(path.join(tmpdir(), 'traffic-cli-'))

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function wfm(args: string[], { input = '', database = 'cli.db' }: { input?: string; database?: string } = {}) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'app/cli/wfm.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, database)}` },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.trim().split('\n').filter(Boolean) }
}

const example = { calls: 100, aht: 180, interval: 1800, threshold: 20, sl: 0.8 }

describe('wfm erlang', () => {
  it('answers JSON lines in order, an error on each bad line, and exits 1 at the end', () => {
    const input = [
      JSON.stringify(example),
      'not json',
      '',
      JSON.stringify({ ...example, calls: -5 }),
      JSON.stringify({ ...example, model: 'erlangA', patience: 300 }),
      JSON.stringify({ ...example, shrinkage: 0.3, maxOccupancy: 0.7 }),
      JSON.stringify({ ...example, calls: 1e10 }),
      JSON.stringify({ ...example, sl: 0.8 }),
    ].join('\n')
    const run = wfm(['erlang', '--json'], { input })
    expect(run.status).toBe(1)
    const out = run.lines.map((line) => JSON.parse(line))
    expect(out).toHaveLength(7)
    expect(out[0]).toMatchObject({ traffic: 10, agents: 14, agentsWithShrinkage: 14 })
    expect(out[0].probWait).toBeCloseTo(0.174132, 6)
    expect(out[0]).not.toHaveProperty('abandonRate')
    expect(out[1].error).toMatch(/invalid JSON/)
    expect(out[2]).toEqual({ error: 'calls must be a finite number ≥ 0 (got -5)' })
    expect(out[3]).toMatchObject({ model: 'erlangA', agents: 13 })
    expect(out[3].abandonRate).toBeCloseTo(0.024963, 6)
    expect(out[4]).toMatchObject({ agents: 15, agentsWithShrinkage: 22 })
    expect(out[5].error).toMatch(/above the 1,000,000 Erlangs/)
    expect(out[6]).toMatchObject({ agents: 14 }) // answered after a failed line
  })

  it('exits 0 when every line is good, and needs no database', () => {
    const run = wfm(['erlang', '--json'], { input: `${JSON.stringify({ ...example, agents: 12 })}\n`, database: 'never.db' })
    expect(run.status).toBe(0)
    expect(JSON.parse(run.lines[0]!)).toMatchObject({ agents: 12, agentsFractional: 12 })
    expect(existsSync(path.join(scratch, 'never.db'))).toBe(false)
  })

  it('takes one request from flags', () => {
    const run = wfm(['erlang', '--calls', '100', '--aht', '180', '--interval', '1800', '--threshold', '20', '--sl', '0.8', '--shrinkage', '0.3'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.lines[0]!)).toMatchObject({ agents: 14, agentsWithShrinkage: 20 })
    const bad = wfm(['erlang', '--calls', '100', '--aht', '180', '--interval', '1800', '--threshold', '20', '--sl', '1.5'])
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.lines[0]!).error).toMatch(/^sl must be/)
  })
})

describe('wfm status and demo', () => {
  it('migrates a scratch database and leaves it empty', () => {
    const run = wfm(['status'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.lines[0]!)).toMatchObject({ command: 'status', operation: null, channels: [], contacts: 0 })
  })

  it('loads the demo only when asked, and replaces data only with --reset', () => {
    const load = wfm(['demo', '--today', '2026-11-24'])
    expect(load.status).toBe(0)
    expect(JSON.parse(load.lines[0]!)).toMatchObject({ command: 'demo', from: '2026-08-25', to: '2026-11-23' })
    const again = wfm(['demo'])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/--reset/)
    const status = JSON.parse(wfm(['status']).lines[0]!)
    expect(status.channels).toEqual(['voz', 'chat', 'whatsapp', 'email'])
    expect(status.contacts).toBeGreaterThan(400_000)
  })
})
