// `npm run bench -- schedule-quality`: issue 15's acceptance check of `wfm schedule`, independent
// of the product's counting (nothing from app/domain/schedule). For each held-back week it runs
// the CLI as users do, recounts the printed shifts minute by minute (test/support/schedule-recount.ts),
// says loudly where the summary disagrees, and solves the same covering problem with its own model
// (schedule-best-known.ts) for QUALITY_SECONDS (default 300) to compare paid hours.
// QUALITY_CASES=small,bank,large runs only those. Figures are printed, never judged on timing; a
// disagreement, a broken rule or a failed acceptance sets the exit code.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runSchedule } from '../support/schedule-cli.ts'
import { disagreements, horizonOf, recount } from '../support/schedule-recount.ts'
import { bestKnown } from './schedule-best-known.ts'
import { bankWeek, twoPeakWeek, type QualityCase } from './schedule-quality-cases.ts'

interface Row {
  name: string
  cliSeconds: string
  paid: string
  short: string
  unreachable: string
  bounds: string
  best: string
  above: string
  verdict: string
}

const pct = (x: number, digits = 2) => `${(Math.abs(x) < 1e-9 ? 0 : x * 100).toFixed(digits)}%`

async function checkCase(qualityCase: QualityCase, dir: string, seconds: number): Promise<Row> {
  const { name, week, rules } = qualityCase
  const horizon = horizonOf(week, rules)
  console.log(`\n== ${name}: ${qualityCase.note}; peak ${Math.max(...week.required)} agents`)
  const run = await runSchedule(dir, name.replace(/\W+/g, '-'), week, rules)
  const s = run.summary
  const counted = recount(week, rules, run.shifts, horizon)
  const owedHours = counted.owedAgentMinutes / 60
  console.log(
    `CLI: ${s.seconds} s solving (limit ${String(s.timeLimitSeconds)} s; ${run.wallSeconds.toFixed(1)} s wall), status "${s.status}", ${run.shifts.length} shifts, paid ${s.paidHours} h, ` +
      `LP bound ${s.lpBound} h, MIP bound ${s.mipBound ?? 'none'} h, gap ${pct(s.gap)}, best gap ${pct(s.bestGap)}`,
  )
  console.log(
    `Recount: paid ${counted.paidHours.toFixed(2)} h; owed ${owedHours.toFixed(1)} agent-h; reachable short ${counted.shortMinutes} min, ` +
      `${counted.shortAgentMinutes} agent-min (${pct(counted.shortAgentMinutes / counted.owedAgentMinutes, 3)} of owed); ` +
      `unreachable ${counted.unreachableMinutes} min, ${counted.unreachableAgentMinutes} agent-min`,
  )
  const problems = [...disagreements(s, counted).map((d) => `DISAGREES ${d}`), ...counted.violations.map((v) => `BREAKS A RULE ${v}`)]
  for (const p of problems) console.log(`!!!!! ${name}: ${p}`)
  if (problems.length === 0) console.log('Summary agrees with the recount; no rule broken.')

  const best = await bestKnown(week, rules, seconds, horizon)
  const bestProblems: string[] = []
  if (best.counted.shortMinutes > 0) bestProblems.push(`the best-known schedule leaves ${best.counted.shortMinutes} reachable minutes short`)
  if (Math.abs(best.counted.paidHours - best.paidHours) > 1e-6) bestProblems.push(`the best-known schedule recounts to ${best.counted.paidHours} h, not ${best.paidHours} h`)
  if (best.counted.violations.length > 0) bestProblems.push(`the best-known schedule breaks rules: ${best.counted.violations[0]}`)
  for (const p of bestProblems) console.log(`!!!!! ${name}: ${p}`)
  const above = (s.paidHours - best.paidHours) / best.paidHours
  console.log(
    `Best known (own model, ${best.grid}-minute rows, ${best.columns} columns, ${best.rows} rows): paid ${best.paidHours.toFixed(2)} h with every reachable minute covered, ` +
      `bound ${best.bound.toFixed(2)} h, "${best.status}" in ${best.seconds.toFixed(1)} s of ${seconds} s; the CLI is ${pct(above)} above it`,
  )
  const shortShare = counted.shortAgentMinutes / counted.owedAgentMinutes
  const failed = [
    ...(shortShare > 0.005 ? [`reachable short ${pct(shortShare, 3)} of owed > 0.5%`] : []),
    ...(above > 0.03 ? [`paid ${pct(above)} above best known > 3%`] : []),
    ...(problems.length > 0 ? ['summary ≠ recount or a rule broken'] : []),
    ...(bestProblems.length > 0 ? ['best-known model inconsistent'] : []),
  ]
  console.log(failed.length === 0 ? 'Acceptance: PASS' : `Acceptance: FAIL (${failed.join('; ')})`)
  if (failed.length > 0) process.exitCode = 1
  return {
    name,
    cliSeconds: `${s.seconds}`,
    paid: s.paidHours.toFixed(1),
    short: `${counted.shortMinutes}/${counted.shortAgentMinutes} (${pct(shortShare, 3)})`,
    unreachable: `${counted.unreachableMinutes}/${counted.unreachableAgentMinutes}`,
    bounds: `${s.lpBound.toFixed(1)}/${s.mipBound === null ? '—' : s.mipBound.toFixed(1)}`,
    best: `${best.paidHours.toFixed(1)} (≥${best.bound.toFixed(1)})`,
    above: pct(above),
    verdict: failed.length === 0 ? 'PASS' : 'FAIL',
  }
}

export async function benchScheduleQuality() {
  const seconds = Number(process.env.QUALITY_SECONDS ?? 300)
  if (!(seconds > 0)) throw new Error('QUALITY_SECONDS must be a number of seconds > 0')
  const only = process.env.QUALITY_CASES?.split(',').map((c) => c.trim())
  const dir = mkdtempSync(path.join(tmpdir(), 'schedule-quality-'))
  const rows: Row[] = []
  try {
    const cases: Array<[string, () => QualityCase | null]> = [
      ['small', () => twoPeakWeek(13)],
      ['bank', bankWeek],
      ['large', () => twoPeakWeek(312)],
    ]
    for (const [key, make] of cases) {
      if (only && !only.includes(key)) continue
      const qualityCase = make()
      if (qualityCase === null) {
        console.log('\n== bank 79: ../shared/data/fpp3_bank_calls_5min.csv absent, skipped')
        continue
      }
      rows.push(await checkCase(qualityCase, dir, seconds))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const header: Row = {
    name: 'case',
    cliSeconds: 'CLI s',
    paid: 'paid h',
    short: 'short min/agent-min (of owed)',
    unreachable: 'unreach. min/agent-min',
    bounds: 'CLI LP/MIP bound h',
    best: `best known h (${seconds} s)`,
    above: 'CLI above best',
    verdict: 'accept.',
  }
  const keys = Object.keys(header) as Array<keyof Row>
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)))
  console.log(`\nSchedule quality (issue 15 acceptance: reachable short ≤ 0.5% of owed agent-hours, paid ≤ 3% above best known):`)
  for (const r of [header, ...rows]) console.log(keys.map((k, i) => r[k].padEnd(widths[i]!)).join('  '))
}
