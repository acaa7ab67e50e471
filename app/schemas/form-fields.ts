// Numbers typed into forms, for schemas shared by loaders/actions and forms. Error messages are
// i18n keys (errors.*) so pages show them in the user's language.
import { z } from 'zod'

const decimal = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/

/**
 * Form text → number, accepting a decimal comma ("85,5"); '' → undefined. Anything else
 * (hex, exponents, two separators) is left as text so the number check refuses it.
 */
const toNumber = (value: unknown) => {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  return decimal.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed
}

/** A number the form must carry; missing or empty → the field's own message. */
export const requiredNumber = (key: string, test: (n: number) => boolean) =>
  z.preprocess(
    toNumber,
    z.number({ error: (issue) => (issue.input === undefined ? key : 'errors.number') }).refine(test, { error: key }),
  )

/** A number the form may leave empty. */
export const optionalNumber = (key: string, test: (n: number) => boolean) =>
  z.preprocess(toNumber, z.number({ error: 'errors.number' }).refine(test, { error: key }).optional())

/** Field name → i18n key of its first error (a page's own section or errors.*); zod's own texts read "enter a number". */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(issue.message) ? issue.message : 'errors.number'
  }
  return errors
}
