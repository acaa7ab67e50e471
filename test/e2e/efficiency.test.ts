// The efficiency k on the pages (issue 17): set in Settings for a real-time channel (a refused
// value says why), shown on the Staffing page beside the channel's model, and typed into the
// calculator, where 50% needs twice the textbook's agents.
import { describe, expect, it } from 'vitest'
import { shots, startSignedIn, storyOfThisFile } from '../support/signed-in.ts'

const story = storyOfThisFile(startSignedIn)

describe('the efficiency k', () => {
  it('is edited in Settings, with what it is and a link to the model check that calibrates it', async () => {
    await story.goto(`${story.app.baseUrl}/settings`)
    const form = story.page.locator('form#channel-1')
    const field = form.locator('input[name="efficiencyPct"]')
    await expect(field.inputValue()).resolves.toBe('100')
    await expect(form.locator('#channel-1-efficiencyPct-help').textContent()).resolves.toMatch(/^Nem todo agente em serviço está livre/)
    await expect(form.getByRole('link', { name: 'Verificação do modelo' }).getAttribute('href')).resolves.toBe('/review/model-check')
    const save = async () => {
      const [answer] = await Promise.all([
        story.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/settings')),
        form.getByRole('button', { name: 'Salvar' }).click(),
      ])
      return answer.status()
    }
    await field.fill('0')
    expect(await save()).toBe(400)
    await expect(form.locator('#channel-1-efficiencyPct-error').textContent()).resolves.toBe('A eficiência deve ser maior que 0% e no máximo 150%.')
    await form.locator('input[name="efficiencyPct"]').fill('50')
    expect(await save()).toBe(200)
    await story.page.getByText('Salvo.').waitFor()
    await story.goto(`${story.app.baseUrl}/settings`)
    await expect(form.locator('input[name="efficiencyPct"]').inputValue()).resolves.toBe('50')
  })

  it('is stated on the Staffing page beside the model of the channel that uses it', async () => {
    await story.goto(`${story.app.baseUrl}/staffing`)
    const rows = story.page.locator('[data-testid="staffing-channels"] tbody tr')
    await rows.first().waitFor()
    const notes = await story.page.locator('[data-testid="staffing-efficiency"]').allTextContents()
    expect(notes.map((n) => n.trim())).toEqual(['· eficiência k = 0,50'])
    await expect(rows.filter({ hasText: 'Voz' }).locator('td').nth(1).textContent()).resolves.toMatch(/eficiência k = 0,50$/)
    await story.page.screenshot({ path: `${shots}/staffing-efficiency.png`, fullPage: true })
  })

  it('is a calculator field: 50% needs twice the worked example’s 14 agents', async () => {
    const at = (efficiencyPct: string) =>
      story.goto(`${story.app.baseUrl}/calculator?calls=100&intervalMin=30&aht=180&slGoalPct=80&threshold=20&model=erlangC&efficiencyPct=${efficiencyPct}`)
    await at('100')
    await expect(story.page.getByTestId('result-erlangC-agents').textContent()).resolves.toBe('14')
    await at('50')
    await expect(story.page.getByTestId('result-erlangC-agents').textContent()).resolves.toBe('28')
    await expect(story.page.locator('#calculator-efficiencyPct-help').textContent()).resolves.toMatch(/100% = o modelo clássico/)
    const response = await at('151')
    expect(response?.status()).toBe(400)
    await expect(story.page.locator('#calculator-efficiencyPct-error').textContent()).resolves.toBe('A eficiência deve ser maior que 0% e no máximo 150%.')
  })
})
