// The Data page's mapping step in the browser: an upload whose start column has a name we do not
// know waits at the mapping step, saying which field has no column, until one is chosen.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from '../support/server.ts'
import { startSignedIn, type SignedIn } from '../support/signed-in.ts'

let signedIn: SignedIn
let app: RunningApp
let page: Page
let goto: SignedIn['goto']

beforeAll(async () => {
  signedIn = await startSignedIn()
  ;({ app, page, goto } = signedIn)
})

afterAll(() => signedIn?.stop())

describe('the mapping step', () => {
  it('will not import while a required field has no column, and imports once one is chosen', async () => {
    await goto(`${app.baseUrl}/data`)
    await page.locator('input[name="file"]').setInputFiles({
      name: 'chamadas.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Quando;Canal;Chamadas\n2026-11-20 08:00;Ouvidoria;12\n2026-11-20 08:15;Ouvidoria;9\n'),
    })
    await page.locator('#upload-kind').selectOption('intervals')
    await page.getByRole('button', { name: 'Enviar' }).click()

    const missing = page.getByTestId('mapping-missing')
    await expect(missing.textContent()).resolves.toBe(
      'Escolha a coluna do arquivo para interval_start: a importação não continua enquanto um campo obrigatório estiver sem coluna.',
    )
    await expect(page.locator('select[name="map.offered"]').inputValue()).resolves.toBe('Chamadas')
    const importButton = page.getByRole('button', { name: 'Importar' })
    await expect(importButton.getAttribute('aria-disabled')).resolves.toBe('true')
    const posted: string[] = []
    page.on('request', (request) => request.method() === 'POST' && posted.push(request.url()))
    await importButton.click({ force: true }) // a click anyway (Playwright waits for enabled buttons)
    await page.waitForTimeout(500)
    // Nothing was sent: still the mapping step.
    expect(posted).toEqual([])
    await expect(missing.isVisible()).resolves.toBe(true)

    await page.locator('select[name="map.interval_start"]').selectOption('Quando')
    await expect(missing.count()).resolves.toBe(0)
    await expect(importButton.getAttribute('aria-disabled')).resolves.toBeNull()
    await importButton.click()
    await page.getByTestId('import-done').waitFor()
    await expect(page.getByTestId('import-done').textContent()).resolves.toMatch(/chamadas\.csv importado: 2 linhas, 2 novas/)
  })
})
