import type { ReactNode } from 'react'
import { meetsSlGoal } from '../../domain/metrics.ts'
import type { Attainment } from '../../domain/review.ts'
import { formatDay } from '../../utils/format.ts'
import { useReviewFormats } from './formats.ts'
import type { ReviewPageView } from './view.ts'

function Card({ id, label, value, detail, tone }: { id: string; label: string; value: string; detail?: ReactNode; tone?: 'good' | 'bad' }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`review-${id}`} className={tone}>
        {value}
      </dd>
      {detail && <dd className="detail">{detail}</dd>}
    </div>
  )
}
/** The headline cards: forecast accuracy, service attained and quality, with what each covers. */
export function Headline({ view, channelName }: { view: ReviewPageView; channelName: string }) {
  const { t, percent, signed, integer, duration, nps, metOf, language } = useReviewFormats()
  const one = view.channel === null ? null : view.byChannel.find((c) => c.key === view.channel) ?? null
  const volume = view.accuracy.volume
  const aht = view.accuracy.aht
  // Abandonment the plan predicted covers the Erlang A channels: set it beside their actual rate.
  const erlangA = new Set(view.channels.filter((c) => c.erlangA).map((c) => c.key))
  const predictedFor = view.byChannel.filter((c) => erlangA.has(c.key))
  // Over the intervals the plan predicted, so the two rates compare like with like.
  const actualThere = view.actualAbandonWherePredicted
  // All channels: service level and wait of the real-time channels (e-mail waits hours).
  const asa = one ? one.asaSec : view.realtime.asaSec
  const share = (a: Attainment, unit: 'intervals' | 'days' | 'weeks') => (a.share === null ? undefined : metOf(a, unit))
  return (
    <section className="panel" aria-labelledby="review-summary">
      <h2 id="review-summary">{t('review.summaryTitle', { from: formatDay(view.from, language), to: formatDay(view.to, language) })}</h2>
      <p className="note summary-of">
        {t('review.summaryOf', { channel: channelName, forecast: view.forecast?.name ?? t('review.noForecast') })}
      </p>
      <h3 className="counts-title">{t('review.accuracyTitle')}</h3>
      <dl className="counts review-cards">
        <Card id="volume-wape" label={t('review.volumeWape')} value={percent(volume.wape)} />
        <Card id="volume-bias" label={t('review.volumeBias')} value={signed(volume.bias)} detail={t('review.biasSign')} />
        <Card id="volume-mape" label={t('review.volumeMape')} value={percent(volume.mape)} detail={t('review.mapeNote')} />
        <Card id="aht-wape" label={t('review.ahtWape')} value={percent(aht.wape)} />
        <Card id="aht-bias" label={t('review.ahtBias')} value={signed(aht.bias)} detail={t('review.biasSign')} />
      </dl>
      <h3 className="counts-title">{t('review.serviceTitle')}</h3>
      <dl className="counts review-cards">
        <Card
          id="attainment-intervals"
          label={t('review.intervalsMet')}
          value={percent(view.attainment.intervals.share, 0)}
          detail={share(view.attainment.intervals, 'intervals')}
        />
        <Card
          id="attainment-days"
          label={t('review.daysMet')}
          value={percent(view.attainment.days.share, 0)}
          detail={share(view.attainment.days, 'days')}
        />
        <Card
          id="attainment-weeks"
          label={t('review.weeksMet')}
          value={percent(view.attainment.weeks.share, 0)}
          detail={share(view.attainment.weeks, 'weeks')}
        />
        <Card
          id="service-level"
          label={t('review.slActual')}
          value={percent(one ? view.total.serviceLevel : view.realtime.serviceLevel)}
          tone={one && one.serviceLevel !== null ? (meetsSlGoal(one.serviceLevel, one.slGoal) ? 'good' : 'bad') : undefined}
          detail={one ? t('review.goalOf', { goal: percent(one.slGoal, 0) }) : t('review.allChannelsPooled')}
        />
        <Card
          id="abandon"
          label={t('review.abandon')}
          value={percent(view.total.abandonRate)}
          detail={
            view.predictedAbandonRate === null
              ? t('review.noPrediction')
              : predictedFor.length === view.byChannel.length
              ? t('review.predictedAbandon', { rate: percent(view.predictedAbandonRate) })
              : t('review.predictedAbandonOf', {
                  rate: percent(view.predictedAbandonRate),
                  channels: predictedFor.map((c) => c.name).join(', '),
                  actual: percent(actualThere),
                })
          }
        />
        <Card id="asa" label={t('review.asa')} value={duration(asa)} detail={one ? undefined : t('review.realtimeOnly')} />
      </dl>
      <h3 className="counts-title">{t('review.qualityTitle')}</h3>
      <dl className="counts review-cards">
        <Card id="fcr" label={t('review.fcr')} value={percent(view.total.fcrRate)} />
        <Card
          id="nps"
          label={t('review.nps')}
          value={nps(view.total.nps)}
          detail={
            view.total.npsResponses > 0
              ? t('review.responses', { count: view.total.npsResponses, n: integer(view.total.npsResponses) })
              : undefined
          }
        />
      </dl>
      {view.forecast === null ? (
        <p className="note">{t('review.noForecastNote')}</p>
      ) : (
        volume.intervals === 0 && <p className="note">{t('review.notCovered', { name: view.forecast.name })}</p>
      )}
      <p className="note">{t('review.accuracyNote')}</p>
      <p className="note">{t('review.slDefinition')}</p>
    </section>
  )
}
