import { useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { HistoryGap } from '../domain/forecast/gaps.ts'
import type { SpecialDayKind } from '../domain/forecast/special-days.ts'
import { formatDay, formatInteger } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'

/** Kinds a gap is tagged as in one click: a holiday nobody tagged, or the source's outage. */
const TAGS = ['holiday', 'missing'] as const satisfies readonly SpecialDayKind[]

/**
 * A channel's history gaps — left out of training and backtests, never read as zero contacts —
 * each with its volume against the usual of its weekday and, for analysts, one-click tags (a
 * special day, which every forecast then leaves out as tagged).
 */
export function HistoryGaps({
  gaps,
  tagged,
  testId,
}: {
  gaps: readonly HistoryGap[]
  /** Special days already tagged, by date. */
  tagged: Readonly<Record<string, SpecialDayKind>>
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canTag = useCan('editForecasts')
  if (gaps.length === 0) return null
  return (
    <div className="scroll">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('gaps.day')}</th>
            <th scope="col" className="text">
              {t('gaps.kind')}
            </th>
            <th scope="col">{t('gaps.volume')}</th>
            <th scope="col">{t('gaps.usual')}</th>
            <th scope="col" className="text">
              {t('gaps.tag')}
            </th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={gap.date} data-day={gap.date}>
              <td>{formatDay(gap.date, language, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' })}</td>
              <td className="text">{t(`gaps.kinds.${gap.kind}`)}</td>
              <td>{formatInteger(gap.total, language)}</td>
              <td>{formatInteger(gap.usual, language)}</td>
              <td className="text">
                {tagged[gap.date] ? (
                  t(`forecast.kinds.${tagged[gap.date]}`)
                ) : canTag ? (
                  <TagButtons date={gap.date} />
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Tags the day as a special day from wherever the gap is listed (the Forecast page's action). */
function TagButtons({ date }: { date: string }) {
  const { t, i18n } = useTranslation()
  const fetcher = useFetcher()
  const day = formatDay(date, i18n.language)
  return (
    <span className="inline-form">
      {TAGS.map((kind) => (
        <fetcher.Form key={kind} method="post" action="/forecast?index">
          <input type="hidden" name="intent" value="specialDay" />
          <input type="hidden" name="date" value={date} />
          <input type="hidden" name="kind" value={kind} />
          {/* The special day's name: what it was tagged as, in the analyst's language. */}
          <input type="hidden" name="name" value={t(`gaps.names.${kind}`)} />
          <button
            type="submit"
            className="secondary small"
            disabled={fetcher.state !== 'idle'}
            aria-label={t('gaps.tagAs', { kind: t(`forecast.kinds.${kind}`), day })}
          >
            {t(`forecast.kinds.${kind}`)}
          </button>
        </fetcher.Form>
      ))}
    </span>
  )
}
