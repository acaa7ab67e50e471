// Steps on the app's pages that more than one browser story takes on its way to what it checks
// (the stories check the pages' answers themselves).
import type { SignedIn } from './signed-in.ts'

/** The solver's time limit saved on the Schedule rules page. */
export async function saveSolverTimeLimit({ app, page, goto }: SignedIn, seconds: number): Promise<void> {
  await goto(`${app.baseUrl}/schedules/rules`)
  await page.getByLabel('Tempo-limite do cálculo (s, 1 a 600)').fill(String(seconds))
  await page.getByRole('button', { name: 'Salvar regras' }).click()
  await page.getByText('Regras salvas.').waitFor()
}

/** Asks for a schedule of the demo's next four weeks (one channel, or all); the page then shows its progress. */
export async function requestDemoSchedule({ app, page, goto }: SignedIn, channel?: string): Promise<void> {
  await goto(`${app.baseUrl}/schedules`)
  const form = page.getByRole('form', { name: 'Gerar escala' })
  await form.getByLabel('Previsão').selectOption({ label: 'Próximas 4 semanas (demonstração)' })
  if (channel) await form.getByLabel('Canal').selectOption(channel)
  await form.getByRole('button', { name: 'Gerar escala' }).click()
}

/** Publishes the schedule the page shows. */
export async function publishSchedule({ page }: SignedIn): Promise<void> {
  await page.getByRole('button', { name: 'Publicar' }).click()
  await page.getByText('Escala publicada.').waitFor()
}

/** Sends a file on the Data page; the page then shows how it maps its columns. */
export async function uploadOnDataPage({ app, page, goto }: SignedIn, name: string, content: string | Buffer): Promise<void> {
  await goto(`${app.baseUrl}/data`)
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) })
  await page.getByRole('button', { name: 'Enviar' }).click()
}

/** Applies a change in percent to a day's forecast from the table of a forecast's page. */
export async function overrideForecastDay({ page }: SignedIn, row: number, percent: number): Promise<void> {
  const day = page.locator('[data-testid="forecast-days"] tbody tr').nth(row)
  await day.getByLabel('Valor').fill(String(percent))
  await day.getByRole('button', { name: 'Aplicar' }).click()
  await page.locator('[data-testid="overrides"] tbody tr').first().waitFor()
}
