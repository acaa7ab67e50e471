// The form that creates a forecast: name, history, horizon, interval, method and channels.
import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { methodIds } from '../../domain/forecast/methods/method.ts'
import { addDays, daysBetween, spanOf } from '../../domain/intervals.ts'
import { MAX_HORIZON_DAYS } from '../../schemas/forecast.ts'
import type { DataPeriod } from '../../services/forecast.server.ts'
import { formatDay } from '../../utils/format.ts'
import { useFormResult } from '../../utils/form.ts'
import { FieldError } from '../field.tsx'

/** By default the last year of history up to the last day with data (fewer days when less exists). */
export function historyWindow(range: { from: string; to: string }) {
  const historyFrom = daysBetween(range.from, range.to) > 364 ? addDays(range.to, -364) : range.from
  return { historyFrom, historyTo: range.to, firstDay: addDays(range.to, 1) }
}

type HistoryWindow = ReturnType<typeof historyWindow>

export function CreateForm({ channels, defaults, range }: {
  channels: { id: number; name: string; data: DataPeriod | null }[]
  defaults: HistoryWindow | null
  range: DataPeriod | null
}) {
  const { t, i18n } = useTranslation()
  const { refused, errors, value, list } = useFormResult('create')
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'create'
  const [checked, setChecked] = useState<string[]>(() => [...list('channelIds', channels.map((c) => String(c.id)))])
  // The history follows the channels ticked (a channel imported from another year has its own
  // days), until the analyst types dates of their own.
  const [typed, setTyped] = useState(Boolean(refused))
  const span = spanOf(channels.filter((c) => checked.includes(String(c.id)) && c.data !== null).map((c) => c.data!))
  const suggested = span ? historyWindow(span) : defaults
  const [dates, setDates] = useState({ historyFrom: value('historyFrom', suggested?.historyFrom ?? ''), historyTo: value('historyTo', suggested?.historyTo ?? '') })
  const shown = typed || !suggested ? dates : { historyFrom: suggested.historyFrom, historyTo: suggested.historyTo }
  if (!defaults || !range) return <p className="note">{t('forecast.noData')}</p>
  const typeDate = (name: 'historyFrom' | 'historyTo') => (event: React.ChangeEvent<HTMLInputElement>) => {
    setTyped(true)
    setDates({ ...shown, [name]: event.target.value })
  }
  return (
    <Form method="post" className="stack" aria-label={t('forecast.create')}>
      <input type="hidden" name="intent" value="create" />
      <div className="form-row">
        <label>
          {t('forecast.name')}
          <input
            name="name"
            defaultValue={value('name', t('forecast.defaultName', { day: formatDay(addDays(shown.historyTo || defaults.historyTo, 1), i18n.language) }))}
            size={28}
          />
          <FieldError error={errors.name} />
        </label>
        <label>
          {t('forecast.historyFrom')}
          <input type="date" name="historyFrom" value={shown.historyFrom} onChange={typeDate('historyFrom')} />
          <FieldError error={errors.historyFrom} />
        </label>
        <label>
          {t('forecast.historyTo')}
          <input type="date" name="historyTo" value={shown.historyTo} onChange={typeDate('historyTo')} />
          <FieldError error={errors.historyTo} />
        </label>
        <label>
          {t('forecast.horizonDays')}
          <input type="number" name="horizonDays" min={1} max={MAX_HORIZON_DAYS} defaultValue={value('horizonDays', '7')} />
          <FieldError error={errors.horizonDays} />
        </label>
        <label>
          {t('forecast.interval')}
          <select name="intervalMin" defaultValue={value('intervalMin', '30')}>
            {[15, 30, 60].map((m) => (
              <option key={m} value={m}>
                {t('forecast.intervalMinutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forecast.method')}
          <select name="method" defaultValue={value('method', 'auto')}>
            {(['auto', ...methodIds] as const).map((m) => (
              <option key={m} value={m}>
                {t(`forecast.methods.${m}`)}
              </option>
            ))}
          </select>
          <FieldError error={errors.method} />
        </label>
      </div>
      <fieldset className="form-row">
        <legend>{t('forecast.channels')}</legend>
        {channels.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              name="channelIds"
              value={c.id}
              checked={checked.includes(String(c.id))}
              onChange={(event) =>
                setChecked(event.target.checked ? [...checked, String(c.id)] : checked.filter((id) => id !== String(c.id)))
              }
            />{' '}
            {c.name}
            {c.data && (
              <span className="note">
                {' '}
                ({formatDay(c.data.from, i18n.language, { month: '2-digit', year: 'numeric' })}–
                {formatDay(c.data.to, i18n.language, { month: '2-digit', year: 'numeric' })})
              </span>
            )}
          </label>
        ))}
        <FieldError error={errors.channelIds} />
      </fieldset>
      <p className="note">
        {t('forecast.historyHelp', { from: formatDay(range.from, i18n.language), to: formatDay(range.to, i18n.language) })}
      </p>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('forecast.generating') : t('forecast.generate')}
        </button>
      </div>
    </Form>
  )
}
