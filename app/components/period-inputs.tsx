import { useTranslation } from 'react-i18next'

/** The from/to local dates of a period form, with the reason when the URL's period was refused. */
export function PeriodInputs({ period, error }: { period: { from: string; to: string }; error: string | null }) {
  const { t } = useTranslation()
  const invalid = error ? true : undefined
  return (
    <>
      {error && (
        <p className="status error period-error" role="alert">
          {t('overview.invalidPeriod', { reason: t(error) })}
        </p>
      )}
      <label>
        {t('overview.from')}
        <input type="date" name="from" defaultValue={period.from} required aria-invalid={invalid} />
      </label>
      <label>
        {t('overview.to')}
        <input type="date" name="to" defaultValue={period.to} required aria-invalid={invalid} />
      </label>
    </>
  )
}
