import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '../../app/utils/return-path.ts'

describe('safeReturnPath', () => {
  it('keeps local paths with their query', () => {
    expect(safeReturnPath('/settings')).toBe('/settings')
    expect(safeReturnPath('/?from=2026-11-01&to=2026-11-07')).toBe('/?from=2026-11-01&to=2026-11-07')
  })

  it.each(['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example', 'evil', '', null])(
    'sends %j home',
    (returnTo) => {
      expect(safeReturnPath(returnTo)).toBe('/')
    },
  )
})
