// A new user's own history instead of the demo (issue 13's reproduction): an interval file with
// volume only (`interval_start,channel,offered`) and weekdays missing, imported on the Data page,
// an automatic forecast for it, then every page — all answer 200, none shows the error page or a
// sentence in the other language, and Staffing plans it from the channel's planned TMA once set.
// Runs on a generated file of the same shape always, and on the real bank data when
// ../shared/data is there.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, weekdayOf } from '../../app/domain/intervals.ts'
import { bankCallsFile, hasBankCalls } from '../support/bank-calls.ts'
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

/**
 * Ten weeks of weekdays 07:00–21:00 in 15-minute intervals from Monday 2025-01-06, a busy
 * morning and afternoon; weekends absent (closed), and two weekdays absent too (missing data).
 */
function generatedFile(channel: string, missing: readonly string[]): string {
  const lines = ['interval_start,channel,offered']
  for (let d = 0; d < 70; d++) {
    const day = addDays('2025-01-06', d)
    const weekday = weekdayOf(day)
    if (weekday === 0 || weekday === 6 || missing.includes(day)) continue
    for (let q = 0; q < 56; q++) {
      const hour = 7 + q / 4
      const shape = Math.exp(-((hour - 10.5) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15) ** 2) / 6)
      const offered = Math.round((40 + 3 * (weekday === 1 ? 2 : 0)) * shape + 5 + ((d * 7 + q * 3) % 5))
      lines.push(`${day} ${String(Math.floor(hour)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')},${channel},${offered}`)
    }
  }
  return `${lines.join('\n')}\n`
}

/** The bank's calls per 5 minutes rolled up to 15 (the shape a WFM export has), volume only. */
function bankFile15(channel: string): string {
  const sums = new Map<string, number>()
  for (const line of readFileSync(bankCallsFile, 'utf8').trim().split('\n').slice(1)) {
    const [stamp, calls] = line.split(',') as [string, string]
    const minute = Number(stamp.slice(14, 16))
    const key = `${stamp.slice(0, 14)}${String(minute - (minute % 15)).padStart(2, '0')}`
    sums.set(key, (sums.get(key) ?? 0) + Number(calls))
  }
  return `interval_start,channel,offered\n${[...sums].map(([start, offered]) => `${start},${channel},${offered}`).join('\n')}\n`
}

/** Uploads an interval file on the Data page and imports it as mapped. */
async function importFile(name: string, content: string) {
  await goto(`${app.baseUrl}/data`)
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
  await page.locator('select[name="kind"]').selectOption('intervals')
  await page.getByRole('button', { name: 'Enviar' }).click()
  await page.getByRole('button', { name: 'Importar' }).click()
  await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
}

/**
 * Creates an automatic forecast of one channel from the Forecast page (the history the form
 * suggests for it, or up to `historyTo`); its id.
 */
async function forecastChannel(channel: string, historyTo?: string): Promise<number> {
  await goto(`${app.baseUrl}/forecast`)
  const boxes = page.locator('input[name="channelIds"]')
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(false)
  await page.getByRole('checkbox', { name: new RegExp(`^${channel}`) }).check()
  if (historyTo) await page.locator('input[name="historyTo"]').fill(historyTo)
  await page.getByLabel('Horizonte (dias)').fill('14')
  await page.getByRole('button', { name: 'Gerar previsão' }).click()
  await page.waitForURL(/\/forecast\/\d+$/, { timeout: 90_000 })
  await page.waitForSelector('[data-testid="forecast-chart"] svg.recharts-surface')
  return Number(/\/forecast\/(\d+)$/.exec(page.url())![1])
}

/** English that must not appear on a Portuguese page (user data here is Portuguese or names). */
const ENGLISH = /\b(the|and|with|without|cannot|needs|not found|error|forecast has)\b/i

/** Opens a page and checks it is whole: 200, no error view, no English sentence. */
async function expectWholePage(url: string, shot: string) {
  const response = await goto(url)
  expect(response?.status(), url).toBe(200)
  await expect(page.locator('section[role="alert"] > h1').count(), `${url} shows the error page`).resolves.toBe(0)
  const text = await page.locator('main').innerText()
  expect(text, `${url} mixes languages`).not.toMatch(ENGLISH)
  await page.screenshot({ path: `${shots}/own-data-${shot}.png`, fullPage: true })
}

/** Sets a channel's planned TMA on the Settings page. */
async function setPlannedAht(channel: string, seconds: string) {
  await goto(`${app.baseUrl}/settings`)
  const form = page.locator('form').filter({ has: page.locator(`input[name="name"][value="${channel}"]`) })
  await form.locator('input[name="plannedAhtSec"]').fill(seconds)
  await form.getByRole('button', { name: 'Salvar' }).click()
  await form.page().getByText('Salvo.').waitFor()
}

function story(
  channel: string,
  file: () => string,
  fileName: string,
  lastDay: string,
  missingInLastWeeks: string | null,
  /** The weekdays absent from the file. */
  gapDays: readonly string[],
) {
  let id: number

  it(`imports ${fileName} (volume only, days missing), lists its gaps and forecasts it automatically, leaving them out`, async () => {
    await importFile(fileName, file())
    await goto(`${app.baseUrl}/data`)
    const listed = page.getByTestId('data-gaps').locator('tr[data-day]')
    await expect(listed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-day')))).resolves.toEqual(expect.arrayContaining([...gapDays]))
    // One click tags the first as a day without data at the source: a special day now, no longer a gap to act on.
    const first = page.getByTestId('data-gaps').locator(`tr[data-day="${gapDays[0]}"]`)
    await first.getByRole('button', { name: /como Sem dados$/ }).click()
    await first.waitFor({ state: 'detached' })
    await page.screenshot({ path: `${shots}/own-data-${channel}-gaps.png`, fullPage: true })

    id = await forecastChannel(channel)
    // The others are left out of its training, listed with the forecast (the tagged one as a special day).
    const skipped = await page.getByTestId('forecast-gaps').locator('tr[data-day]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-day')))
    expect(skipped).toEqual(expect.arrayContaining(gapDays.slice(1)))
    expect(skipped).not.toContain(gapDays[0])
    await expect(page.getByTestId('forecast-without-aht').textContent()).resolves.toMatch(/não tem TMA/)
  })

  it('opens every page whole before the planned TMA is set, Staffing naming what is missing', async () => {
    for (const [url, shot] of [
      ['/', 'overview'],
      ['/volume', 'volume'],
      ['/data', 'data'],
      ['/forecast', 'forecasts'],
      [`/forecast/${id}`, 'forecast'],
      ['/staffing', 'staffing-default'],
      [`/staffing?forecast=${id}`, 'staffing'],
      ['/calculator', 'calculator'],
      ['/schedules', 'schedules'],
      ['/review', 'review-default'],
      [`/review?forecast=${id}`, 'review'],
      [`/review?forecast=${id}&from=${addDays(lastDay, 1)}&to=${addDays(lastDay, 14)}`, 'review-period'],
      ['/settings', 'settings'],
      [`/review/model-check?channel=${encodeURIComponent(channel)}`, 'model-check'],
    ] as const)
      await expectWholePage(`${app.baseUrl}${url}`, `${channel}-${shot}`)
    // Volume only: nothing the queueing model can be checked against, and the page says what is needed.
    await expect(page.getByTestId('check-problem').textContent()).resolves.toMatch(/ 0 têm o volume e as atendidas, 0 têm TMA, 0 têm agentes\./)
    await goto(`${app.baseUrl}/staffing?forecast=${id}`)
    await expect(page.getByTestId('plan-gaps').textContent()).resolves.toContain(`${channel}: a previsão não tem TMA`)
    // The filters stay: another forecast can be chosen.
    await expect(page.locator('select[name="forecast"] option').count()).resolves.toBeGreaterThan(1)
  })

  it('plans it from the planned TMA set in Settings', async () => {
    await setPlannedAht(channel, '300')
    await expectWholePage(`${app.baseUrl}/staffing?forecast=${id}`, `${channel}-staffing-planned`)
    await expect(page.getByTestId('plan-gaps').count()).resolves.toBe(0)
    await expect(page.getByTestId('aht-fills').textContent()).resolves.toContain('o plano usa o TMA planejado do canal')
    await page.waitForSelector('[data-testid="staffing-comparison"]')
    const hours = await page.getByTestId('agent-hours').first().textContent()
    expect(Number(hours!.replace(/\./g, '').replace(',', '.'))).toBeGreaterThan(0)
    await expectWholePage(`${app.baseUrl}/review?forecast=${id}`, `${channel}-review-planned`)
  })

  it('reviews a forecast of its last two weeks with what the data has, naming what it lacks', async () => {
    const past = await forecastChannel(channel, addDays(lastDay, -14))
    await expectWholePage(`${app.baseUrl}/review?forecast=${past}`, `${channel}-review-past`)
    await expect(page.getByTestId('review-volume-wape').textContent()).resolves.toMatch(/^\d+,\d%$/)
    const missing = await page.getByTestId('review-missing').textContent()
    expect(missing).toContain(`O realizado de ${channel} não tem tempos de atendimento`)
    expect(missing).toContain('Nenhum canal informa agentes logados')
    expect(missing).toContain(`O histórico de ${channel} não informa o atendimento dentro do tempo`)
    // A weekday whose rows never came is left out and named; the closed weekends are not.
    if (missingInLastWeeks) expect(missing).toContain(`Um dia sem dados de ${channel} (${missingInLastWeeks})`)
    else expect(missing).not.toContain('sem dados de')
    // Unknown, not 0%: the service level and abandonment of a volume-only history are blank.
    await expect(page.getByTestId('review-service-level').textContent()).resolves.toBe('—')
    await expect(page.getByTestId('review-abandon').textContent()).resolves.toBe('—')
  })
}

describe('a generated volume-only file with two weekdays missing', () => {
  story('Gerado', () => generatedFile('Gerado', ['2025-02-03', '2025-02-25']), 'gerado.csv', '2025-03-14', null, ['2025-02-03', '2025-02-25'])
})

describe.skipIf(!hasBankCalls())('the bank’s calls (../shared/data), volume only, 2003', () => {
  story('Banco', () => bankFile15('Banco'), 'banco.csv', '2003-10-24', '14/10', ['2003-09-01', '2003-10-14', '2003-04-04', '2003-04-07', '2003-05-26', '2003-07-04'])
})
