import { describe, expect, it } from 'vitest'
import {
  formatDay,
  formatDayMonth,
  formatDayTime,
  formatDuration,
  formatInstant,
  formatInteger,
  formatPercent,
  formatThreshold,
} from '../../app/utils/format.ts'

describe('formatting by locale', () => {
  it('writes numbers and percentages the way each language does', () => {
    expect(formatInteger(12128, 'pt-BR')).toBe('12.128')
    expect(formatInteger(12128, 'en')).toBe('12,128')
    expect(formatPercent(0.8747, 'pt-BR')).toBe('87,5%')
    expect(formatPercent(0.8747, 'en')).toBe('87.5%')
    expect(formatPercent(null, 'en')).toBe('—')
  })

  it('writes durations as seconds, min:s or hours', () => {
    expect(formatDuration(5.6, 'en')).toBe('6 s')
    expect(formatDuration(332, 'en')).toBe('5:32')
    expect(formatDuration(13_004, 'en')).toBe('3 h 37 min')
    expect(formatDuration(28_800, 'en')).toBe('8 h')
    expect(formatDuration(7_170, 'en')).toBe('2 h')
    expect(formatDuration(7_140, 'en')).toBe('1 h 59 min')
    expect(formatDuration(null, 'en')).toBe('—')
    expect(formatDuration(Infinity, 'en')).toBe('—')
    expect(formatThreshold(60, 'en')).toBe('60 s')
    expect(formatThreshold(28_800, 'pt-BR')).toBe('8 h')
  })

  it('writes a local date without shifting it through a time zone', () => {
    expect(formatDay('2026-11-23', 'pt-BR')).toBe('23 de nov. de 2026')
    expect(formatDay('2026-11-23', 'en')).toBe('Nov 23, 2026')
  })

  it('writes day and month in each language’s order, and interval times on the 24-hour clock', () => {
    expect(formatDayMonth('2026-11-30', 'pt-BR')).toBe('30/11')
    expect(formatDayMonth('2026-11-30', 'en')).toBe('11/30')
    expect(formatDayTime('2026-11-30', 8 * 60 + 15, 'pt-BR')).toBe('30/11 08:15')
    expect(formatDayTime('2026-12-01', 23 * 60 + 45, 'en')).toBe('12/01 23:45')
  })

  it('writes an instant in the zone it is given, whatever the zone the code runs in', () => {
    // 2026-11-30T02:30Z is still the 29th at 23:30 in São Paulo (UTC−3) and already 11:30 in Tokyo.
    const instant = Date.parse('2026-11-30T02:30:00Z')
    expect(formatInstant(instant, 'pt-BR', 'America/Sao_Paulo')).toBe('29/11/2026, 23:30')
    expect(formatInstant(instant, 'en', 'America/Sao_Paulo')).toBe('11/29/26, 23:30')
    expect(formatInstant('2026-11-30T02:30:00.000Z', 'en', 'Asia/Tokyo')).toBe('11/30/26, 11:30')
    expect(formatInstant(instant, 'pt-BR', 'America/Sao_Paulo', 'medium')).toBe('29/11/2026, 23:30:00')
  })
})
