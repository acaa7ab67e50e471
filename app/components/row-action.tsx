import { Form } from '@remix-run/react'

/**
 * A link-styled button that posts a row's action (intent and ids) to the page's action, e.g.
 * "Remove" in a table row; `confirm` asks first.
 */
export function RowAction({
  fields,
  label,
  ariaLabel,
  confirm: question,
}: {
  fields: Record<string, string | number>
  label: string
  /** The button's name when the label alone would not say which row. */
  ariaLabel?: string
  confirm?: string
}) {
  return (
    <Form
      method="post"
      className="inline-form"
      preventScrollReset
      onSubmit={question ? (e) => !confirm(question) && e.preventDefault() : undefined}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link" aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  )
}
