// History and forecast of one channel: actual volume, the model's forecast with its 80% band,
// and the adjusted forecast when overrides change it.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDayTime, formatInteger } from '../utils/format.ts'

export interface ForecastChartPoint {
  /** Local day and minute of the point's start. */
  day: string
  minute: number
  actual: number | null
  forecast: number | null
  adjusted: number | null
  band: [number, number] | null
}

export function ForecastChart({ points, showAdjusted }: { points: ForecastChartPoint[]; showAdjusted: boolean }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const format = (value: unknown) =>
    Array.isArray(value) ? value.map((v) => formatInteger(Number(v), language)).join(' – ') : formatInteger(Number(value), language)
  const labelled = useMemo(() => points.map((p) => ({ ...p, label: formatDayTime(p.day, p.minute, language) })), [points, language])
  return (
    <div className="chart" data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={labelled} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6eaef" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={36} />
          <YAxis tickFormatter={(v: number) => formatInteger(v, language)} tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={format} />
          <Legend itemSorter={null} />
          <Area
            dataKey="band"
            name={t('forecast.band')}
            stroke="none"
            fill="#0b5cad"
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="actual"
            name={t('forecast.actual')}
            stroke="#1c2430"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="forecast"
            name={t('forecast.model')}
            stroke="#0b5cad"
            strokeWidth={2}
            strokeDasharray={showAdjusted ? '5 4' : undefined}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          {showAdjusted && (
            <Line
              dataKey="adjusted"
              name={t('forecast.adjusted')}
              stroke="#d9731a"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
