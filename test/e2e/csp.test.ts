// The Content-Security-Policy in a real browser: every page, sign-in included, renders and hydrates
// (its inline scripts carry the response's nonce), draws its charts, and the browser reports no
// violation; an inline script without the nonce is refused. Signing in and the page's forms still
// work under `Referrer-Policy: same-origin` and the server's Origin check.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

let app: RunningApp
let browser: BrowserContext
let page: Page
/** What the browser refused, from the page's own violation events and from the console. */
const violations: string[] = []

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser({ locale: 'en' })
  // Runs before the page's own scripts, outside the policy: records every violation the page meets.
  await browser.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`)
    })
  })
  page = await browser.newPage()
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text()
    if (/Content Security Policy|CSP violation|Refused to/i.test(text)) violations.push(`${page.url()}: ${text}`)
  })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function goto(path: string) {
  const response = await page.goto(`${app.baseUrl}${path}`)
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  return response
}

describe('the Content-Security-Policy in the browser', () => {
  it('lets the sign-in page hydrate and the forms sign in and change the one-time password', async () => {
    const response = await goto('/login')
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    const { email, password } = app.admin()
    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/account/password')
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
    await page.getByLabel('Current password').fill(password)
    await page.getByLabel('New password', { exact: true }).fill('a-password-for-the-csp-test')
    await page.getByLabel('New password again').fill('a-password-for-the-csp-test')
    await page.getByRole('button', { name: 'Save the new password' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    expect(violations).toEqual([])
  })

  // Each page, and the chart it draws (recharts draws in the browser only, after hydration).
  const pages: Array<[string, string | null]> = [
    ['/', 'overview-chart'],
    ['/volume', 'volume-chart'],
    ['/forecast/1', 'forecast-chart'],
    ['/staffing', 'staffing-chart'],
    ['/schedules', null],
    ['/review', 'review-chart'],
    ['/calculator', 'chart-sl'],
    ['/settings', null],
    ['/data', null],
  ]
  for (const [path, chart] of pages) {
    it(`renders ${path}${chart ? ' with its chart' : ''} without a violation`, async () => {
      const response = await goto(path)
      expect(response?.status()).toBe(200)
      if (chart) await page.waitForSelector(`[data-testid="${chart}"] svg.recharts-surface`)
      expect(violations).toEqual([])
    })
  }

  it('serves a page rendered before with the nonce of its own response', async () => {
    // The same page twice: the second comes from the kept copy (app/utils/document-cache.server.ts).
    const nonceOf = (response: Awaited<ReturnType<typeof goto>>) => /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy']!)![1]!
    // An address no other test opened (the key is the whole address), so the first is rendered.
    const first = await goto('/review?kept=1')
    const firstHtml = await first!.text()
    const second = await goto('/review?kept=1')
    const secondHtml = await second!.text()
    expect(first!.headers()['server-timing']).toMatch(/^render;dur=\d+(\.\d)?$/)
    expect(second!.headers()['server-timing']).toBe('render;desc="kept"')
    expect(nonceOf(second)).not.toBe(nonceOf(first))
    expect(new Set([...secondHtml.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set([nonceOf(second)]))
    expect(secondHtml.replaceAll(nonceOf(second), 'N')).toBe(firstHtml.replaceAll(nonceOf(first), 'N'))
    await page.waitForSelector('[data-testid="review-chart"] svg.recharts-surface')
    await expect(page.locator('h1').textContent()).resolves.toBe('Review')
    expect(violations).toEqual([])
  })

  it('posts a plain HTML form (the language switch) and navigates in the app without a violation', async () => {
    await goto('/volume')
    await page.getByRole('button', { name: /Português/ }).click()
    await page.waitForSelector('html[lang="pt-BR"][data-hydrated]', { state: 'attached' })
    await page.getByRole('link', { name: 'Previsão' }).click()
    await page.waitForURL((url) => url.pathname === '/forecast')
    // The Review kept in English before is not the page in Portuguese.
    await goto('/review')
    await expect(page.locator('h1').textContent()).resolves.toBe('Análise')
    expect(violations).toEqual([])
  })

  it('refuses an inline script without the nonce', async () => {
    await goto('/')
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
      return (window as unknown as { injected?: boolean }).injected === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    expect(violations.join('\n')).toMatch(/script-src/)
  })
})
