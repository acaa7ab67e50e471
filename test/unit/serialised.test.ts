import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deserialise, serialise } from '../../app/utils/serialised.ts'

describe('serialise', () => {
  it('round-trips plain data exactly without options', () => {
    const value = { a: 0.1 + 0.2, b: [1, null, 'x'], c: { d: true, e: -1.5e-300 } }
    expect(deserialise(serialise(value))).toEqual(value)
  })

  it('rounds fractions to the significant digits asked, and leaves whole numbers alone', () => {
    const value = { rate: 0.8617201631047892, tiny: 1.23456789e-9, start: 1795143600000, count: 162526, minus: -330.45921961661963 }
    expect(deserialise(serialise(value, { significantDigits: 6 }))).toEqual({
      rate: 0.86172,
      tiny: 1.23457e-9,
      start: 1795143600000,
      count: 162526,
      minus: -330.459,
    })
  })

  it('never rounds into the whole part: a forecast total of millions keeps its units and a decimal', () => {
    expect(deserialise(serialise({ total: 1234567.89, huge: 98765432109.87 }, { significantDigits: 6 }))).toEqual({ total: 1234567.9, huge: 98765432109.9 })
  })

  it('keeps every rounded fraction within half a unit of its 6th significant digit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = deserialise(serialise({ x }, { significantDigits: 6 })).x
        if (Number.isInteger(x)) return back === x
        return Math.abs(back - x) <= Math.abs(x) * 5e-6 + Number.MIN_VALUE
      }),
    )
  })
})
