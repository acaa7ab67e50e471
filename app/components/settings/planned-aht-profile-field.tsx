// The planned TMA per weekday and hour, typed, pasted or loaded from a file, with each bad line's reason.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseAhtProfile } from '../../domain/planned-aht.ts'
import { FieldError } from '../field.tsx'

/**
 * The planned TMA per weekday × hour, typed or pasted as lines "weekday,hour,seconds", or loaded
 * from a CSV file into the box (in the browser; the server reads the text). A refused text lists
 * each bad line with its reason, read by the same parser as the server's.
 */
export function PlannedAhtProfileField({ formId, defaultValue, error }: { formId: string; defaultValue: string; error: string | undefined }) {
  const { t } = useTranslation()
  const id = `${formId}-plannedAhtProfile`
  const [text, setText] = useState(defaultValue)
  const problems = error ? parseAhtProfile(text).problems : []
  return (
    <details className="wide" open={text.trim() !== '' || Boolean(error)}>
      <summary>
        {t('settings.plannedAhtProfile')} ({t('settings.optional')})
      </summary>
      <p className="note">{t('settings.plannedAhtProfileHelp')}</p>
      <textarea
        id={id}
        name="plannedAhtProfile"
        aria-label={t('settings.plannedAhtProfile')}
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label className="file">
        {t('settings.plannedAhtFile')}
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void file.text().then(setText)
          }}
        />
      </label>
      <FieldError error={error} id={`${id}-error`} />
      {problems.length > 0 && (
        <ul className="field-error">
          {problems.slice(0, 10).map((p) => (
            <li key={p.line}>{t('settings.profileLine', { line: p.line, value: p.value, reason: t(`settings.profileReasons.${p.reason}`) })}</li>
          ))}
        </ul>
      )}
    </details>
  )
}
