// A day's override form (percent or value) in the days table.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDay } from '../../utils/format.ts'
import { useFormResult } from '../../utils/form.ts'
import { FirstError } from './first-error.tsx'

export function DayOverride({ day, channelId }: { day: string; channelId: number }) {
  const { t, i18n } = useTranslation()
  const form = `day-${day}`
  const { errors } = useFormResult(form)
  return (
    <Form method="post" className="inline" aria-label={`${t('forecast.adjust')} ${formatDay(day, i18n.language)}`} preventScrollReset>
      <input type="hidden" name="intent" value="override" />
      <input type="hidden" name="form" value={form} />
      <input type="hidden" name="scope" value="day" />
      <input type="hidden" name="day" value={day} />
      <input type="hidden" name="channelId" value={channelId} />
      <select name="kind" aria-label={t('forecast.kind')} defaultValue="percent">
        <option value="percent">{t('forecast.kindPercent')}</option>
        <option value="value">{t('forecast.kindValue')}</option>
      </select>
      <input name="amount" inputMode="decimal" aria-label={t('forecast.amount')} required />
      <button type="submit">{t('forecast.apply')}</button>
      <FirstError errors={errors} />
    </Form>
  )
}
