// The one way an action reads a page's form (decision 020): the posted fields as text, checked
// against the form's zod schema (app/schemas), and one answer shape for every form of every page —
// done, or refused with the errors per field (i18n keys) and the values to show again. Pages read
// the answer with useFormResult (app/utils/form.ts).
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { fieldErrors } from '../schemas/form-fields.ts'
import type { FormMessage, FormResult, FormValues } from './form.ts'

/** A submitted form: which of the page's forms (its `intent` field, '' without one) and its fields as text. */
export type Submission = { intent: string; values: FormValues }

/**
 * The request's form as text. Fields named in `lists` (a group of checkboxes) keep every value
 * sent, as a list (empty when none is ticked); any other field sent twice keeps its last value.
 */
export async function readForm(request: Request, lists: readonly string[] = []): Promise<Submission> {
  const formData = await request.formData()
  const values: FormValues = Object.fromEntries([...formData].map(([key, value]) => [key, String(value)]))
  for (const name of lists) values[name] = formData.getAll(name).map(String)
  return { intent: typeof values.intent === 'string' ? values.intent : '', values }
}

/** The submission checked against its schema: the parsed data, or the first error of each field. */
export function validate<Schema extends z.ZodType>(
  submission: Submission,
  schema: Schema,
): { ok: true; data: z.output<Schema> } | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(submission.values)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) }
}

/** A password is never sent back to the page. */
const redisplayed = (values: FormValues): FormValues =>
  Object.fromEntries(Object.entries(values).filter(([name]) => !/password|^current$|^next$|^confirm$/i.test(name)))

/**
 * The answer refusing a form: its errors per field (`form` for the whole form), what was typed (to
 * show again), a message with parameters when it needs them, and what else the page shows about
 * the refusal (`extra`); 400 unless `init` says otherwise.
 */
export function refuse<Refusal extends object = Record<never, never>>(
  form: string,
  submission: Submission,
  errors: Record<string, string>,
  options: { message?: FormMessage; init?: ResponseInit; extra?: Refusal } = {},
) {
  const result = { ...options.extra, status: 'refused', form, errors, values: redisplayed(submission.values), message: options.message }
  return data(result as FormResult<Record<never, never>, Refusal>, { status: 400, ...options.init })
}

/** The answer accepting a form, with what the page shows about it (a one-time password, how many were added). */
export function done<Extra extends object = Record<never, never>>(form: string, extra?: Extra) {
  return data({ status: 'done', form, ...extra } as FormResult<Extra>)
}
