import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { checkIntervalChoices } from '../../schemas/model-check.ts'
import type { ModelCheckView } from '../../services/model-check-view.server.ts'
import { PeriodInputs } from '../period-inputs.tsx'

/** Channel, period and interval length: a GET form, so a check is a link. */
export function CheckFilters({ view, periodError }: { view: ModelCheckView; periodError: { error: string; requested: { from: string; to: string } } | null }) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="panel form-row">
      <label>
        {t('modelCheck.channel')}
        <select name="channel" defaultValue={view.query.channel}>
          {view.channels.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <PeriodInputs period={periodError?.requested ?? view.query} error={periodError?.error ?? null} />
      <label>
        {t('modelCheck.interval')}
        <select name="interval" defaultValue={String(view.query.interval)}>
          {checkIntervalChoices.map((s) => (
            <option key={s} value={s}>
              {t('modelCheck.minutes', { count: s / 60 })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('modelCheck.show')}</button>
    </Form>
  )
}
