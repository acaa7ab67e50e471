// Who works which channel at one moment (issue 15, item 5): agents of skill groups on the floor,
// each counting for one channel at a time, shared out among the channels' requirements. The most
// requirement they can cover is a maximum flow — source → group (its agents on the floor) → each
// channel of the group → sink (the channel's need) — found here by augmenting paths on a graph of
// at most 2^channels groups. The maximum is unique, the split of what stays short between
// channels need not be: every augmentation goes to the channel with the largest remaining
// shortage (ties: the earlier channel), one agent at a time, so a shortage the skills leave is
// spread over the channels rather than all left on one, and the same floors give the same split.

const EPS = 1e-9

export interface Allocation {
  /** Per channel: agents counted for it (at most its need). */
  covered: number[]
  /** Σ needs − Σ covered: what no allocation of these agents can cover. */
  short: number
  /** Per group, per channel: its agents counted for the channel (whole when floors and needs are). */
  flow: number[][]
}

/**
 * Agents of each group on the floor (`floors`, whole), channel needs (`needs`), and each group's
 * channels (`skills`, indexes into `needs`): the allocation covering the most, split as above.
 */
export function allocate(floors: readonly number[], needs: readonly number[], skills: ReadonlyArray<readonly number[]>): Allocation {
  const groups = floors.length
  const channels = needs.length
  const fromSource = new Array<number>(groups).fill(0)
  const flow = Array.from({ length: groups }, () => new Array<number>(channels).fill(0))
  const covered = new Array<number>(channels).fill(0)
  for (;;) {
    const order = needs
      .map((need, c) => ({ c, left: need - covered[c]! }))
      .filter((x) => x.left > EPS)
      .sort((a, b) => b.left - a.left || a.c - b.c)
    let pushed = false
    for (const { c: target, left } of order) {
      const path = augmentingPath(floors, fromSource, flow, skills, target)
      if (!path) continue
      // path: groups and channels alternating, g0 → c0 → g1 → … → target.
      let amount = Math.min(1, left, floors[path.groups[0]!]! - fromSource[path.groups[0]!]!)
      for (let k = 1; k < path.groups.length; k++) amount = Math.min(amount, flow[path.groups[k]!]![path.channels[k - 1]!]!)
      fromSource[path.groups[0]!]! += amount
      path.groups.forEach((g, k) => {
        flow[g]![path.channels[k]!]! += amount
        if (k > 0) flow[g]![path.channels[k - 1]!]! -= amount
      })
      covered[target]! += amount
      pushed = true
      break
    }
    if (!pushed) break
  }
  const short = needs.reduce((sum, need, c) => sum + Math.max(0, need - covered[c]!), 0)
  return { covered, short, flow }
}

/**
 * A shortest path in the residual graph from a group with agents to spare to `target`: group g →
 * channel c when g has the skill; channel c → group g when g gives c agents (taking one back).
 */
function augmentingPath(
  floors: readonly number[],
  fromSource: readonly number[],
  flow: ReadonlyArray<readonly number[]>,
  skills: ReadonlyArray<readonly number[]>,
  target: number,
): { groups: number[]; channels: number[] } | null {
  const groupParent = new Array<number>(floors.length).fill(-2) // −1: from the source
  const channelParent = new Array<number>(flow[0]?.length ?? 0).fill(-2)
  const queue: number[] = []
  floors.forEach((f, g) => {
    if (f - fromSource[g]! > EPS) {
      groupParent[g] = -1
      queue.push(g)
    }
  })
  for (let head = 0; head < queue.length; head++) {
    const g = queue[head]!
    for (const c of skills[g]!) {
      if (channelParent[c] !== -2) continue
      channelParent[c] = g
      if (c === target) return trace(groupParent, channelParent, target)
      flow.forEach((row, h) => {
        if (groupParent[h] === -2 && row[c]! > EPS) {
          groupParent[h] = c
          queue.push(h)
        }
      })
    }
  }
  return null
}

function trace(groupParent: readonly number[], channelParent: readonly number[], target: number) {
  const groups: number[] = []
  const channels: number[] = []
  for (let c = target; c !== -1; ) {
    const g = channelParent[c]!
    groups.unshift(g)
    channels.unshift(c)
    c = groupParent[g]!
  }
  return { groups, channels }
}

/** `allocate` remembered by its inputs: a week's minutes repeat a few thousand distinct floors and needs. */
export function memoAllocate(skills: ReadonlyArray<readonly number[]>): (floors: readonly number[], needs: readonly number[]) => Allocation {
  const seen = new Map<string, Allocation>()
  return (floors, needs) => {
    const key = `${floors.join(',')}|${needs.join(',')}`
    let found = seen.get(key)
    if (!found) seen.set(key, (found = allocate(floors, needs, skills)))
    return found
  }
}
