import { describe, expect, it } from 'vitest'
import { demoChannels } from '../../app/domain/demo/channels.ts'
import { generateDemoHistory } from '../../app/domain/demo/generate.ts'
import { localDateOf, localMinuteOfDay, weekdayOf } from '../../app/domain/intervals.ts'

const timeZone = 'America/Sao_Paulo'
const history = generateDemoHistory({ today: '2026-11-24', timeZone })
const channel = (key: string) => history.channels.find((c) => c.channel.key === key)!

describe('demo history', () => {
  it('covers the 13 weeks before today for the four channels', () => {
    expect(history.from).toBe('2026-08-25')
    expect(history.to).toBe('2026-11-23')
    expect(history.channels.map((c) => c.channel.key)).toEqual(['voz', 'chat', 'whatsapp', 'email'])
    for (const { contacts } of history.channels) {
      expect(localDateOf(contacts.arrivedAt[0]!, timeZone) >= '2026-08-25').toBe(true)
      expect(localDateOf(contacts.arrivedAt[contacts.arrivedAt.length - 1]!, timeZone) <= '2026-11-23').toBe(true)
    }
  })

  it('is deterministic: the same seed gives the same contacts', () => {
    const again = generateDemoHistory({ today: '2026-11-24', timeZone })
    expect(again.channels[0]!.contacts.arrivedAt).toEqual(history.channels[0]!.contacts.arrivedAt)
    expect(again.channels[3]!.contacts.waitSec).toEqual(history.channels[3]!.contacts.waitSec)
    const other = generateDemoHistory({ today: '2026-11-24', timeZone, seed: 1 })
    expect(other.channels[0]!.contacts.arrivedAt.length).not.toBe(history.channels[0]!.contacts.arrivedAt.length)
  }, 60_000) // two more histories: ~0.8 s idle, 13 s beside `stress --cpu 4` with other work

  it('keeps voice to Monday–Saturday 08:00–22:00', () => {
    const { arrivedAt } = channel('voz').contacts
    for (let i = 0; i < arrivedAt.length; i += 97) {
      const minute = localMinuteOfDay(arrivedAt[i]!, timeZone)
      expect(minute).toBeGreaterThanOrEqual(8 * 60)
      expect(minute).toBeLessThan(22 * 60)
      expect(weekdayOf(localDateOf(arrivedAt[i]!, timeZone))).not.toBe(0)
    }
  })

  it('has realistic volumes, handle times and outcomes per channel', () => {
    for (const { channel: spec, contacts } of history.channels) {
      const n = contacts.arrivedAt.length
      const weeklyVolume = spec.dailyVolume.reduce((s, v) => s + v, 0)
      expect(n / 13).toBeGreaterThan(weeklyVolume * 0.85)
      expect(n / 13).toBeLessThan(weeklyVolume * 1.1)
      let answered = 0
      let handle = 0
      for (let i = 0; i < n; i++) {
        if (!contacts.answered[i]) continue
        answered++
        handle += contacts.handleSec[i]!
      }
      expect(handle / answered / spec.ahtSec).toBeGreaterThan(0.95)
      expect(handle / answered / spec.ahtSec).toBeLessThan(1.05)
      const abandonRate = 1 - answered / n
      if (spec.kind === 'deferred') expect(abandonRate).toBe(0)
      else expect(abandonRate).toBeGreaterThan(0.005)
    }
  })

  it('makes service level a consequence of staffing: short-staffed intervals do worse', () => {
    // Compare voice intervals staffed below vs above the median agents-per-contact ratio.
    const { contacts, staffing } = channel('voz')
    const threshold = demoChannels[0]!.slThresholdSec
    const perInterval = new Map<number, { offered: number; inTime: number }>()
    for (let i = 0; i < contacts.arrivedAt.length; i++) {
      const start = Math.floor(contacts.arrivedAt[i]! / 900_000) * 900_000
      const bucket = perInterval.get(start) ?? { offered: 0, inTime: 0 }
      bucket.offered++
      if (contacts.answered[i] && contacts.waitSec[i]! <= threshold) bucket.inTime++
      perInterval.set(start, bucket)
    }
    const rows = [...staffing.start].flatMap((start, i) => {
      const b = perInterval.get(start)
      return b && b.offered >= 20 ? [{ ratio: staffing.agents[i]! / b.offered, ...b }] : []
    })
    rows.sort((a, b) => a.ratio - b.ratio)
    const half = Math.floor(rows.length / 2)
    const sl = (part: typeof rows) => part.reduce((s, r) => s + r.inTime, 0) / part.reduce((s, r) => s + r.offered, 0)
    expect(sl(rows.slice(0, half))).toBeLessThan(sl(rows.slice(half)) - 0.05)
  })

  it('follows the time zone it is given: a New York history across the end of DST', () => {
    const ny = generateDemoHistory({ today: '2026-11-10', timeZone: 'America/New_York', weeks: 1 })
    const { arrivedAt } = ny.channels[0]!.contacts
    for (let i = 0; i < arrivedAt.length; i += 37) {
      const minute = localMinuteOfDay(arrivedAt[i]!, 'America/New_York')
      expect(minute).toBeGreaterThanOrEqual(8 * 60)
      expect(minute).toBeLessThan(22 * 60)
    }
  })
})
