import { useTranslation } from 'react-i18next'

/** A labelled input whose error (an i18n key) is shown under it and announced. */
export function Field({
  name,
  label,
  defaultValue,
  error,
  formId,
  inputMode,
  optional = false,
}: {
  name: string
  label: string
  defaultValue: string | number | null | undefined
  error?: string
  formId: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  optional?: boolean
}) {
  const { t } = useTranslation()
  const id = `${formId}-${name}`
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
        aria-describedby={error ? `${id}-error` : undefined}
      />
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
