import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '../../app/utils/return-path.ts'

describe('safeReturnPath', () => {
  it('keeps local paths with their query', () => {
    expect(safeReturnPath('/settings')).toBe('/settings')
    expect(safeReturnPath('/a/../review?day=2026-11-02')).toBe('/review?day=2026-11-02')
    expect(safeReturnPath('/?from=2026-11-01&to=2026-11-07')).toBe('/?from=2026-11-01&to=2026-11-07')
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'https://evil.example',
    'evil',
    '',
    null,
    // Dot segments that resolve to a path starting with "//".
    '/.//evil.example/x',
    '/%2e//evil.example',
    '/a/..//evil.example',
    '/./\\evil.example',
  ])('sends %j home', (returnTo) => {
    expect(safeReturnPath(returnTo)).toBe('/')
  })
})
