// The built app while another process holds the database's write lock past the server's wait
// (DATABASE_LOCK_WAIT_SECONDS=1 here): a save answers 503 with Retry-After and the page says the
// database is busy, in Portuguese, with a way to try again; the server kept answering meanwhile.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onPostgres } from '../support/postgres.ts'
import type { RunningApp } from '../support/server.ts'
import { shots, startSignedIn, type SignedIn } from '../support/signed-in.ts'
import { holdWriteLock } from '../support/write-lock.ts'

let signedIn: SignedIn
let app: RunningApp
let page: Page
let goto: SignedIn['goto']

beforeAll(async () => {
  signedIn = await startSignedIn({ env: { DATABASE_LOCK_WAIT_SECONDS: '1' } })
  ;({ app, page, goto } = signedIn)
})

afterAll(() => signedIn?.stop())

// SQLite's one write lock, held by another process; PostgreSQL's writers wait for row locks.
describe.skipIf(onPostgres)('a save while another process writes', () => {
  it('says the database is busy (503, Retry-After) instead of failing, and saves once it is free', async () => {
    await goto(`${app.baseUrl}/settings`)
    const form = page.locator('form#channel-1')
    await form.locator('input[name="slGoalPct"]').fill('85')
    const lock = await holdWriteLock(app.databaseUrl, 8000)
    try {
      const health = fetch(`${app.baseUrl}/healthz`)
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/settings')),
        form.getByRole('button', { name: 'Salvar' }).click(),
      ])
      expect(answer.status()).toBe(503)
      expect(answer.headers()['retry-after']).toBe('10')
      await page.getByRole('heading', { name: 'Banco de dados ocupado' }).waitFor()
      await page.getByText('Outra tarefa (uma importação, por exemplo) está gravando no banco de dados').waitFor()
      await page.screenshot({ path: `${shots}/database-busy.png`, fullPage: false })
      // Reads kept being answered while the write waited.
      expect((await health).status).toBe(200)
    } finally {
      await lock.released
    }
    await page.getByRole('link', { name: 'Tentar de novo' }).click()
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
    await page.locator('form#channel-1 input[name="slGoalPct"]').fill('85')
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/settings')),
      page.locator('form#channel-1').getByRole('button', { name: 'Salvar' }).click(),
    ])
    expect(saved.status()).toBe(200)
    await page.getByText('Salvo.').waitFor()
  })

  it('answers a form posted without scripts with the busy page, status 503', async () => {
    const cookie = (await signedIn.browser.cookies(app.baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ')
    const lock = await holdWriteLock(app.databaseUrl, 5000)
    try {
      const response = await fetch(`${app.baseUrl}/settings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.baseUrl, Cookie: cookie },
        body: new URLSearchParams({ intent: 'operation', name: 'Ocupada', timeZone: 'America/Sao_Paulo' }),
      })
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('10')
      expect(await response.text()).toContain('Banco de dados ocupado')
    } finally {
      await lock.released
    }
  })
})
