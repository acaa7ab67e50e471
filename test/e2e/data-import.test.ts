// Importing history on the Data page: a contact file mapped and imported, seen on the Volume page;
// a file over the upload limit and a file with bad lines refused.
import { describe, expect, it } from 'vitest'
import { appYesterday } from '../support/calendar.ts'
import { uploadOnDataPage } from '../support/page-steps.ts'
import { shots, startSignedIn, storyOfThisFile } from '../support/signed-in.ts'

// A small upload limit, to see it refuse a file.
const story = storyOfThisFile(() => startSignedIn({ env: { MAX_UPLOAD_MB: '2' } }))

describe('importing history from the Data page', () => {
  it('uploads a file, maps its columns, imports it, and the Volume chart changes', async () => {
    // Yesterday is inside the Volume page's default period (the last 7 days).
    await story.goto(`${story.app.baseUrl}/volume`)
    await story.page.waitForSelector('[data-testid="volume-chart"] svg.recharts-surface')
    await expect(story.page.locator('.recharts-legend-item').allTextContents()).resolves.toEqual(['Voz', 'Chat', 'WhatsApp', 'E-mail'])
    const totalBefore = await story.page.locator('#volume-chart-title').textContent()

    await uploadOnDataPage(
      story,
      'ouvidoria.csv',
      `Protocolo;Canal;Data Hora;Resultado;Tempo de Espera;TMA\nOUV-1;Ouvidoria;${appYesterday} 10:00;atendida;12;300\nOUV-2;Ouvidoria;${appYesterday} 10:20;abandonada;50;0\nOUV-3;Ouvidoria;${appYesterday} 11:05;atendida;3;240\n`,
    )
    // The mapping step found every column by its Portuguese name.
    await expect(story.page.locator('select[name="map.contact_id"]').inputValue()).resolves.toBe('Protocolo')
    await expect(story.page.locator('select[name="map.wait_seconds"]').inputValue()).resolves.toBe('Tempo de Espera')
    await story.page.getByRole('button', { name: 'Importar' }).click()
    await story.page.getByTestId('import-done').waitFor()
    await expect(story.page.getByTestId('import-done').textContent()).resolves.toMatch(/ouvidoria\.csv importado: 3 linhas, 3 novas/)
    await expect(story.page.getByTestId('import-history').locator('tbody tr').first().textContent()).resolves.toMatch(/ouvidoria\.csv/)
    await story.page.screenshot({ path: `${shots}/data-imported.png`, fullPage: true })

    await story.goto(`${story.app.baseUrl}/volume`)
    await story.page.waitForSelector('[data-testid="volume-chart"] svg.recharts-surface')
    await expect(story.page.locator('.recharts-legend-item').allTextContents()).resolves.toEqual(['Voz', 'Chat', 'WhatsApp', 'E-mail', 'Ouvidoria'])
    const totalAfter = await story.page.locator('#volume-chart-title').textContent()
    const count = (text: string | null) => Number(/\(([\d.]+)/.exec(text ?? '')![1]!.replace(/\./g, ''))
    expect(count(totalAfter) - count(totalBefore)).toBe(3)
    await story.page.screenshot({ path: `${shots}/volume.png` })
  })

  it('refuses a file over the upload limit with a clear message', async () => {
    await uploadOnDataPage(story, 'grande.csv', Buffer.alloc(3 << 20, 'a'))
    await expect(story.page.locator('#upload .field-error').textContent()).resolves.toBe('O arquivo passa de 2 MB. Divida-o em partes (por mês, por exemplo).')
  })

  it('lists every bad line of a refused file and imports nothing', async () => {
    await uploadOnDataPage(
      story,
      'ruim.csv',
      'contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds\nR1,Voz,2026-11-20 08:00,perdida,1,2\nR2,Voz,ontem,answered,1,2\n',
    )
    await story.page.getByRole('button', { name: 'Importar' }).click()
    await story.page.getByTestId('import-refused').waitFor()
    await expect(story.page.locator('[data-testid="import-refused"] td.reason').allTextContents()).resolves.toEqual([
      'outcome "perdida" não é answered (atendida) nem abandoned (abandonada)',
      'arrived_at: "ontem" não é uma data e hora como 2026-11-24 08:15:00',
    ])
  })
})
