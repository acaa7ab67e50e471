import { Link } from '@remix-run/react'
import { SIGNALS } from '../../domain/review.ts'
import { formatDayTime, formatDecimal, formatPercent } from '../../utils/format.ts'
import { SlCell } from '../sl-cell.tsx'
import { useReviewFormats } from './formats.ts'
import { useDayLink } from './links.ts'
import type { ReviewPageView } from './view.ts'

/** The intervals furthest short of their goal, with the signals of what went wrong. */
export function WorstIntervals({ view }: { view: ReviewPageView }) {
  const { t, percent, signed, integer, duration, language } = useReviewFormats()
  const names = Object.fromEntries(view.channels.map((c) => [c.key, c.name]))
  const dayLink = useDayLink()
  const decimal = (value: number | null) => formatDecimal(value, language, 1)
  return (
    <section className="panel" aria-labelledby="review-worst-title">
      <h2 id="review-worst-title">{t('review.worstTitle')}</h2>
      {view.worst.length === 0 ? (
        <p className="note">{t('review.noMisses')}</p>
      ) : (
        <div className="scroll">
          <table className="data wrap-head" data-testid="review-worst">
            <thead>
              <tr>
                <th scope="col">{t('review.interval')}</th>
                <th scope="col" className="text">
                  {t('review.channel')}
                </th>
                <th scope="col">{t('review.slVsGoal')}</th>
                <th scope="col">{t('review.shortfall')}</th>
                <th scope="col">{t('review.offeredVsForecast')}</th>
                <th scope="col">{t('review.variance')}</th>
                <th scope="col">{t('review.ahtVsForecast')}</th>
                <th scope="col">{t('review.agentsVsPlan')}</th>
                <th scope="col">{t('review.abandonVsPredicted')}</th>
                <th scope="col" className="text">
                  {t('review.signalsTitle')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.worst.map((w) => (
                <tr key={`${w.channel}-${w.start}`}>
                  <td>
                    <Link to={dayLink(w.day)} preventScrollReset>
                      {formatDayTime(w.day, w.minute, language)}
                    </Link>
                  </td>
                  <td className="text">{w.channel ? names[w.channel] ?? w.channel : ''}</td>
                  <td>
                    <SlCell value={w.serviceLevel} goal={w.slGoal} /> / {percent(w.slGoal, 0)}
                  </td>
                  <td>{decimal(w.shortfall)}</td>
                  <td>
                    {integer(w.offered)} / {w.forecastOffered === null ? '—' : decimal(w.forecastOffered)}
                  </td>
                  <td>{signed(w.variance)}</td>
                  <td>
                    {duration(w.ahtSec)} / {duration(w.forecastAhtSec)}
                  </td>
                  <td>
                    {w.agentsStaffed === null ? '—' : decimal(w.agentsStaffed)} / {integer(w.plannedAgents)}
                  </td>
                  <td>
                    {percent(w.abandonRate)} / {percent(w.predictedAbandonRate)}
                  </td>
                  <td className="text signals-cell">
                    {w.signals.length === 0 ? (
                      <span className="note">{t('review.noSignal')}</span>
                    ) : (
                      <span className="signals">
                        {w.signals.map((s) => (
                          <span key={s} className={`badge signal ${s}`} data-signal={s}>
                            {t(`review.signals.${s}`)}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="note">{t('review.worstNote')}</p>
      <p className="note">
        {t('review.signalsNote', {
          above: formatPercent(SIGNALS.above, language, 0),
          contacts: SIGNALS.minContacts,
          staffed: formatPercent(SIGNALS.staffed, language, 0),
          factor: SIGNALS.abandonFactor,
          points: formatDecimal(SIGNALS.abandonPoints * 100, language, 0),
        })}
      </p>
    </section>
  )
}
