// The one form helper (app/utils/form.server.ts): a request's form as text, checked against its
// zod schema, and the one answer shape — done, or refused with errors per field and what was typed.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { requiredNumber } from '../../app/schemas/form-fields.ts'
import { done, readForm, refuse, validate } from '../../app/utils/form.server.ts'

const post = (fields: Array<[string, string]>) =>
  new Request('http://test.local/page', { method: 'POST', body: new URLSearchParams(fields) })

/** What data() carries: the answer and its HTTP status. */
const answer = (result: unknown) => {
  const { data, init } = result as { data: Record<string, unknown>; init: ResponseInit | null }
  return { data, status: init?.status ?? 200, headers: new Headers(init?.headers) }
}

const schema = z.object({
  name: z.string().trim().min(1, { error: 'errors.name' }),
  slGoalPct: requiredNumber('settings.errors.slGoal', (n) => n > 0 && n < 100),
  channels: z.array(z.string()).min(1, { error: 'errors.channels' }),
})

describe('readForm', () => {
  it('reads every field as text and names the form by its intent; a checkbox group as its list, empty when none is ticked', async () => {
    const ticked = await readForm(post([['intent', 'save'], ['name', 'Voz'], ['channels', 'voz'], ['channels', 'chat']]), ['channels'])
    expect(ticked).toEqual({ intent: 'save', values: { intent: 'save', name: 'Voz', channels: ['voz', 'chat'] } })
    const none = await readForm(post([['name', 'Voz']]), ['channels'])
    expect(none).toEqual({ intent: '', values: { name: 'Voz', channels: [] } })
    // Outside the lists a field sent twice keeps its last value, as Object.fromEntries did.
    expect((await readForm(post([['name', 'a'], ['name', 'b']]))).values).toEqual({ name: 'b' })
  })
})

describe('validate', () => {
  it('gives the parsed data (a decimal comma read as a number)', async () => {
    const submission = await readForm(post([['name', ' Voz '], ['slGoalPct', '85,5'], ['channels', 'voz']]), ['channels'])
    expect(validate(submission, schema)).toEqual({ ok: true, data: { name: 'Voz', slGoalPct: 85.5, channels: ['voz'] } })
  })

  it('or the first error of each field, as i18n keys', async () => {
    const submission = await readForm(post([['name', ''], ['slGoalPct', '1e3']]), ['channels'])
    expect(validate(submission, schema)).toEqual({
      ok: false,
      errors: { name: 'errors.name', slGoalPct: 'errors.number', channels: 'errors.channels' },
    })
  })
})

describe('refuse and done', () => {
  it('refuses with 400, the errors and what was typed, never a password', async () => {
    const submission = await readForm(post([['email', 'ana@x.com'], ['password', 'segredo'], ['current', 'a'], ['next', 'b'], ['confirm', 'b']]))
    const { data, status } = answer(refuse('login', submission, { form: 'auth.errors.invalid' }))
    expect(status).toBe(400)
    expect(data).toEqual({ status: 'refused', form: 'login', errors: { form: 'auth.errors.invalid' }, values: { email: 'ana@x.com' }, message: undefined })
  })

  it('carries a message, another status with its headers, and what else the page shows about the refusal', async () => {
    const submission = await readForm(post([['start', '08:00']]))
    const refused = answer(
      refuse('edit', submission, {}, {
        message: { key: 'scheduleRules.refused', params: { reason: 'x' } },
        init: { status: 429, headers: { 'Retry-After': '60' } },
        extra: { violations: ['rest'] },
      }),
    )
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('60')
    expect(refused.data).toMatchObject({ status: 'refused', form: 'edit', violations: ['rest'], message: { key: 'scheduleRules.refused', params: { reason: 'x' } } })
  })

  it('accepts with 200 and what the page shows about it', () => {
    expect(answer(done('holidays', { added: 9 }))).toMatchObject({ status: 200, data: { status: 'done', form: 'holidays', added: 9 } })
    expect(answer(done('operation')).data).toEqual({ status: 'done', form: 'operation' })
  })
})
