// Brazilian national holidays (Lei 662/1949 as amended; Lei 14.759/2023 added 20 November from
// 2024). Carnival is a "ponto facultativo", not a national holiday, and is not listed.

export interface Holiday {
  /** "YYYY-MM-DD" */
  date: string
  namePt: string
  nameEn: string
}

/** Easter Sunday of the Gregorian calendar (anonymous algorithm: Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`year must be ≥ 1583 (got ${year})`)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function brazilNationalHolidays(year: number): Holiday[] {
  const easter = easterSunday(year)
  const goodFriday = new Date(Date.parse(`${easter}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10)
  const on = (monthDay: string) => `${year}-${monthDay}`
  const list: Holiday[] = [
    { date: on('01-01'), namePt: 'Confraternização Universal', nameEn: "New Year's Day" },
    { date: goodFriday, namePt: 'Paixão de Cristo', nameEn: 'Good Friday' },
    { date: on('04-21'), namePt: 'Tiradentes', nameEn: 'Tiradentes Day' },
    { date: on('05-01'), namePt: 'Dia do Trabalho', nameEn: 'Labour Day' },
    { date: on('09-07'), namePt: 'Independência do Brasil', nameEn: 'Independence Day' },
    { date: on('10-12'), namePt: 'Nossa Senhora Aparecida', nameEn: 'Our Lady of Aparecida' },
    { date: on('11-02'), namePt: 'Finados', nameEn: "All Souls' Day" },
    { date: on('11-15'), namePt: 'Proclamação da República', nameEn: 'Republic Proclamation Day' },
    { date: on('12-25'), namePt: 'Natal', nameEn: 'Christmas Day' },
  ]
  if (year >= 2024) {
    list.push({ date: on('11-20'), namePt: 'Dia Nacional de Zumbi e da Consciência Negra', nameEn: 'Black Consciousness Day' })
  }
  return list.sort((x, y) => x.date.localeCompare(y.date))
}
