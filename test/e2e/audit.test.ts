// The Audit page as an administrator reads it: refused sign-ins and changes in words (no JSON), a
// save that changes nothing left out; and the favicon, also at /favicon.ico.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from '../support/server.ts'
import { shots, startSignedIn, type SignedIn } from '../support/signed-in.ts'

let signedIn: SignedIn
let app: RunningApp
let page: Page
let goto: SignedIn['goto']

beforeAll(async () => {
  signedIn = await startSignedIn()
  ;({ app, page, goto } = signedIn)
})

afterAll(() => signedIn?.stop())

/** A sign-in attempt as the form sends it; its HTTP status. */
async function tryToSignIn(email: string, password: string): Promise<number> {
  const response = await fetch(`${app.baseUrl}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: '/' }),
    redirect: 'manual',
  })
  return response.status
}

describe('the Audit page', () => {
  it('shows refused sign-ins and changes in words, and no row for a save that changed nothing', async () => {
    expect(await tryToSignIn(app.admin().email, 'não é esta')).toBe(401)
    expect(await tryToSignIn('ninguem@example.com', 'nem esta')).toBe(401)

    await goto(`${app.baseUrl}/settings`)
    const form = page.locator('form#channel-1')
    /** Saves the form and waits for the action's answer. */
    const save = async () => {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/settings')),
        form.getByRole('button', { name: 'Salvar' }).click(),
      ])
      expect(answer.status()).toBe(200)
      await page.getByText('Salvo.').waitFor()
    }
    await form.locator('input[name="slGoalPct"]').fill('85')
    await save()
    // Saved again unchanged: the page says so, the log records nothing.
    await page.waitForSelector('form#channel-1 button:not([disabled])')
    await save()

    await goto(`${app.baseUrl}/audit`)
    const rows = await page.locator('table[data-testid="audit"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())),
    )
    const of = (action: string) => rows.filter((r) => r[2] === action).map((r) => [r[1], r[3], r[4]])
    expect(of('Entrada recusada')).toEqual([
      ['ninguem@example.com', '—', 'Endereço: 127.0.0.1\nMotivo: nenhuma conta com este e-mail'],
      [app.admin().email, '—', 'Endereço: 127.0.0.1\nMotivo: senha errada'],
    ])
    expect(of('Canal alterado')).toEqual([[app.admin().email, 'Canal Voz', 'Meta de NS: 80% → 85%']])
    for (const row of rows) expect(row[4]).not.toMatch(/[{}"]/)
    await page.screenshot({ path: `${shots}/audit.png`, fullPage: false })
  })

  it('has a favicon, also at /favicon.ico', async () => {
    await expect(page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).resolves.toEqual([
      '/favicon.ico',
      '/favicon.svg',
    ])
    for (const [path, type] of [
      ['/favicon.ico', /icon/],
      ['/favicon.svg', /^image\/svg\+xml/],
    ] as const) {
      const response = await fetch(`${app.baseUrl}${path}`)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      expect(response.headers.get('content-type')).toMatch(type)
    }
    const ico = new Uint8Array(await (await fetch(`${app.baseUrl}/favicon.ico`)).arrayBuffer())
    expect([...ico.slice(0, 4)]).toEqual([0, 0, 1, 0]) // an ICO header
  })
})
