// A browser story's set-up: the built app started as `npm start` does (its own database) and a
// browser on it — signed in as the administrator it printed (the one-time password changed over
// HTTP, as a script would), or not yet, for a story that signs in on the page itself.
import { mkdirSync } from 'node:fs'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser.ts'
import { signIn, startApp, type RunningApp } from './server.ts'

/** Where browser tests write their screenshots. */
export const shots = 'test-results'

/** The administrator's own password, chosen at the first sign-in. */
export const ADMIN_PASSWORD = 'senha-do-admin-de-teste'

export interface SignedIn {
  app: RunningApp
  browser: BrowserContext
  page: Page
  /** Opens a page and waits until React has hydrated it, so clicks reach Remix and not a native submit. */
  goto: (url: string) => Promise<Response | null>
  /** fetch with the browser's session cookie (CSV exports and data requests need a signed-in user). */
  signedFetch: (url: string, init?: RequestInit) => Promise<globalThis.Response>
  /** Signs in on the page, choosing `newPassword` when the password is a one-time one. */
  signInOnPage: (email: string, password: string, newPassword?: string) => Promise<void>
  stop: () => Promise<void>
}

interface StartOptions {
  locale?: string
  env?: Record<string, string>
}

/** The app and a browser on it, nobody signed in yet. */
export async function startSignedOut({ locale = 'pt-BR', env = {} }: StartOptions = {}): Promise<SignedIn> {
  mkdirSync(shots, { recursive: true })
  const app = await startApp({ env })
  const browser = await launchBrowser({ locale })
  const page = await browser.newPage()
  const waitForHydration = () => page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  const goto = async (url: string) => {
    const response = await page.goto(url)
    await waitForHydration()
    return response
  }
  const signedFetch = async (url: string, init: RequestInit = {}) => {
    const cookies = await browser.cookies(app.baseUrl)
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } })
  }
  const signInOnPage = async (email: string, password: string, newPassword?: string) => {
    await goto(`${app.baseUrl}/login`)
    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Senha', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.waitForURL((url) => url.pathname !== '/login')
    if (new URL(page.url()).pathname === '/account/password') {
      if (!newPassword) throw new Error(`${email} must change the one-time password: pass newPassword`)
      await waitForHydration()
      await page.getByLabel('Senha atual').fill(password)
      await page.getByLabel('Nova senha', { exact: true }).fill(newPassword)
      await page.getByLabel('Repita a nova senha').fill(newPassword)
      await page.getByRole('button', { name: 'Salvar a nova senha' }).click()
      await page.waitForURL((url) => url.pathname !== '/account/password')
    }
    await waitForHydration()
  }
  return {
    app,
    browser,
    page,
    goto,
    signedFetch,
    signInOnPage,
    stop: async () => {
      await browser.close()
      await app.stop()
    },
  }
}

/** The app and a browser signed in as its administrator (password changed to ADMIN_PASSWORD). */
export async function startSignedIn(options: StartOptions = {}): Promise<SignedIn> {
  const story = await startSignedOut(options)
  const { email, password } = story.app.admin()
  const cookie = await signIn(story.app.baseUrl, email, password, ADMIN_PASSWORD)
  const [name, value] = cookie.split('=') as [string, string]
  await story.browser.addCookies([{ name, value, url: story.app.baseUrl }])
  return story
}

/**
 * The story a test file tells, on an app of its own: started by `start` before the file's tests
 * (then `setUp` makes what they need beyond it), stopped after them. Its fields are there once
 * beforeAll has run.
 */
export function storyOfThisFile(start: () => Promise<SignedIn>, setUp?: (story: SignedIn) => Promise<void>, timeoutMs = 300_000): SignedIn {
  const story = {} as SignedIn
  beforeAll(async () => {
    Object.assign(story, await start())
    await setUp?.(story)
  }, timeoutMs)
  afterAll(() => story.stop?.())
  return story
}
