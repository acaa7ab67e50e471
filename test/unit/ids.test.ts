import { describe, expect, it } from 'vitest'
import { idSchema, MAX_ID, routeId } from '../../app/schemas/id.ts'
import { parseReviewSearch } from '../../app/schemas/review.ts'
import { editShiftSchema } from '../../app/schemas/schedules.ts'
import { parseStaffingQuery } from '../../app/schemas/staffing.ts'

const notIds = ['0', '-1', '+1', '1.0', '1.', '0x2', '1e3', '01', ' 1', '1 ', '', '½', '１', '2147483648', '99999999999999999999']

describe('ids from URLs and forms', () => {
  it('takes decimal digits from 1 to 2^31 − 1', () => {
    expect(MAX_ID).toBe(2_147_483_647)
    for (const [text, id] of [
      ['1', 1],
      ['42', 42],
      ['2147483647', 2_147_483_647],
    ] as const) {
      expect(idSchema.parse(text)).toBe(id)
    }
  })

  it('refuses every other spelling, and anything but text', () => {
    for (const text of notIds) expect(idSchema.safeParse(text).success, text).toBe(false)
    for (const value of [2, null, undefined, ['1']]) expect(idSchema.safeParse(value).success).toBe(false)
  })

  it('answers a route param that is no id with 404', () => {
    expect(routeId('7', 'Forecast not found')).toBe(7)
    for (const text of [...notIds, undefined]) {
      let thrown: unknown
      try {
        routeId(text, 'Forecast not found')
      } catch (error) {
        thrown = error
      }
      expect(thrown, String(text)).toBeInstanceOf(Response)
      expect((thrown as Response).status).toBe(404)
    }
  })

  it('leaves a bad id in a page’s query out instead of reading "0x2" as 2', () => {
    expect(parseStaffingQuery(new URLSearchParams('forecast=0x2&scenario=1e1&scenario=3')).forecast).toBeUndefined()
    expect(parseStaffingQuery(new URLSearchParams('forecast=0x2&scenario=1e1&scenario=3')).scenario).toEqual([3])
    expect(parseReviewSearch(new URLSearchParams('forecast=2.0')).forecast).toBeUndefined()
    expect(parseReviewSearch(new URLSearchParams('forecast=2')).forecast).toBe(2)
  })

  it('reads a shift edit’s agent: empty for none, else an id', () => {
    const edit = { shiftId: '5', start: '08:00' }
    expect(editShiftSchema.parse({ ...edit, agentId: '' }).agentId).toBeNull()
    expect(editShiftSchema.parse({ ...edit, agentId: '12' }).agentId).toBe(12)
    expect(editShiftSchema.safeParse({ ...edit, agentId: '0x2' }).success).toBe(false)
    expect(editShiftSchema.safeParse({ ...edit, shiftId: '99999999999999999999', agentId: '' }).success).toBe(false)
  })
})
