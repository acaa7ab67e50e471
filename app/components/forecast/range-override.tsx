// The override form for a time range of a day, one channel or all.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ForecastView } from '../../services/forecast.server.ts'
import { formatDay } from '../../utils/format.ts'
import { useFormResult } from '../../utils/form.ts'
import { FirstError } from './first-error.tsx'

export function RangeOverride({ channels, channel, days }: Pick<ForecastView, 'channels' | 'channel' | 'days'>) {
  const { t, i18n } = useTranslation()
  const { errors } = useFormResult('range')
  return (
    <Form method="post" className="form-row" aria-label={t('forecast.rangeTitle')} preventScrollReset>
      <input type="hidden" name="intent" value="override" />
      <input type="hidden" name="form" value="range" />
      <input type="hidden" name="scope" value="range" />
      <label>
        {t('forecast.day')}
        <select name="day">
          {days.map((d) => (
            <option key={d.day} value={d.day}>
              {formatDay(d.day, i18n.language, { weekday: 'short', day: '2-digit', month: '2-digit' })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forecast.from')}
        <input type="time" name="fromTime" step={900} required defaultValue="08:00" />
      </label>
      <label>
        {t('forecast.to')}
        <input type="time" name="toTime" step={900} required defaultValue="12:00" />
      </label>
      <label>
        {t('forecast.channel')}
        <select name="channelId" defaultValue={channel.id}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value="">{t('forecast.allChannels')}</option>
        </select>
      </label>
      <label>
        {t('forecast.kind')}
        <select name="kind" defaultValue="percent">
          <option value="percent">{t('forecast.percentLong')}</option>
          <option value="value">{t('forecast.valueLong')}</option>
        </select>
      </label>
      <label>
        {t('forecast.amount')}
        <input name="amount" inputMode="decimal" size={8} required />
      </label>
      <label>
        {t('forecast.note')}
        <input name="note" maxLength={200} size={24} />
      </label>
      <button type="submit">{t('forecast.apply')}</button>
      <FirstError errors={errors} />
    </Form>
  )
}
