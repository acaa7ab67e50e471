import { mkdirSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

let app: RunningApp
let browser: BrowserContext
let page: Page
const shots = 'test-results'

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  app = await startApp()
  browser = await launchBrowser({ locale: 'pt-BR' })
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the app on a fresh database', () => {
  it('loaded the demo data on first start', () => {
    expect(app.output()).toMatch(/Loaded demo data: [\d,]+ contacts/)
  })

  it('answers /healthz', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('OK')
  })

  it('shows the Overview with its table and chart', async () => {
    await page.goto(app.baseUrl)
    await expect(page.locator('h1').textContent()).resolves.toBe('Visão geral')
    const rows = page.locator('[data-testid="overview-table"] tbody tr')
    await expect(rows.count()).resolves.toBe(4)
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^Voz/)
    await page.waitForSelector('[data-testid="overview-chart"] svg.recharts-surface')
    // Four stacked channels × 7 days of bars, less Sunday's voice (closed), and the SL line.
    await expect(page.locator('.recharts-bar-rectangle').count()).resolves.toBe(4 * 7 - 1)
    await expect(page.locator('.recharts-line').count()).resolves.toBe(1)
    await page.screenshot({ path: `${shots}/overview.png`, fullPage: true })
  })

  it('narrows the chart to one channel with its goal line', async () => {
    await page.selectOption('[data-testid="chart-channel"]', 'voz')
    await expect(page.locator('.recharts-legend-item').allTextContents()).resolves.toEqual(['Voz', 'NS'])
    await expect(page.locator('.recharts-reference-line').count()).resolves.toBe(1)
  })

  it('changes the period from the quick links', async () => {
    await page.getByRole('link', { name: 'Últimos 28 dias' }).click()
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=/)
    await page.waitForSelector('[data-testid="overview-chart"] svg.recharts-surface')
    // Still showing Voz alone: 28 days hold exactly 4 Sundays, when voice is closed (no bar).
    await expect(page.locator('.recharts-bar-rectangle').count()).resolves.toBe(24)
  })

  it('switches the interface language and back', async () => {
    await page.goto(app.baseUrl)
    await page.getByRole('button', { name: /English/ }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await expect(page.locator('h1').textContent()).resolves.toBe('Overview')
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Staffing' }).count()).resolves.toBe(1)
    await page.getByRole('button', { name: /Português/ }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'pt-BR')
    await expect(page.locator('h1').textContent()).resolves.toBe('Visão geral')
  })

  it('refuses an invalid SL goal in Settings with a message, then saves a valid one', async () => {
    await page.goto(`${app.baseUrl}/settings`)
    const form = page.locator('form#channel-1')
    const slGoal = form.locator('input[name="slGoalPct"]')
    await expect(slGoal.inputValue()).resolves.toBe('80')
    await slGoal.fill('150')
    await form.getByRole('button', { name: 'Salvar' }).click()
    await expect(
      form.getByText('A meta de NS deve ser maior que 0% e menor que 100%.').waitFor(),
    ).resolves.toBeUndefined()
    await expect(slGoal.getAttribute('aria-invalid')).resolves.toBe('true')
    await page.screenshot({ path: `${shots}/settings-error.png`, fullPage: false })

    await form.locator('input[name="slGoalPct"]').fill('85')
    await form.getByRole('button', { name: 'Salvar' }).click()
    await page.getByText('Salvo.').waitFor()
    await page.reload()
    await expect(page.locator('form#channel-1 input[name="slGoalPct"]').inputValue()).resolves.toBe('85')
  })

  it('shows the new goal on the Overview', async () => {
    await page.goto(app.baseUrl)
    const goal = page.locator('[data-testid="overview-table"] tbody tr').first().locator('td').nth(3)
    await expect(goal.textContent()).resolves.toBe('85%')
  })

  it('shows areas that come later with their title and purpose only', async () => {
    await page.goto(`${app.baseUrl}/forecast`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Previsão')
    await expect(page.locator('main').textContent()).resolves.toMatch(/backtest/)
  })

  it('answers unknown pages with a 404 page', async () => {
    const response = await page.goto(`${app.baseUrl}/nao-existe`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('h1').textContent()).resolves.toBe('Página não encontrada')
  })

  it('answers a reversed period with a 400 and says why next to the form', async () => {
    const response = await page.goto(`${app.baseUrl}/?from=2026-11-20&to=2026-11-01`)
    expect(response?.status()).toBe(400)
    await expect(page.locator('[role="alert"]').textContent()).resolves.toBe(
      'Período inválido: a data inicial é posterior à final',
    )
    await expect(page.locator('input[name="from"]').inputValue()).resolves.toBe('2026-11-20')
  })
})

describe('the Erlang calculator', () => {
  it('answers 14 agents for the worked example and draws the curves', async () => {
    await page.goto(`${app.baseUrl}/calculator`)
    const form = page.locator('form#calculator')
    await form.locator('input[name="calls"]').fill('100')
    await form.locator('select[name="intervalMin"]').selectOption('30')
    await form.locator('input[name="aht"]').fill('180')
    await form.locator('input[name="slGoalPct"]').fill('80')
    await form.locator('input[name="threshold"]').fill('20')
    await form.locator('input[name="patience"]').fill('300')
    await form.getByRole('button', { name: 'Calcular' }).click()
    await page.waitForURL(/calls=100/)
    await expect(page.getByTestId('result-erlangC-agents').textContent()).resolves.toBe('14')
    await expect(page.getByTestId('result-erlangA-agents').textContent()).resolves.toBe('13')
    await page.waitForSelector('[data-testid="chart-sl"] svg.recharts-surface')
    await expect(page.locator('[data-testid="chart-sl"] .recharts-line').count()).resolves.toBe(2)
    await expect(page.locator('[data-testid="curve-table"] tr.is-answer td').first().textContent()).resolves.toBe('14')
    await page.screenshot({ path: `${shots}/calculator.png`, fullPage: true })
  })

  it('keeps the inputs in the URL, so a link reproduces the answer', async () => {
    await page.goto(`${app.baseUrl}/calculator?calls=300&intervalMin=15&aht=240&slGoalPct=80&threshold=30&patience=120&model=erlangA`)
    await expect(page.getByTestId('result-erlangA').getAttribute('class')).resolves.toMatch(/chosen/)
    await expect(page.locator('form#calculator input[name="calls"]').inputValue()).resolves.toBe('300')
  })

  it('warns when Erlang A meets the SL only because callers give up early', async () => {
    await page.goto(`${app.baseUrl}/calculator?calls=100&intervalMin=30&aht=180&slGoalPct=80&threshold=20&patience=10&model=erlangA`)
    await expect(page.getByTestId('abandon-warning').textContent()).resolves.toMatch(/abandonam/)
    await page.goto(`${app.baseUrl}/calculator?calls=100&intervalMin=30&aht=180&slGoalPct=80&threshold=20&patience=10&model=erlangA&maxAbandonPct=5`)
    await expect(page.getByTestId('abandon-warning').count()).resolves.toBe(0)
    await expect(page.getByTestId('result-erlangA-agents').textContent()).resolves.not.toBe('4')
  })

  it('says which input is wrong', async () => {
    const response = await page.goto(`${app.baseUrl}/calculator?calls=100&intervalMin=30&aht=0&slGoalPct=80&threshold=20`)
    expect(response?.status()).toBe(400)
    await expect(page.locator('#calculator-aht-error').textContent()).resolves.toBe('O TMA deve ser maior que 0 segundos (até 86400).')
  })
})
