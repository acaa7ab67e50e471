import { useNavigate } from '@remix-run/react'
import { formatShortDay } from '../../utils/format.ts'
import { ReviewChart } from '../review-charts.tsx'
import { useReviewFormats } from './formats.ts'
import { useDayLink } from './links.ts'
import { chosenGoal, type ReviewPageView } from './view.ts'

/** Volume against forecast and the service level, day by day; a day's bar opens that day. */
export function DailyChart({ view }: { view: ReviewPageView }) {
  const { t, language } = useReviewFormats()
  const navigate = useNavigate()
  const dayLink = useDayLink()
  const goal = chosenGoal(view)
  return (
    <section className="panel" aria-labelledby="review-chart-title">
      <h2 id="review-chart-title">{t('review.chartTitle')}</h2>
      <ReviewChart
        testId="review-chart"
        points={view.days.map((d) => ({ key: d.key, offered: d.offered, forecast: d.forecastOffered, serviceLevel: d.serviceLevel }))}
        slGoal={goal}
        formatKey={(day) => formatShortDay(day, language)}
        onSelect={(day) => navigate(dayLink(day))}
      />
      <p className="note">{t('review.chartNote')}</p>
    </section>
  )
}
