import { Link } from '@remix-run/react'
import { addDays } from '../../domain/intervals.ts'
import { NO_FORECAST } from '../../schemas/review.ts'
import { formatDay } from '../../utils/format.ts'
import { useReviewFormats } from './formats.ts'
import { useSearchLink } from './links.ts'
import type { ReviewPageView } from './view.ts'

/** A period without actuals (a forecast not yet lived, days not imported): where the data is, and a way there. */
export function NoActuals({ view }: { view: ReviewPageView }) {
  const { t, language } = useReviewFormats()
  const link = useSearchLink()
  const data = view.dataPeriod
  const day = (d: string) => formatDay(d, language)
  return (
    <p className="panel" data-testid="review-no-data">
      {t('review.noData')}{' '}
      {data ? (
        <>
          {t('review.dataSpan', { from: day(data.from), to: day(data.to) })}{' '}
          <Link to={link({ forecast: NO_FORECAST, day: null, slot: null, from: addDays(data.to, -27) > data.from ? addDays(data.to, -27) : data.from, to: data.to })}>
            {t('review.lastDaysWithData')}
          </Link>
        </>
      ) : (
        <>
          {t('review.noHistory')} <Link to="/data">{t('nav.data')}</Link>
        </>
      )}
    </p>
  )
}
