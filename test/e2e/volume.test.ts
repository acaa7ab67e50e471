// The Volume page over long periods: its table a day of intervals (or a month of days) at a time,
// turned without a request, and every bucket and channel of the period in its CSV.
import { describe, expect, it } from 'vitest'
import { addDays, appYesterday } from '../support/calendar.ts'
import { appToday } from '../support/server.ts'
import { shots, startSignedIn, storyOfThisFile } from '../support/signed-in.ts'

const story = storyOfThisFile(startSignedIn)

// The demo's 13 weeks of history.
const from = addDays(appToday, -91)
const days = Array.from({ length: 91 }, (_, i) => addDays(from, i))

describe('the Volume page over long periods', () => {
  it('shows 15-minute buckets of 13 weeks a day at a time, and the CSV has them all', async () => {
    await story.goto(`${story.app.baseUrl}/volume?from=${from}&to=${appYesterday}&size=15`)
    await story.page.waitForSelector('[data-testid="volume-chart"] svg.recharts-surface')
    // 8,736 quarter hours do not fit the chart: bars of 4 hours (546), every contact still in them.
    await expect(story.page.getByTestId('volume-chart-step').textContent()).resolves.toBe(
      'O gráfico mostra barras de 4 h: os 8.736 intervalos não cabem lado a lado (546 barras). A tabela e o CSV têm cada intervalo.',
    )
    await story.page.locator('#volume-table-title').click() // opens the table
    const day = story.page.getByRole('combobox', { name: 'Dia', exact: true })
    await expect(day.locator('option').count()).resolves.toBe(91)
    await expect(day.inputValue()).resolves.toBe(from)
    const rows = story.page.locator('[data-testid="volume-table"] tbody tr')
    // São Paulo keeps no DST: 96 quarter hours a day, quiet ones included.
    await expect(rows.count()).resolves.toBe(96)
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/ 00:00$/)
    await expect(story.page.getByText('96 de 8.736 linhas').count()).resolves.toBe(1)

    let requests = 0
    story.page.on('request', () => requests++)
    await story.page.getByRole('button', { name: 'Próximo dia' }).click()
    await expect.poll(() => day.inputValue()).toBe(days[1])
    await day.selectOption(appYesterday)
    await expect.poll(() => rows.first().locator('td').first().textContent()).toMatch(new RegExp(`${appYesterday.slice(8)}/${appYesterday.slice(5, 7)} 00:00$`))
    await expect(story.page.getByRole('button', { name: 'Próximo dia' }).isDisabled()).resolves.toBe(true)
    expect(requests).toBe(0)
    await story.page.locator('details.panel').screenshot({ path: `${shots}/volume-table-paged.png` })

    const href = await story.page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href')
    const response = await story.signedFetch(`${story.app.baseUrl}${href}`)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="volume_${from}_${appYesterday}_15.csv"`)
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toBe('bucket_start,channel,offered')
    // Every quarter hour of the 91 days for each of the demo's four channels.
    expect(lines.length - 1).toBe(91 * 96 * 4)
    expect(lines[1]).toBe(`${from}T00:00:00-03:00,voz,0`)
    // The CSV adds up to the chart's total.
    const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[2]), 0)
    const title = await story.page.locator('#volume-chart-title').textContent()
    expect(total).toBe(Number(/\(([\d.]+)/.exec(title ?? '')![1]!.replace(/\./g, '')))
  })

  it('shows the days of 13 weeks a month at a time', async () => {
    await story.goto(`${story.app.baseUrl}/volume?from=${from}&to=${appYesterday}`)
    await story.page.locator('#volume-table-title').click()
    const month = story.page.getByRole('combobox', { name: 'Mês', exact: true })
    const months = [...new Set(days.map((d) => d.slice(0, 7)))]
    await expect(month.locator('option').count()).resolves.toBe(months.length)
    await expect(story.page.locator('[data-testid="volume-table"] tbody tr').count()).resolves.toBe(days.filter((d) => d.startsWith(months[0]!)).length)
  })
})
