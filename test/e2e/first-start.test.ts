// A newcomer's first start: the demo loaded on a fresh database, the printed administrator signed
// in on the page (choosing a password), the Overview read, the language switched, a goal set in
// Settings, and unknown pages and bad periods answered.
import { describe, expect, it } from 'vitest'
import { addDays, appYesterday } from '../support/calendar.ts'
import { appToday } from '../support/server.ts'
import { ADMIN_PASSWORD, shots, startSignedOut, storyOfThisFile } from '../support/signed-in.ts'

const story = storyOfThisFile(startSignedOut)

describe('the app on a fresh database', () => {
  it('loaded the demo data on first start, up to the day before its today', () => {
    expect(story.app.output()).toMatch(new RegExp(`Loaded demo data: [\\d,]+ contacts from ${addDays(appToday, -91)} to ${appYesterday} `))
  })

  it('answers /healthz', async () => {
    const response = await fetch(`${story.app.baseUrl}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('OK')
  })

  it('sends a visitor to the sign-in page, and the printed administrator in with a new password', async () => {
    const response = await story.goto(story.app.baseUrl)
    expect(new URL(story.page.url()).pathname).toBe('/login')
    expect(response?.status()).toBe(200)
    const { email, password } = story.app.admin()
    await story.page.getByLabel('E-mail').fill(email)
    await story.page.getByLabel('Senha', { exact: true }).fill('não é esta')
    await story.page.getByRole('button', { name: 'Entrar' }).click()
    await expect(story.page.getByRole('alert').textContent()).resolves.toBe('E-mail ou senha incorretos.')
    await story.signInOnPage(email, password, ADMIN_PASSWORD)
    expect(new URL(story.page.url()).pathname).toBe('/')
    await expect(story.page.getByTestId('account').textContent()).resolves.toContain(email)
  })

  it('shows the Overview with its table and chart', async () => {
    await story.goto(story.app.baseUrl)
    await expect(story.page.locator('h1').textContent()).resolves.toBe('Visão geral')
    const rows = story.page.locator('[data-testid="overview-table"] tbody tr')
    await expect(rows.count()).resolves.toBe(4)
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^Voz/)
    await story.page.waitForSelector('[data-testid="overview-chart"] svg.recharts-surface')
    // Four stacked channels × 7 days of bars, less Sunday's voice (closed), and the SL line.
    await expect(story.page.locator('.recharts-bar-rectangle').count()).resolves.toBe(4 * 7 - 1)
    await expect(story.page.locator('.recharts-line').count()).resolves.toBe(1)
    await story.page.screenshot({ path: `${shots}/overview.png`, fullPage: true })
  })

  it('narrows the chart to one channel with its goal line', async () => {
    await story.page.selectOption('[data-testid="chart-channel"]', 'voz')
    await expect(story.page.locator('.recharts-legend-item').allTextContents()).resolves.toEqual(['Voz', 'NS'])
    await expect(story.page.locator('.recharts-reference-line').count()).resolves.toBe(1)
  })

  it('changes the period from the quick links', async () => {
    await story.page.getByRole('link', { name: 'Últimos 28 dias' }).click()
    await story.page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=/)
    await story.page.waitForSelector('[data-testid="overview-chart"] svg.recharts-surface')
    // The address changes before the new chart is drawn: wait for the redraw (or time out).
    await story.page.waitForFunction(() => document.querySelectorAll('.recharts-bar-rectangle').length > 6, undefined, { timeout: 10_000 }).catch(() => {})
    // Still showing Voz alone: 28 days hold exactly 4 Sundays, when voice is closed (no bar).
    await expect(story.page.locator('.recharts-bar-rectangle').count()).resolves.toBe(24)
  })

  it('switches the interface language and back', async () => {
    await story.goto(story.app.baseUrl)
    await story.page.getByRole('button', { name: /English/ }).click()
    await story.page.waitForFunction(() => document.documentElement.lang === 'en')
    await expect(story.page.locator('h1').textContent()).resolves.toBe('Overview')
    await expect(story.page.getByRole('navigation').getByRole('link', { name: 'Staffing' }).count()).resolves.toBe(1)
    await story.page.getByRole('button', { name: /Português/ }).click()
    await story.page.waitForFunction(() => document.documentElement.lang === 'pt-BR')
    await expect(story.page.locator('h1').textContent()).resolves.toBe('Visão geral')
  })

  it('refuses an invalid SL goal in Settings with a message, then saves a valid one', async () => {
    await story.goto(`${story.app.baseUrl}/settings`)
    const form = story.page.locator('form#channel-1')
    const slGoal = form.locator('input[name="slGoalPct"]')
    await expect(slGoal.inputValue()).resolves.toBe('80')
    await slGoal.fill('150')
    await form.getByRole('button', { name: 'Salvar' }).click()
    await expect(
      form.getByText('A meta de NS deve ser maior que 0% e menor que 100%.').waitFor(),
    ).resolves.toBeUndefined()
    await expect(slGoal.getAttribute('aria-invalid')).resolves.toBe('true')
    await story.page.screenshot({ path: `${shots}/settings-error.png`, fullPage: false })

    await form.locator('input[name="slGoalPct"]').fill('85')
    await form.getByRole('button', { name: 'Salvar' }).click()
    await story.page.getByText('Salvo.').waitFor()
    await story.page.reload()
    await expect(story.page.locator('form#channel-1 input[name="slGoalPct"]').inputValue()).resolves.toBe('85')
  })

  it('shows the new goal on the Overview', async () => {
    await story.goto(story.app.baseUrl)
    const goal = story.page.locator('[data-testid="overview-table"] tbody tr').first().locator('td').nth(3)
    await expect(goal.textContent()).resolves.toBe('85%')
  })

  it('answers unknown pages with a 404 page', async () => {
    const response = await story.goto(`${story.app.baseUrl}/nao-existe`)
    expect(response?.status()).toBe(404)
    await expect(story.page.locator('h1').textContent()).resolves.toBe('Página não encontrada')
  })

  it('answers a reversed period with a 400 and says why next to the form', async () => {
    const response = await story.goto(`${story.app.baseUrl}/?from=2026-11-20&to=2026-11-01`)
    expect(response?.status()).toBe(400)
    await expect(story.page.locator('[role="alert"]').textContent()).resolves.toBe(
      'Período inválido: a data inicial é posterior à final',
    )
    await expect(story.page.locator('input[name="from"]').inputValue()).resolves.toBe('2026-11-20')
  })
})
