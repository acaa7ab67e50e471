// Users and roles: the administrator creates a manager, who signs in on the page and can read
// every page but change nothing; the Audit log then says who did what.
import { describe, expect, it } from 'vitest'
import { appYesterday } from '../support/calendar.ts'
import { overrideForecastDay, publishSchedule, requestDemoSchedule, saveSolverTimeLimit, uploadOnDataPage } from '../support/page-steps.ts'
import { ADMIN_PASSWORD, shots, startSignedIn, storyOfThisFile } from '../support/signed-in.ts'

// The manager's tour below opens a schedule (/schedules/1), and the Audit log test looks for an
// import, a forecast adjustment, changed shift rules and a published schedule by the
// administrator: this story makes each before its tests rather than rely on other stories' files.
const story = storyOfThisFile(startSignedIn, async (story) => {
  const { app, page, goto } = story
  await uploadOnDataPage(story, 'ouvidoria.csv', `Protocolo;Canal;Data Hora;Resultado;Tempo de Espera;TMA\nOUV-1;Ouvidoria;${appYesterday} 10:00;atendida;12;300\n`)
  await page.getByRole('button', { name: 'Importar' }).click()
  await page.getByTestId('import-done').waitFor()
  await goto(`${app.baseUrl}/forecast/2`) // the demo's next four weeks
  await overrideForecastDay(story, 1, 10)
  // A small schedule, quick to make: E-mail alone, the solve held to 2 s.
  await saveSolverTimeLimit(story, 2)
  await requestDemoSchedule(story, 'email')
  await page.waitForURL(/\/schedules\/1$/, { timeout: 120_000 })
  await publishSchedule(story)
})

describe('users and roles', () => {
  const manager = { email: 'gestora@teste.local', password: 'senha-da-gestora-de-teste' }
  let oneTime = ''

  it('creates a manager on the Users page, who gets a one-time password shown once', async () => {
    await story.goto(`${story.app.baseUrl}/users`)
    const form = story.page.getByRole('form', { name: 'Novo usuário' })
    await form.getByLabel('Nome').fill('Gestora Teste')
    await form.getByLabel('E-mail').fill(manager.email)
    await form.getByLabel('Papel').selectOption('manager')
    await form.getByRole('button', { name: 'Criar usuário' }).click()
    oneTime = (await story.page.getByTestId('one-time-password').locator('.one-time-password').textContent())!.trim()
    expect(oneTime).toMatch(/^[A-Za-z0-9]{16}$/)
    // The password comes with the action's answer; the list follows with the revalidation.
    await expect.poll(() => story.page.locator('[data-testid="users"] tbody tr').count()).toBe(2)
    await story.page.screenshot({ path: `${shots}/users.png`, fullPage: true })
  })

  it('signs the manager in: the Review shows, and no page has a control that changes anything', async () => {
    await story.page.getByRole('button', { name: 'Sair' }).click()
    await story.page.waitForURL((url) => url.pathname === '/login')
    await story.signInOnPage(manager.email, oneTime, manager.password)
    await expect(story.page.getByTestId('account').textContent()).resolves.toContain('Gestor')
    await story.goto(`${story.app.baseUrl}/review`)
    await expect(story.page.getByTestId('review-attainment-intervals').textContent()).resolves.toMatch(/^\d{1,3}%$/)
    await expect(story.page.getByTestId('variance-heatmap').locator('tbody tr').count()).resolves.toBe(7)
    await expect(story.page.getByRole('navigation').getByRole('link', { name: 'Usuários' }).count()).resolves.toBe(0)
    const changing = 'form[method="post"]:not([action="/logout"]):not([action="/language"])'
    for (const path of ['/', '/review', '/volume', '/data', '/forecast', '/forecast/2', '/staffing', '/schedules', '/schedules/1', '/schedules/rules', '/schedules/agents', '/settings']) {
      const response = await story.goto(`${story.app.baseUrl}${path}`)
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 })
      expect({ path, forms: await story.page.locator(changing).count() }).toEqual({ path, forms: 0 })
    }
    await expect(story.page.locator('fieldset[disabled]').count()).resolves.toBeGreaterThan(0) // Settings: values shown, not editable
    await story.page.screenshot({ path: `${shots}/settings-manager.png`, fullPage: false })
    const users = await story.goto(`${story.app.baseUrl}/users`)
    expect(users?.status()).toBe(403)
  })

  it('refuses a crafted POST from the manager’s own signed-in page', async () => {
    await story.goto(`${story.app.baseUrl}/review`)
    const status = await story.page.evaluate(async () => {
      const body = new FormData()
      body.set('intent', 'operation')
      body.set('name', 'Tomada pela gestora')
      body.set('timeZone', 'America/Sao_Paulo')
      return (await fetch('/settings', { method: 'POST', body })).status
    })
    expect(status).toBe(403)
  })

  it('shows the administrator who did what in the Audit log', async () => {
    await story.page.getByRole('button', { name: 'Sair' }).click()
    await story.page.waitForURL((url) => url.pathname === '/login')
    await story.signInOnPage(story.app.admin().email, ADMIN_PASSWORD)
    await story.goto(`${story.app.baseUrl}/audit?action=user.create`)
    const rows = story.page.locator('[data-testid="audit"] tbody tr')
    await expect(rows.count()).resolves.toBe(1)
    await expect(rows.first().textContent()).resolves.toContain(manager.email)
    await story.goto(`${story.app.baseUrl}/audit`)
    const actions = await story.page.locator('[data-testid="audit"] tbody tr td:nth-child(3)').allTextContents()
    for (const expected of ['Entrada', 'Usuário criado', 'Senha alterada', 'Escala publicada', 'Regras de turno alteradas', 'Ajuste de previsão', 'Importação']) {
      expect(actions).toContain(expected)
    }
    await story.page.screenshot({ path: `${shots}/audit.png`, fullPage: true })
  })
})
