// What an action answers about one of the page's forms (app/utils/form.server.ts), and the hook a
// page reads it with. Decision 020.
import { useActionData } from '@remix-run/react'

/** The fields of a submitted form as text; a group of checkboxes as its list of values. */
export type FormValues = Record<string, string | string[]>

/** A refusal about the whole form rather than one field: an i18n key and its parameters. */
export type FormMessage = { key: string; params: Record<string, string | number> }

type None = Record<never, never>

/** `Done`: what an accepted form tells the page; `Refusal`: what a refusal shows besides the errors (rules broken). */
export type FormResult<Done extends object = None, Refusal extends object = None> =
  | ({ status: 'done'; form: string } & Done)
  | ({ status: 'refused'; form: string; errors: Record<string, string>; values: FormValues; message?: FormMessage } & Refusal)

/**
 * The last answer about this form of the page (none when the last submission was another form's):
 * `done` when it was accepted, else its errors per field and `value`/`list`, which give what was
 * typed when it was refused and the page's own value otherwise.
 */
export function useFormResult<Done extends object = None, Refusal extends object = None>(form: string) {
  const answer = useActionData() as FormResult<Done, Refusal> | null | undefined
  const mine = answer && typeof answer === 'object' && answer.form === form ? answer : null
  const refused = mine?.status === 'refused' ? (mine as Extract<FormResult<Done, Refusal>, { status: 'refused' }>) : null
  const done = mine?.status === 'done' ? (mine as Extract<FormResult<Done, Refusal>, { status: 'done' }>) : null
  return {
    done,
    refused,
    errors: refused?.errors ?? {},
    /** What was typed, when this form was refused. */
    values: refused?.values ?? null,
    message: refused?.message,
    value(name: string, fallback: string): string {
      const typed = refused?.values[name]
      return typeof typed === 'string' ? typed : fallback
    },
    list(name: string, fallback: readonly string[]): readonly string[] {
      const typed = refused?.values[name]
      return Array.isArray(typed) ? typed : fallback
    },
  }
}

/** What useFormResult gives, for a page's part that shows a form. */
export type FormState = ReturnType<typeof useFormResult<None, None>>
