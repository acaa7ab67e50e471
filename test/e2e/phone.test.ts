// Every page at a phone's width (390 × 844), in Portuguese and in English, read from Tokyo while the
// server runs in UTC and the operation in São Paulo: it answers 200, nothing makes the page scroll
// sideways (wide tables scroll inside their card), hydration finds the text the server wrote (no
// console or page error), the menu opens from its button and closes with Escape, and the text is in
// the page's language: dates dd/MM in Portuguese and MM/dd in English, no ISO dates, no channel
// keys, no words of the other language outside the user's own data (names read from the database).
import { mkdirSync } from 'node:fs'
import { appRows } from '../support/app-database.ts'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser.ts'
import { signIn, startApp, type RunningApp } from '../support/server.ts'

const PHONE = { width: 390, height: 844 }
/** The reader's zone: neither the server's (UTC) nor the operation's (America/Sao_Paulo). */
const READER_ZONE = 'Asia/Tokyo'
const shots = 'test-results'
const languages = ['pt-BR', 'en'] as const
type Language = (typeof languages)[number]

let app: RunningApp
let browser: BrowserContext
let page: Page
/** Console errors and uncaught page errors (React reports a hydration mismatch as either). */
let errors: string[] = []
/** Ids the pages need, from the demo data and the schedule made below. */
const ids = { forecast: 0, schedule: 0 }

const pages = [
  '/',
  '/volume',
  '/data',
  '/forecast',
  '/forecast/:forecast',
  '/staffing',
  '/calculator',
  '/schedules',
  '/schedules/:schedule',
  '/schedules/:schedule?day=1',
  '/schedules/rules',
  '/schedules/agents',
  '/review',
  '/settings',
  '/users',
  '/audit',
  '/account/password',
]

const pathOf = (template: string) => template.replace(/:(forecast|schedule)/, (_, key: keyof typeof ids) => String(ids[key]))

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  app = await startApp({ env: { TZ: 'UTC' } })
  browser = await launchBrowser({ locale: 'pt-BR', timezoneId: READER_ZONE, phone: PHONE })
  page = await browser.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Names people gave things (and the demo's, in Portuguese): text a page shows as it was stored. */
async function storedNames(): Promise<{ names: string[]; channelKeys: string[] }> {
  const column = async (table: string, name: string) =>
    (await appRows<Record<string, string | null>>(app.databaseUrl, `SELECT "${name}" AS "value" FROM "${table}"`)).flatMap((r) => (r.value ? [r.value] : []))
  const rules = (await column('ScheduleRuleSet', 'rules')).flatMap((json) =>
    (JSON.parse(json) as { shiftTypes: Array<{ name: string; breaks: Array<{ name: string }> }> }).shiftTypes.flatMap((s) => [
      s.name,
      ...s.breaks.map((b) => b.name),
    ]),
  )
  const names = [
    ...(await column('Operation', 'name')),
    ...(await column('Channel', 'name')),
    ...(await column('Forecast', 'name')),
    ...(await column('Forecast', 'createdBy')),
    ...(await column('Scenario', 'name')),
    ...(await column('Agent', 'name')),
    ...(await column('User', 'name')),
    ...(await column('User', 'email')),
    ...(await column('SpecialDay', 'name')),
    ...(await column('ImportRun', 'fileName')),
    ...rules,
  ]
  // Longest first, so that a name containing another is taken out whole.
  return { names: [...new Set(names)].sort((a, b) => b.length - a.length), channelKeys: await column('Channel', 'key') }
}

/** The import formats' column names (and the manual they point to): identifiers, the same in both languages. */
const formatWords = ['contact_id', 'channel', 'arrived_at', 'outcome', 'wait_seconds', 'handle_seconds', 'agent', 'queue', 'fcr', 'nps', 'interval_start', 'docs/command-line.md']

/** A whole word (letters of any alphabet around it end it, so "for" is not found in "força"). */
const words = (list: string) => new RegExp(`(?<!\\p{L})(${list})(?!\\p{L})`, 'iu')

/** Words of Portuguese on an English page, and of English on a Portuguese one (names taken out first). */
const otherLanguage: Record<Language, RegExp[]> = {
  'pt-BR': [
    words(
      'the|and|of|to|from|with|for|by|per|this|that|is|are|all|none|week|weeks|day|days|channels?|forecast|agents?|hours?|shifts?|schedules?|save|saved|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Feb|Apr|May|Aug|Sep|Oct|Dec',
    ),
  ],
  en: [
    /[ãõçáéíóúâêôàÃÕÇÁÉÍÓÚÂÊÔ]/,
    words('de|da|das|dos|em|para|por|não|sem|canal|canais|todos|todas|semanas?|previsto|realizado|escalas?|hoje|ontem|intervalos?|dias?|seg|ter|qua|qui|sex|dom|fev|abr|mai|dez'),
  ],
}

/** A local day "yyyy-MM-dd" as each language writes day and month, written out by hand here. */
const dayMonth = (day: string, language: Language) =>
  language === 'en' ? `${day.slice(5, 7)}/${day.slice(8, 10)}` : `${day.slice(8, 10)}/${day.slice(5, 7)}`

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * What a page shows in the wrong form: ISO dates, the other language's day/month order, channel
 * keys, words of the other language. Read: every text and accessible name, but identifiers
 * (`<code>`) and what is marked as another language (the button that switches to it).
 */
async function wrongText(language: Language): Promise<string[]> {
  const { names, channelKeys } = await storedNames()
  const texts = await page.evaluate(() => {
    const lang = document.documentElement.lang
    const skipped = (element: Element) => !!element.closest('script, style, code') || element.closest('[lang]')?.getAttribute('lang') !== lang
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent?.trim()
      if (parent && text && !skipped(parent)) out.push(text)
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skipped(element)) continue
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim()
        if (value) out.push(value)
      }
    }
    return out
  })
  // dd/MM with a day above 12 reads as a 13th month in English, and MM/dd as one in Portuguese.
  const otherOrder = language === 'en' ? /\b(1[3-9]|2\d|3[01])\/(0[1-9]|1[0-2])\b/ : /\b(0[1-9]|1[0-2])\/(1[3-9]|2\d|3[01])\b/
  const problems: string[] = []
  for (const text of texts) {
    if (channelKeys.includes(text)) problems.push(`channel key: ${text}`)
    let own = text
    for (const name of [...names, ...formatWords]) own = own.split(name).join(' ')
    if (/\b\d{4}-\d{2}-\d{2}\b|\d{2}:\d{2}:\d{2}\.\d{3}Z/.test(own)) problems.push(`ISO date: ${text}`)
    if (otherOrder.test(own)) problems.push(`date in the other language's order: ${text}`)
    for (const pattern of otherLanguage[language]) {
      const foreign = pattern.exec(own)
      if (foreign) problems.push(`"${foreign[0]}" in: ${text}`)
    }
  }
  return [...new Set(problems)]
}

/** Elements that reach past the right edge, outside a scrolling wrapper: what widens the page. */
async function overflow(): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && !e.parentElement?.closest('.scroll, .table-scroll'))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`)
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits }
  })
}

/**
 * The menu is closed, opens from its button (announced as expanded), takes the focus next, and
 * Escape closes it with focus back on the button; `openShot`: a screenshot of it open.
 */
async function checkMenu(openShot: string | null) {
  const button = page.locator('button.menu-button')
  const menu = page.locator('#menu')
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false')
  await expect(button.getAttribute('aria-controls')).resolves.toBe('menu')
  await expect(menu.isVisible()).resolves.toBe(false)
  await button.click()
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('true')
  await expect(menu.isVisible()).resolves.toBe(true)
  if (openShot) await page.screenshot({ path: openShot })
  await page.keyboard.press('Tab')
  await expect(page.evaluate(() => !!document.activeElement?.closest('#menu'))).resolves.toBe(true)
  await page.keyboard.press('Escape')
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false')
  await expect(menu.isVisible()).resolves.toBe(false)
  await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true)
}

/** Opens a page, waits for React and for its charts, and checks everything the file's header says. */
async function checkPage(path: string, language: Language, shot: string) {
  errors = []
  const response = await page.goto(`${app.baseUrl}${path}`)
  expect({ path, status: response?.status() }).toEqual({ path, status: 200 })
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language)
  // Charts draw after hydration, at the width their card gives them.
  await page.waitForFunction(
    () => [...document.querySelectorAll('.recharts-responsive-container')].every((c) => c.querySelector('svg.recharts-surface')),
    undefined,
    { timeout: 20_000 },
  )
  await page.screenshot({ path: `${shots}/phone-${language}-${shot}.png`, fullPage: true })
  const width = await overflow()
  expect({ path, ...width }).toEqual({ path, scrollWidth: PHONE.width, innerWidth: PHONE.width, culprits: [] })
  await checkMenu(shot === 'overview' || shot === 'login' ? `${shots}/phone-${language}-${shot}-menu.png` : null)
  expect({ path, wrong: await wrongText(language) }).toEqual({ path, wrong: [] })
  expect({ path, errors }).toEqual({ path, errors: [] })
}

/** Switches the interface language with the button in the (phone) menu. */
async function switchLanguage(to: Language) {
  await page.locator('button.menu-button').click()
  await page.getByRole('button', { name: to === 'en' ? /English/ : /Português/ }).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to)
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
}

describe('the sign-in page on a phone', () => {
  for (const language of languages) {
    it(`works in ${language}`, async () => {
      if (language !== 'pt-BR') await switchLanguage(language)
      await checkPage('/login', language, 'login')
    })
  }

  it('signs in (over HTTP) and makes a small schedule on the phone', async () => {
    await switchLanguage('pt-BR')
    const { email, password } = app.admin()
    const cookie = await signIn(app.baseUrl, email, password, 'senha-do-admin-de-teste')
    const [name, value] = cookie.split('=') as [string, string]
    await browser.addCookies([{ name, value, url: app.baseUrl }])
    ids.forecast = (await appRows<{ id: number }>(app.databaseUrl, `SELECT "id" FROM "Forecast" WHERE "name" LIKE 'Próximas%'`))[0]!.id

    await page.goto(`${app.baseUrl}/schedules/rules`)
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
    await page.getByLabel('Tempo-limite do cálculo (s, 1 a 600)').fill('2')
    await page.getByRole('button', { name: 'Salvar regras' }).click()
    await page.getByText('Regras salvas.').waitFor()
    await page.goto(`${app.baseUrl}/schedules`)
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
    const form = page.getByRole('form', { name: 'Gerar escala' })
    await form.getByLabel('Previsão').selectOption({ label: 'Próximas 4 semanas (demonstração)' })
    await form.getByLabel('Canal').selectOption('email')
    await form.getByRole('button', { name: 'Gerar escala' }).click()
    await page.waitForURL(/\/schedules\/\d+$/, { timeout: 120_000 })
    ids.schedule = Number(new URL(page.url()).pathname.split('/').pop())
  })
})

for (const language of languages) {
  describe(`every page on a phone in ${language}`, () => {
    beforeAll(async () => {
      await page.goto(`${app.baseUrl}/`)
      await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
      if ((await page.evaluate(() => document.documentElement.lang)) !== language) await switchLanguage(language)
    })

    for (const template of pages) {
      it(template, async () => {
        await checkPage(pathOf(template), language, template === '/' ? 'overview' : template.slice(1).replace(/:\w+/, 'id').replace(/[/?=]/g, '-'))
      })
    }

    it(`writes days as ${language === 'en' ? 'MM/dd' : 'dd/MM'}`, async () => {
      const [{ firstDay: scheduleDay }] = (await appRows<{ firstDay: string }>(app.databaseUrl, 'SELECT "firstDay" FROM "Schedule" WHERE "id" = ?', ids.schedule)) as [{ firstDay: string }]
      await page.goto(`${app.baseUrl}/schedules/${ids.schedule}`)
      await expect(page.locator('h1').textContent()).resolves.toContain(`E-mail · ${dayMonth(scheduleDay, language)}`)

      // The forecast's chart runs from a week before its first day to its last: every tick is one
      // of those days as this language writes it.
      const [forecast] = (await appRows<{ firstDay: string; horizonDays: number }>(app.databaseUrl, 'SELECT "firstDay", "horizonDays" FROM "Forecast" WHERE "id" = ?', ids.forecast)) as [
        { firstDay: string; horizonDays: number },
      ]
      const shown = Array.from({ length: 7 + forecast.horizonDays }, (_, d) => addDays(forecast.firstDay, d - 7))
      const written = new Set(shown.map((day) => dayMonth(day, language)))
      await page.goto(`${app.baseUrl}/forecast/${ids.forecast}`)
      const ticks = '[data-testid="forecast-chart"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'
      await page.waitForFunction((selector) => {
        const drawn = [...document.querySelectorAll(selector)]
        return drawn.length > 1 && drawn.every((tick) => tick.textContent)
      }, ticks)
      const texts = await page.locator(ticks).allTextContents()
      for (const text of texts) {
        expect(text).toMatch(/^\d\d\/\d\d \d\d:\d\d$/)
        expect(written.has(text.slice(0, 5))).toBe(true)
      }

      // The worst intervals link to their day: the link's text is that day and the time.
      await page.goto(`${app.baseUrl}/review`)
      const link = page.locator('[data-testid="review-worst"] tbody tr td a').first()
      const day = new URL((await link.getAttribute('href'))!, app.baseUrl).searchParams.get('day')!
      await expect(link.textContent()).resolves.toMatch(new RegExp(`^${dayMonth(day, language)} \\d\\d:\\d\\d$`))
    })
  })
}
