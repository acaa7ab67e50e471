// `wfm erlang`: the staffing engine on the command line. Requests come as JSON lines on stdin
// (or one request from flags); each answer is one JSON line on stdout, in order. A bad line gets
// {"error": "..."} on its line and the command exits 1 at the end; good lines are still answered.
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { staff, type StaffingRequest } from '../domain/staffing.ts'

/** The public request format (see README): seconds and shares, as the issue specifies. */
const requestSchema = z.strictObject({
  calls: z.number(),
  aht: z.number(),
  interval: z.number(),
  threshold: z.number(),
  sl: z.number(),
  agents: z.number().nullish(),
  maxOccupancy: z.number().nullish(),
  maxAbandon: z.number().nullish(),
  asaGoal: z.number().nullish(),
  shrinkage: z.number().nullish(),
  patience: z.number().nullish(),
  concurrency: z.number().nullish(),
  efficiency: z.number().nullish(),
  model: z.enum(['erlangC', 'erlangA']).nullish(),
})

export type ErlangRequest = z.input<typeof requestSchema>

function toStaffingRequest(request: z.output<typeof requestSchema>): StaffingRequest {
  return {
    calls: request.calls,
    ahtSec: request.aht,
    intervalSec: request.interval,
    thresholdSec: request.threshold,
    slGoal: request.sl,
    agents: request.agents,
    maxOccupancy: request.maxOccupancy,
    maxAbandonRate: request.maxAbandon,
    asaGoalSec: request.asaGoal,
    shrinkage: request.shrinkage,
    patienceSec: request.patience,
    concurrency: request.concurrency,
    efficiency: request.efficiency,
    model: request.model ?? 'erlangC',
  }
}

/** JSON has no Infinity: an unbounded ASA (an unstable Erlang C queue) is written as null. */
const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)

/** One request (parsed JSON) → one result object, or an error message. */
export function answerRequest(input: unknown): Record<string, unknown> {
  const parsed = requestSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message
    return { error: `${where}${message}` }
  }
  try {
    const r = staff(toStaffingRequest(parsed.data))
    const result: Record<string, unknown> = {
      model: r.model,
      traffic: r.traffic,
      agents: r.agents,
      agentsFractional: r.agentsFractional,
      agentsWithShrinkage: r.agentsWithShrinkage,
      probWait: r.probWait,
      serviceLevel: r.serviceLevel,
      asa: finiteOrNull(r.asa),
      occupancy: r.occupancy,
    }
    if (r.model === 'erlangA') result.abandonRate = r.abandonRate
    return result
  } catch (error) {
    // Every failure belongs to its own line: the next lines are still answered.
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/** Answers a stream of JSON lines; returns how many lines were bad. Blank lines are skipped. */
export async function answerLines(input: NodeJS.ReadableStream, write: (line: string) => void): Promise<number> {
  let bad = 0
  const lines = createInterface({ input, crlfDelay: Infinity })
  for await (const line of lines) {
    if (line.trim() === '') continue
    let answer: Record<string, unknown>
    try {
      answer = answerRequest(JSON.parse(line))
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      answer = { error: `invalid JSON: ${error.message}` }
    }
    if ('error' in answer) bad++
    write(JSON.stringify(answer))
  }
  return bad
}
