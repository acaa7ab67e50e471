// A browser story's set-up: the built app started as `npm start` does, and a browser signed in
// as the administrator it printed (the one-time password changed over HTTP, as a script would).
import { mkdirSync } from 'node:fs'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { launchBrowser } from './browser.ts'
import { signIn, startApp, type RunningApp } from './server.ts'

/** Where browser tests write their screenshots. */
export const shots = 'test-results'

export interface SignedIn {
  app: RunningApp
  browser: BrowserContext
  page: Page
  /** Opens a page and waits until React has hydrated it, so clicks reach Remix and not a native submit. */
  goto: (url: string) => Promise<Response | null>
  stop: () => Promise<void>
}

export async function startSignedIn({ locale = 'pt-BR', env = {} }: { locale?: string; env?: Record<string, string> } = {}): Promise<SignedIn> {
  mkdirSync(shots, { recursive: true })
  const app = await startApp({ env })
  const browser = await launchBrowser({ locale })
  const { email, password } = app.admin()
  const cookie = await signIn(app.baseUrl, email, password, 'senha-do-admin-de-teste')
  const [name, value] = cookie.split('=') as [string, string]
  await browser.addCookies([{ name, value, url: app.baseUrl }])
  const page = await browser.newPage()
  const goto = async (url: string) => {
    const response = await page.goto(url)
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
    return response
  }
  return {
    app,
    browser,
    page,
    goto,
    stop: async () => {
      await browser.close()
      await app.stop()
    },
  }
}
