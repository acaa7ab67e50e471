import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A labelled input, with an optional help text, whose error (an i18n key) is shown under it and announced. */
export function Field({
  name,
  label,
  defaultValue,
  error,
  formId,
  inputMode,
  optional = false,
  help,
}: {
  name: string
  label: string
  defaultValue: string | number | null | undefined
  error?: string
  formId: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  optional?: boolean
  help?: ReactNode
}) {
  const { t } = useTranslation()
  const id = `${formId}-${name}`
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <label htmlFor={id}>
      <span>
        {label}
        {optional && ` (${t('settings.optional')})`}
      </span>
      <input
        id={id}
        name={name}
        type="text"
        inputMode={inputMode}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {help && (
        <span id={`${id}-help`} className="note">
          {help}
        </span>
      )}
      <FieldError error={error} id={`${id}-error`} />
    </label>
  )
}

/** A field's error (an i18n key), announced; nothing without one. */
export function FieldError({ error, id }: { error: string | undefined; id?: string }) {
  const { t } = useTranslation()
  return error ? (
    <span id={id} className="field-error" role="alert">
      {t(error)}
    </span>
  ) : null
}
