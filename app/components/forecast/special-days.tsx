// The special days forecasts treat apart (holidays, closures, events), with the forms that add them.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { specialDayKinds } from '../../domain/forecast/special-days.ts'
import type { SpecialDayRow } from '../../services/special-days.server.ts'
import { formatDay, formatPercent } from '../../utils/format.ts'
import { useFormResult } from '../../utils/form.ts'
import { useCan } from '../../utils/user.ts'
import { FieldError } from '../field.tsx'
import { RowAction } from '../row-action.tsx'

export function SpecialDays({ specialDays, thisYear }: { specialDays: SpecialDayRow[]; thisYear: number }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const { errors } = useFormResult('specialDay')
  const holidays = useFormResult<{ added: number }>('holidays')
  const added = holidays.done?.added
  const holidayErrors = holidays.errors
  const canEdit = useCan('editForecasts')
  return (
    <section className="panel" aria-labelledby="special-days-title">
      <h2 id="special-days-title">{t('forecast.specialDays')}</h2>
      <p className="note">{t('forecast.specialNote')}</p>
      {canEdit ? (
        <div className="stack spaced">
          <Form method="post" className="form-row">
            <input type="hidden" name="intent" value="holidays" />
            <label>
              {t('forecast.holidaysPreset')}
              <input type="number" name="year" defaultValue={thisYear + 1} min={2000} max={2100} />
              <FieldError error={holidayErrors.year} />
            </label>
            <button type="submit" className="secondary">
              {t('forecast.add')}
            </button>
            {added !== undefined && (
              <p className="status ok" role="status">
                {t('forecast.holidaysAdded', { count: added })}
              </p>
            )}
          </Form>
          <Form method="post" className="form-row" aria-label={t('forecast.specialDays')}>
            <input type="hidden" name="intent" value="specialDay" />
            <label>
              {t('forecast.date')}
              <input type="date" name="date" required />
              <FieldError error={errors.date} />
            </label>
            <label>
              {t('forecast.kind')}
              <select name="kind" defaultValue="holiday">
                {specialDayKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`forecast.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('forecast.name')}
              <input name="name" required maxLength={80} />
              <FieldError error={errors.name} />
            </label>
            <label>
              {t('forecast.adjustPct')}
              <input name="adjustPct" inputMode="decimal" size={6} />
              <FieldError error={errors.adjustPct} />
            </label>
            <button type="submit">{t('forecast.add')}</button>
          </Form>
        </div>
      ) : (
        <p className="note">{t('readOnly.specialDays')}</p>
      )}
      {specialDays.length === 0 ? (
        <p className="note">{t('forecast.noSpecialDays')}</p>
      ) : (
        <div className="scroll short">
          <table className="data" data-testid="special-days">
            <thead>
              <tr>
                <th scope="col">{t('forecast.date')}</th>
                <th scope="col" className="text">
                  {t('forecast.name')}
                </th>
                <th scope="col" className="text">
                  {t('forecast.kind')}
                </th>
                <th scope="col">{t('forecast.adjustPct')}</th>
                {canEdit && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {specialDays.map((d) => (
                <tr key={d.date}>
                  <td>{formatDay(d.date, language, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' })}</td>
                  <td className="text">{d.name}</td>
                  <td className="text">{t(`forecast.kinds.${d.kind}`)}</td>
                  <td>
                    {d.kind === 'closed'
                      ? '−100%'
                      : d.adjustPct === null
                      ? t('forecast.asSunday')
                      : formatPercent(d.adjustPct / 100, language, 0)}
                  </td>
                  {canEdit && (
                    <td>
                      <RowAction fields={{ intent: 'deleteSpecialDay', date: d.date }} label={t('forecast.removeOverride')} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
