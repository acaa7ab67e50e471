// The planning pages, each story on the demo data alone: a forecast made, adjusted and exported;
// the demo forecast staffed with a scenario beside it; the Erlang calculator's answers.
import { describe, expect, it } from 'vitest'
import { overrideForecastDay } from '../support/page-steps.ts'
import { shots, startSignedIn, storyOfThisFile } from '../support/signed-in.ts'

const story = storyOfThisFile(startSignedIn)

describe('forecasting', () => {
  it('creates a forecast: chart with band, backtest table per method, the reason for the choice', async () => {
    await story.goto(`${story.app.baseUrl}/forecast`)
    await story.page.getByLabel('Horizonte (dias)').fill('7')
    await story.page.getByRole('button', { name: 'Gerar previsão' }).click()
    await story.page.waitForURL(/\/forecast\/\d+$/)
    await story.page.waitForSelector('[data-testid="forecast-chart"] svg.recharts-surface')
    await expect(story.page.locator('.recharts-legend-item').allTextContents()).resolves.toEqual(['Faixa de 80%', 'Realizado', 'Previsão do modelo'])
    await expect(story.page.locator('.recharts-area-area').count()).resolves.toBe(1)
    // Five methods and the automatic mode scored without hindsight.
    await expect(story.page.locator('[data-testid="backtest-table"] tbody tr').count()).resolves.toBe(6)
    await expect(story.page.locator('[data-testid="backtest-table"] tr.is-chosen').count()).resolves.toBe(1)
    await expect(story.page.getByTestId('method-reason').textContent()).resolves.toMatch(/^Escolhido automaticamente: .+ menor WAPE 7 dias à frente \(\d+,\d%\)/)
    await expect(story.page.locator('[data-testid="forecast-days"] tbody tr').count()).resolves.toBe(7)
    await story.page.screenshot({ path: `${shots}/forecast.png`, fullPage: true })
  })

  it('applies a +10% override to a day in place, keeping the model value beside it', async () => {
    const row = story.page.locator('[data-testid="forecast-days"] tbody tr').nth(1)
    const number = (text: string | null) => Number((text ?? '').replace(/\./g, '').replace(',', '.'))
    const model = number(await row.locator('td').nth(1).textContent())
    expect(model).toBeGreaterThan(0)
    await overrideForecastDay(story, 1, 10)
    const adjusted = number(await row.getByTestId('adjusted').textContent())
    expect(Math.abs(adjusted - 1.1 * model)).toBeLessThanOrEqual(1)
    expect(number(await row.locator('td').nth(1).textContent())).toBe(model) // the model's value is kept
    await expect(story.page.locator('[data-testid="overrides"] tbody tr td').nth(3).textContent()).resolves.toBe('+10,0%')
    await expect(story.page.locator('.recharts-legend-item').allTextContents()).resolves.toContain('Previsão ajustada')
    await story.page.screenshot({ path: `${shots}/forecast-override.png`, fullPage: true })
  })

  it('exports the forecast as CSV', async () => {
    const href = await story.page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href')
    const response = await story.signedFetch(`${story.app.baseUrl}${href}`)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toBe('interval_start,channel,offered,aht_seconds,model_offered,lower,upper')
    expect(lines.length).toBeGreaterThan(7 * 48)
  })
})

describe('staffing', () => {
  it('plans the demo forecast and compares a +10% volume scenario: agents and hours rise', async () => {
    await story.goto(`${story.app.baseUrl}/staffing`)
    await story.page.locator('select[name="forecast"]').selectOption({ label: 'Próximas 4 semanas (demonstração)' })
    await story.page.getByRole('button', { name: 'Aplicar' }).click()
    await story.page.waitForURL(/forecast=\d+/)
    // The address changes before the new plan renders: wait until the page shows the chosen forecast
    // (the default is the latest forecast: the one made above, when 'forecasting' ran first).
    const forecastId = new URL(story.page.url()).searchParams.get('forecast')
    await story.page.waitForSelector(`a[href="/staffing/csv?forecast=${forecastId}"]`)
    await story.page.waitForSelector('[data-testid="staffing-chart"] svg.recharts-surface')
    await expect(story.page.locator('[data-testid="staffing-comparison"] tbody tr').count()).resolves.toBe(1)
    await expect(story.page.locator('[data-testid="staffing-channels"] tbody tr').count()).resolves.toBe(4)

    const editor = story.page.getByRole('form', { name: 'Novo cenário' })
    await editor.getByLabel('Nome').fill('Volume +10%')
    await editor.getByLabel('Volume, todos os canais (%)').fill('10')
    await editor.getByRole('button', { name: 'Salvar cenário' }).click()
    await story.page.getByText('Cenário salvo.').waitFor()
    await story.page.locator('[data-testid="scenario-list"]').getByRole('link', { name: 'Volume +10%' }).click()
    await story.page.waitForURL(/scenario=\d+/)
    await story.page.waitForSelector('[data-testid="staffing-comparison"] tbody tr:nth-child(2)')

    const number = (text: string | null) => Number((text ?? '').replace(/\s*\(.*\)$/, '').replace(/\./g, '').replace(',', '.'))
    const cell = async (row: number, id: string) => number(await story.page.locator(`[data-testid="staffing-comparison"] tbody tr`).nth(row).getByTestId(id).textContent())
    expect(await cell(1, 'scheduled-hours')).toBeGreaterThan(await cell(0, 'scheduled-hours'))
    expect(await cell(1, 'agent-hours')).toBeGreaterThan(await cell(0, 'agent-hours'))
    expect(await cell(1, 'fte')).toBeGreaterThan(await cell(0, 'fte'))
    expect(await cell(1, 'peak')).toBeGreaterThanOrEqual(await cell(0, 'peak'))
    await expect(story.page.locator('[data-testid="staffing-comparison"] tbody tr').nth(1).getByTestId('scheduled-hours').textContent()).resolves.toMatch(/\(\+\d/)
    await expect(story.page.locator('.recharts-legend-item').allTextContents()).resolves.toContain('Escalados: Volume +10%')
    await story.page.screenshot({ path: `${shots}/staffing.png`, fullPage: true })
  })
})

describe('the Erlang calculator', () => {
  it('answers 14 agents for the worked example and draws the curves', async () => {
    await story.goto(`${story.app.baseUrl}/calculator`)
    const form = story.page.locator('form#calculator')
    await form.locator('input[name="calls"]').fill('100')
    await form.locator('select[name="intervalMin"]').selectOption('30')
    await form.locator('input[name="aht"]').fill('180')
    await form.locator('input[name="slGoalPct"]').fill('80')
    await form.locator('input[name="threshold"]').fill('20')
    await form.locator('input[name="patience"]').fill('300')
    await form.getByRole('button', { name: 'Calcular' }).click()
    await story.page.waitForURL(/calls=100/)
    await expect(story.page.getByTestId('result-erlangC-agents').textContent()).resolves.toBe('14')
    await expect(story.page.getByTestId('result-erlangA-agents').textContent()).resolves.toBe('13')
    await story.page.waitForSelector('[data-testid="chart-sl"] svg.recharts-surface')
    await expect(story.page.locator('[data-testid="chart-sl"] .recharts-line').count()).resolves.toBe(2)
    await expect(story.page.locator('[data-testid="curve-table"] tr.is-answer td').first().textContent()).resolves.toBe('14')
    await story.page.screenshot({ path: `${shots}/calculator.png`, fullPage: true })
  })

  it('keeps the inputs in the URL, so a link reproduces the answer', async () => {
    await story.goto(`${story.app.baseUrl}/calculator?calls=300&intervalMin=15&aht=240&slGoalPct=80&threshold=30&patience=120&model=erlangA`)
    await expect(story.page.getByTestId('result-erlangA').getAttribute('class')).resolves.toMatch(/chosen/)
    await expect(story.page.locator('form#calculator input[name="calls"]').inputValue()).resolves.toBe('300')
  })

  it('warns when Erlang A meets the SL only because callers give up early', async () => {
    await story.goto(`${story.app.baseUrl}/calculator?calls=100&intervalMin=30&aht=180&slGoalPct=80&threshold=20&patience=10&model=erlangA`)
    await expect(story.page.getByTestId('abandon-warning').textContent()).resolves.toMatch(/abandonam/)
    await story.goto(`${story.app.baseUrl}/calculator?calls=100&intervalMin=30&aht=180&slGoalPct=80&threshold=20&patience=10&model=erlangA&maxAbandonPct=5`)
    await expect(story.page.getByTestId('abandon-warning').count()).resolves.toBe(0)
    await expect(story.page.getByTestId('result-erlangA-agents').textContent()).resolves.not.toBe('4')
  })

  it('says which input is wrong', async () => {
    const response = await story.goto(`${story.app.baseUrl}/calculator?calls=100&intervalMin=30&aht=0&slGoalPct=80&threshold=20`)
    expect(response?.status()).toBe(400)
    await expect(story.page.locator('#calculator-aht-error').textContent()).resolves.toBe('O TMA deve ser maior que 0 segundos (até 86400).')
  })
})
