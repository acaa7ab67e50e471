// The model check's charts: predicted against actual (a scatter per measure, both models), the
// same day by day, and the patience curve (Kaplan–Meier) beside the exponential the model assumes.
// recharts renders in the browser only.
import { useTranslation } from 'react-i18next'
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { CheckPoint, ModelCheckView } from '../../services/model-check-view.server.ts'
import { formatDuration, formatPercent, formatShortDay } from '../../utils/format.ts'

type Measure = 'serviceLevel' | 'abandonRate'

const pick = (p: CheckPoint, measure: Measure) =>
  measure === 'serviceLevel'
    ? { actual: p.actualServiceLevel, predicted: p.predictedServiceLevel, fitted: p.fittedServiceLevel }
    : { actual: p.actualAbandonRate, predicted: p.predictedAbandonRate, fitted: p.fittedAbandonRate }

/** Predicted (x) against actual (y), one dot per interval; on the diagonal the model is right. */
export function CheckScatter({ points, measure, testId }: { points: CheckPoint[]; measure: Measure; testId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const current = points.flatMap((p) => {
    const v = pick(p, measure)
    return v.actual === null ? [] : [{ x: v.predicted, y: v.actual }]
  })
  const fitted = points.flatMap((p) => {
    const v = pick(p, measure)
    return v.actual === null || v.fitted === null ? [] : [{ x: v.fitted, y: v.actual }]
  })
  // Abandonment is a few percent: the axes stop a little above the largest value, not at 100%.
  const top = measure === 'serviceLevel' ? 1 : Math.min(1, Math.ceil(Math.max(0.05, ...current.map((c) => Math.max(c.x, c.y)), ...fitted.map((c) => c.x)) * 20) / 20)
  const percent = (v: number) => formatPercent(v, language, 0)
  const ticks = Array.from({ length: 6 }, (_, i) => Math.round(((top * i) / 5) * 1000) / 1000)
  return (
    <figure className="small-chart">
      <figcaption>{t(measure === 'serviceLevel' ? 'modelCheck.scatterSl' : 'modelCheck.scatterAbandon')}</figcaption>
      <div className="chart chart-small" data-testid={testId}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 10, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e6eaef" />
            <XAxis type="number" dataKey="x" domain={[0, top]} ticks={ticks} tickFormatter={percent} tick={{ fontSize: 12 }} name={t('modelCheck.predicted')}
              label={{ value: t('modelCheck.predicted'), position: 'insideBottom', offset: -14, fontSize: 12, fill: '#5b6675' }} />
            <YAxis type="number" dataKey="y" domain={[0, top]} ticks={ticks} tickFormatter={percent} tick={{ fontSize: 12 }} width={48} name={t('modelCheck.actual')}
              label={{ value: t('modelCheck.actual'), angle: -90, position: 'insideLeft', fontSize: 12, fill: '#5b6675' }} />
            <Tooltip formatter={(value) => formatPercent(Number(value), language)} />
            <Legend verticalAlign="top" />
            <ReferenceLine segment={[{ x: 0, y: 0 }, { x: top, y: top }]} stroke="#5b6675" strokeDasharray="4 4" ifOverflow="hidden" />
            <Scatter name={t('modelCheck.currentModel')} data={current} fill="#b42318" fillOpacity={0.45} shape="circle" isAnimationActive={false} />
            {fitted.length > 0 && <Scatter name={t('modelCheck.fittedModel')} data={fitted} fill="#0b5cad" fillOpacity={0.45} shape="circle" isAnimationActive={false} />}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}

/** Day by day: actual and predicted, each the offered-weighted mean of the day's checked intervals. */
export function dailySeries(points: CheckPoint[], measure: Measure) {
  const days = new Map<string, { weight: number; actual: number; predicted: number; fitted: number; fittedWeight: number }>()
  for (const p of points) {
    const v = pick(p, measure)
    if (v.actual === null) continue
    let day = days.get(p.day)
    if (!day) days.set(p.day, (day = { weight: 0, actual: 0, predicted: 0, fitted: 0, fittedWeight: 0 }))
    day.weight += p.offered
    day.actual += p.offered * v.actual
    day.predicted += p.offered * v.predicted
    if (v.fitted !== null) {
      day.fitted += p.offered * v.fitted
      day.fittedWeight += p.offered
    }
  }
  return [...days].map(([day, d]) => ({
    day,
    actual: d.actual / d.weight,
    predicted: d.predicted / d.weight,
    fitted: d.fittedWeight > 0 ? d.fitted / d.fittedWeight : null,
  }))
}

export function CheckOverTime({ points, measure, testId }: { points: CheckPoint[]; measure: Measure; testId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const data = dailySeries(points, measure)
  const hasFit = data.some((d) => d.fitted !== null)
  return (
    <figure className="small-chart">
      <figcaption>{t(measure === 'serviceLevel' ? 'modelCheck.overTimeSl' : 'modelCheck.overTimeAbandon')}</figcaption>
      <div className="chart chart-small" data-testid={testId}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e6eaef" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(day: string) => formatShortDay(day, language)} tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis domain={measure === 'serviceLevel' ? [0, 1] : [0, 'auto']} tickFormatter={(v: number) => formatPercent(v, language, 0)} tick={{ fontSize: 12 }} width={48} />
            <Tooltip labelFormatter={(day) => formatShortDay(String(day), language)} formatter={(value) => formatPercent(value as number | null, language)} />
            <Legend verticalAlign="top" />
            <Line dataKey="actual" name={t('modelCheck.actual')} stroke="#1c2430" strokeWidth={2} dot={data.length <= 45 ? { r: 2 } : false} isAnimationActive={false} />
            <Line dataKey="predicted" name={t('modelCheck.currentModel')} stroke="#b42318" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
            {hasFit && <Line dataKey="fitted" name={t('modelCheck.fittedModel')} stroke="#0b5cad" strokeWidth={2} dot={false} isAnimationActive={false} />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}

/** Round waits for the axis (10 s, 30 s, 1 min, 5 min …), about five up to `maxSec`. */
function waitTicks(maxSec: number): number[] {
  const step = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400].find((s) => maxSec / s <= 6) ?? 86_400
  return Array.from({ length: Math.floor(maxSec / step) + 1 }, (_, i) => i * step)
}

/** Share of callers still willing to wait after each wait: observed (Kaplan–Meier) and exponential. */
export function PatienceCurve({ survival }: { survival: NonNullable<ModelCheckView['survival']> }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const ticks = waitTicks(survival.points.at(-1)?.waitSec ?? 0)
  return (
    <figure className="small-chart">
      <figcaption>{t('modelCheck.patienceCurve')}</figcaption>
      <div className="chart chart-small" data-testid="patience-curve">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={survival.points} margin={{ top: 10, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e6eaef" vertical={false} />
            <XAxis dataKey="waitSec" type="number" domain={[0, 'dataMax']} ticks={ticks} tickFormatter={(s: number) => formatDuration(s, language)} tick={{ fontSize: 12 }}
              label={{ value: t('modelCheck.wait'), position: 'insideBottom', offset: -14, fontSize: 12, fill: '#5b6675' }} />
            <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, language, 0)} tick={{ fontSize: 12 }} width={48} />
            <Tooltip labelFormatter={(s) => formatDuration(Number(s), language)} formatter={(value) => formatPercent(value as number | null, language)} />
            <Legend verticalAlign="top" />
            <Line dataKey="observed" type="stepAfter" name={t('modelCheck.kaplanMeier')} stroke="#1c2430" strokeWidth={2} dot={false} isAnimationActive={false} />
            {survival.estimatedSec !== null && (
              <Line dataKey="exponential" name={t('modelCheck.exponential')} stroke="#b42318" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
