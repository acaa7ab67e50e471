import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkAhtProfile, formatAhtProfile, hasPlannedAht, parseAhtProfile, plannedAhtAt } from '../../app/domain/planned-aht.ts'

describe('a planned TMA profile', () => {
  it('reads lines of weekday, hour and seconds in the ways people type them', () => {
    const { profile, problems } = parseAhtProfile('dia,hora,tma\nseg,08,300\nSábado;14:00;280,5\n0\t23\t200\n\nFri,9h,310')
    expect(problems).toEqual([])
    expect(profile![1]![8]).toBe(300)
    expect(profile![6]![14]).toBe(280.5)
    expect(profile![0]![23]).toBe(200)
    expect(profile![5]![9]).toBe(310)
    expect(profile!.flat().filter((s) => s !== null)).toHaveLength(4)
  })

  it('names each bad line and its reason, and keeps nothing from a text with one', () => {
    const { profile, problems } = parseAhtProfile('seg,08,300\nxyz,08,300\nter,24,300\nqua,08,0\nqui,08\nseg,8,200')
    expect(profile).toBeNull()
    expect(problems).toEqual([
      { line: 2, reason: 'weekday', value: 'xyz' },
      { line: 3, reason: 'hour', value: '24' },
      { line: 4, reason: 'seconds', value: '0' },
      { line: 5, reason: 'columns', value: 'qui,08' },
      { line: 6, reason: 'repeated', value: 'seg,8' },
    ])
  })

  it('is null for empty text', () => {
    expect(parseAhtProfile(' \n ')).toEqual({ profile: null, problems: [] })
  })

  it('writes what it reads (property)', () => {
    const cell = fc.option(fc.integer({ min: 1, max: 3600 }), { nil: null })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 24, maxLength: 24 }), { minLength: 7, maxLength: 7 }), (cells) => {
        const text = formatAhtProfile(cells)
        const read = parseAhtProfile(text)
        const any = cells.some((day) => day.some((s) => s !== null))
        expect(read.problems).toEqual([])
        expect(read.profile).toEqual(any ? cells : null)
      }),
      { numRuns: 100 },
    )
  })

  it('applies per weekday and hour over the flat value', () => {
    const profile = checkAhtProfile(Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d === 2 && h === 10 ? 400 : null))))
    expect(plannedAhtAt({ ahtSec: 300, profile }, 2, 10 * 60 + 45)).toBe(400)
    expect(plannedAhtAt({ ahtSec: 300, profile }, 2, 11 * 60)).toBe(300)
    expect(plannedAhtAt({ ahtSec: null, profile }, 3, 600)).toBeNull()
    expect(hasPlannedAht({ ahtSec: null, profile })).toBe(true)
    expect(hasPlannedAht({ ahtSec: null, profile: null })).toBe(false)
  })

  it('refuses a stored profile of the wrong shape', () => {
    expect(() => checkAhtProfile([[1, 2]])).toThrow(RangeError)
    expect(() => checkAhtProfile(Array.from({ length: 7 }, () => new Array(24).fill(-1)))).toThrow(RangeError)
  })
})
