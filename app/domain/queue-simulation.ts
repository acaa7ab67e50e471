// Discrete-event simulation of a first-come-first-served multi-server queue with customer
// abandonment (M/G/N(t)+G): the demo data's "actuals" come from it, so service level, ASA and
// abandonment are consequences of the agents that were staffed, as in a real contact centre.
//
// Agents come and go with a staffing timeline (agents logged in per interval). Agent j is logged
// in during interval i when j < agents[i]; one who is busy at a log-out boundary finishes the
// contact first. A channel with concurrency k (chat) gives each agent k parallel slots: k
// conversations at once, each with its own handle time (docs/decisions/003-demo-data.md).
//
// FCFS makes the simulation exact without an event list: a contact is served by the slot that
// becomes available first after its arrival, unless its patience runs out before that; a contact
// that abandons takes nothing from anyone behind it.

export interface StaffingTimeline {
  /** Length of one staffing interval, seconds. */
  intervalSec: number
  /** Agents logged in for each interval, starting at time 0. After the last interval: none. */
  agents: ArrayLike<number>
  /** Contacts one agent handles at once (1 for voice). */
  concurrency: number
}

export interface QueueContacts {
  /** Arrival times in seconds from the timeline's origin, ascending. */
  arrival: ArrayLike<number>
  /** Handle time of each contact if answered, seconds. */
  handle: ArrayLike<number>
  /** Time each contact is willing to wait, seconds (Infinity: never abandons). */
  patience: ArrayLike<number>
}

export interface QueueOutcome {
  /** Seconds in queue until answered or abandoned. */
  wait: Float64Array
  /** 1 when answered, 0 when abandoned (or never reached before the timeline ended). */
  answered: Uint8Array
  /** The agent (0-based) who answered, −1 when abandoned. */
  agent: Int32Array
}

/** Min-heap of slots keyed by the time they become free (typed arrays: no allocation per event). */
class SlotHeap {
  readonly key: Float64Array
  readonly slot: Int32Array
  size = 0

  constructor(capacity: number) {
    this.key = new Float64Array(capacity)
    this.slot = new Int32Array(capacity)
  }

  push(key: number, slot: number): void {
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.key[parent]! <= key) break
      this.key[i] = this.key[parent]!
      this.slot[i] = this.slot[parent]!
      i = parent
    }
    this.key[i] = key
    this.slot[i] = slot
  }

  /** Removes the root; read key[0] and slot[0] first. */
  pop(): void {
    const last = --this.size
    if (last === 0) return
    const key = this.key[last]!
    const slot = this.slot[last]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= last) break
      if (child + 1 < last && this.key[child + 1]! < this.key[child]!) child++
      if (this.key[child]! >= key) break
      this.key[i] = this.key[child]!
      this.slot[i] = this.slot[child]!
      i = child
    }
    this.key[i] = key
    this.slot[i] = slot
  }
}

export function simulateQueue(contacts: QueueContacts, staffing: StaffingTimeline): QueueOutcome {
  const { intervalSec, agents, concurrency } = staffing
  if (!(intervalSec > 0)) throw new RangeError(`intervalSec must be > 0 (got ${intervalSec})`)
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number ≥ 1 (got ${concurrency})`)
  }
  const count = contacts.arrival.length
  const wait = new Float64Array(count)
  const answered = new Uint8Array(count)
  const agentOf = new Int32Array(count).fill(-1)

  let maxAgents = 0
  for (let i = 0; i < agents.length; i++) maxAgents = Math.max(maxAgents, agents[i]!)
  const slots = maxAgents * concurrency
  const heap = new SlotHeap(Math.max(1, slots))
  for (let s = 0; s < slots; s++) heap.push(0, s)

  /** Earliest time ≥ t at which the agent is logged in (Infinity if never again). */
  const nextLoggedIn = (agent: number, t: number): number => {
    let i = Math.floor(t / intervalSec)
    if (i < 0) i = 0
    if (i < agents.length && agents[i]! > agent) return t
    for (i += 1; i < agents.length; i++) if (agents[i]! > agent) return i * intervalSec
    return Infinity
  }

  let previousArrival = -Infinity
  for (let c = 0; c < count; c++) {
    const t = contacts.arrival[c]!
    if (!(t >= previousArrival)) throw new RangeError('arrivals must be sorted ascending and finite')
    previousArrival = t
    const patience = contacts.patience[c]!

    // Find the slot that can start this contact first.
    let start = Infinity
    let slot = -1
    while (heap.size > 0) {
      const free = heap.key[0]!
      const s = heap.slot[0]!
      const ready = Math.max(free, t)
      const available = nextLoggedIn(Math.floor(s / concurrency), ready)
      if (available === ready) {
        start = ready
        slot = s
        break
      }
      heap.pop()
      if (available !== Infinity) heap.push(available, s) // otherwise this slot never returns
    }

    const waited = start - t
    if (slot === -1 || waited > patience) {
      wait[c] = Math.min(patience, waited)
      continue
    }
    heap.pop()
    heap.push(start + contacts.handle[c]!, slot)
    wait[c] = waited
    answered[c] = 1
    agentOf[c] = Math.floor(slot / concurrency)
  }
  return { wait, answered, agent: agentOf }
}
