// The Review of the demo data: forecast accuracy, SL attainment and the variance heatmap, drilled
// into by day, by heatmap cell and by week; exported; reached from the Overview.
import { describe, expect, it } from 'vitest'
import { addDays, appYesterday, daysSinceMonday } from '../support/calendar.ts'
import { appToday } from '../support/server.ts'
import { shots, startSignedIn, storyOfThisFile } from '../support/signed-in.ts'

const story = storyOfThisFile(startSignedIn)

describe('review', () => {
  // The demo's forecast for the Review covers the 28 days before today.
  const period = { from: addDays(appToday, -28), to: appYesterday }

  it('shows forecast accuracy, SL attainment and the variance heatmap for the demo data', async () => {
    await story.goto(`${story.app.baseUrl}/review`)
    await expect(story.page.locator('h1').textContent()).resolves.toBe('Análise')
    // The default: the demo's forecast of the last four weeks, over the days it covers.
    await expect(story.page.locator('select[name="forecast"] option:checked').textContent()).resolves.toBe('Últimas 4 semanas (para a análise)')
    await expect(story.page.locator('input[name="from"]').inputValue()).resolves.toBe(period.from)
    await expect(story.page.locator('input[name="to"]').inputValue()).resolves.toBe(period.to)
    for (const id of ['attainment-intervals', 'attainment-days', 'attainment-weeks']) {
      await expect(story.page.getByTestId(`review-${id}`).textContent()).resolves.toMatch(/^\d{1,3}%$/)
    }
    await expect(story.page.getByTestId('review-volume-wape').textContent()).resolves.toMatch(/^\d+,\d%$/)
    await expect(story.page.getByTestId('review-volume-bias').textContent()).resolves.toMatch(/^[+-]?\d+,\d%$/)
    await expect(story.page.getByTestId('review-nps').textContent()).resolves.toMatch(/^-?\d+,\d$/)
    const heatmap = story.page.getByTestId('variance-heatmap')
    await expect(heatmap.locator('tbody tr').count()).resolves.toBe(7)
    await expect(heatmap.locator('tbody th').first().textContent()).resolves.toBe('seg.') // Monday first
    expect(await heatmap.locator('td:not(.empty)').count()).toBeGreaterThan(7 * 12)
    await expect(heatmap.locator('td:not(.empty)').first().textContent()).resolves.toMatch(/^[+-]?\d+%$/)
    await story.page.waitForSelector('[data-testid="review-chart"] svg.recharts-surface')
    // Calendar weeks run Monday to Sunday: four weeks touch four of them from a Monday, else five.
    const weeks = Math.ceil((daysSinceMonday(period.from) + 28) / 7)
    await expect(story.page.locator('[data-testid="review-weeks"] tbody tr').count()).resolves.toBe(weeks)
    await expect(story.page.locator('[data-testid="review-days"] tbody tr').count()).resolves.toBe(28)
    await expect(story.page.locator('[data-testid="review-worst"] tbody tr').count()).resolves.toBeGreaterThan(0)
    expect(await story.page.locator('[data-testid="review-worst"] .badge.signal').count()).toBeGreaterThan(0)
    await story.page.screenshot({ path: `${shots}/review.png`, fullPage: true })
  })

  it('drills into a day from the day table and from the chart', async () => {
    const days = story.page.locator('[data-testid="review-days"] tbody tr')
    await days.nth(2).getByRole('link').click()
    const day = new URL(`${story.app.baseUrl}${await days.nth(2).getByRole('link').getAttribute('href')}`).searchParams.get('day')!
    await story.page.waitForURL((url) => url.searchParams.get('day') === day)
    const intervals = story.page.locator('[data-testid="review-intervals"] tbody tr')
    await intervals.first().waitFor()
    expect(await intervals.count()).toBeGreaterThan(40)
    await story.page.waitForSelector('[data-testid="review-day-chart"] svg.recharts-surface')
    await story.page.screenshot({ path: `${shots}/review-day.png`, fullPage: true })

    // A day's bar in the chart opens that day.
    const other = new URL(`${story.app.baseUrl}${await days.nth(5).getByRole('link').getAttribute('href')}`).searchParams.get('day')!
    await story.page.locator('[data-testid="review-chart"] .recharts-bar-rectangle').nth(5).click()
    await story.page.waitForURL((url) => url.searchParams.get('day') === other)
    await expect.poll(() => story.page.locator('#review-day-title').textContent()).toMatch(new RegExp(`, ${Number(other.slice(8))} de `))
  })

  it('exports every interval of the review as CSV', async () => {
    const href = await story.page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href')
    expect(href).toMatch(/^\/review\/csv\?/)
    const response = await story.signedFetch(`${story.app.baseUrl}${href}`)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="review_.+\.csv"$/)
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toBe(
      'interval_start,channel,offered,forecast_offered,variance,aht_seconds,forecast_aht_seconds,service_level,sl_goal,asa_seconds,abandon_rate,predicted_abandon_rate,agents_staffed,planned_agents',
    )
    expect(lines.length).toBeGreaterThan(28 * 48)
  })

  it('sends its data compressed with brotli to browsers that ask for it (the server of decision 013)', async () => {
    const response = await story.signedFetch(`${story.app.baseUrl}/review.data?_routes=routes%2Freview`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(await response.text()).toContain('accuracy')
  })

  it('drills into a heatmap cell (that hour on that weekday, every week) and into a week of the trend', async () => {
    // Monday (the first row), 10:00: four weeks of four 15-minute intervals, all channels added up.
    await story.page.getByTestId('variance-heatmap').locator('tbody tr').first().locator('td').nth(10).getByRole('link').click()
    await story.page.waitForURL((url) => url.searchParams.get('slot') === '1-10')
    const rows = story.page.locator('[data-testid="review-slot-intervals"] tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(4 * 4)
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^\d{2}\/\d{2} 10:00$/)
    await expect(story.page.locator('#review-slot-title').textContent()).resolves.toMatch(/^Segunda-feira das 10h às 11h/)
    await story.page.waitForSelector('[data-testid="review-slot-chart"] svg.recharts-surface')
    await story.page.locator('#review-slot').screenshot({ path: `${shots}/review-slot.png` })
    await story.page.getByRole('link', { name: 'Fechar a hora' }).click()
    await story.page.waitForURL((url) => !url.searchParams.has('slot'))

    // The first week's link reviews only its days inside the period (all seven from a Monday).
    const week = story.page.locator('[data-testid="review-weeks"] tbody tr').first().getByRole('link')
    const link = new URL(`${story.app.baseUrl}${await week.getAttribute('href')}`).searchParams
    const days = 7 - daysSinceMonday(period.from)
    expect({ from: link.get('from'), to: link.get('to') }).toEqual({ from: period.from, to: addDays(period.from, days - 1) })
    await week.click()
    await story.page.waitForURL((url) => url.searchParams.get('from') === link.get('from') && url.searchParams.get('to') === link.get('to'))
    await expect.poll(() => story.page.locator('[data-testid="review-days"] tbody tr').count()).toBe(days)
    await expect(story.page.locator('select[name="forecast"] option:checked').textContent()).resolves.toBe('Últimas 4 semanas (para a análise)')
  })

  it('is linked from the Overview for the period shown, and refuses a reversed period', async () => {
    await story.goto(story.app.baseUrl)
    await story.page.getByRole('link', { name: 'Ver análise do período' }).click()
    await story.page.waitForURL(/\/review\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/)
    await story.page.getByTestId('review-attainment-intervals').waitFor()
    await expect(story.page.locator('[data-testid="review-days"] tbody tr').count()).resolves.toBe(7)

    const response = await story.goto(`${story.app.baseUrl}/review?from=2026-11-20&to=2026-11-01`)
    expect(response?.status()).toBe(400)
    await expect(story.page.getByRole('alert').first().textContent()).resolves.toMatch(/^Período inválido/)
  })

  it('shows the days of a long period a month at a time, turned without a request', async () => {
    // The demo's 13 weeks of history without a forecast: four or five calendar months.
    const from = addDays(appToday, -91)
    const days = Array.from({ length: 91 }, (_, i) => addDays(from, i))
    const months = [...new Set(days.map((d) => d.slice(0, 7)))]
    const daysOf = (month: string) => days.filter((d) => d.startsWith(month)).length
    await story.goto(`${story.app.baseUrl}/review?forecast=none&from=${from}&to=${appYesterday}`)
    const rows = story.page.locator('[data-testid="review-days"] tbody tr')
    const month = story.page.getByRole('combobox', { name: 'Mês', exact: true })
    await expect(month.locator('option').count()).resolves.toBe(months.length)
    await expect(month.inputValue()).resolves.toBe(months[0])
    await expect(rows.count()).resolves.toBe(daysOf(months[0]!))
    await expect(story.page.getByText(`${daysOf(months[0]!)} de 91 dias`).count()).resolves.toBe(1)
    await expect(story.page.getByRole('button', { name: 'Mês anterior' }).isDisabled()).resolves.toBe(true)

    let requests = 0
    story.page.on('request', () => requests++)
    await story.page.getByRole('button', { name: 'Próximo mês' }).click()
    await expect.poll(() => month.inputValue()).toBe(months[1])
    await expect(rows.count()).resolves.toBe(daysOf(months[1]!))
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(new RegExp(`01/${months[1]!.slice(5)}$`))
    await month.selectOption(months[months.length - 1]!)
    await expect.poll(() => rows.count()).toBe(daysOf(months[months.length - 1]!))
    await expect(story.page.getByRole('button', { name: 'Próximo mês' }).isDisabled()).resolves.toBe(true)
    expect(requests).toBe(0)
    await story.page.locator('#review-days-title').locator('..').screenshot({ path: `${shots}/review-days-paged.png` })

    // A day chosen in the address opens on its month, marked.
    await story.goto(`${story.app.baseUrl}/review?forecast=none&from=${from}&to=${appYesterday}&day=${days[40]}`)
    await expect(month.inputValue()).resolves.toBe(days[40]!.slice(0, 7))
    await expect(rows.count()).resolves.toBe(daysOf(days[40]!.slice(0, 7)))
    await expect(story.page.locator('[data-testid="review-days"] tbody tr.is-chosen').count()).resolves.toBe(1)
  })
})
