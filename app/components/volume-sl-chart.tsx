// Volume (bars, left axis) and service level (line, right axis) by day, with the SL goal.
// recharts renders in the browser only (recharts 3 has no server rendering).
import { useTranslation } from 'react-i18next'
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatInteger, formatPercent, formatShortDay } from '../utils/format.ts'

export interface ChartSeries {
  key: string
  name: string
  color: string
}

export interface ChartDay {
  day: string
  /** Volume per series key. */
  volumes: Record<string, number>
  serviceLevel: number | null
}

const channelColors = ['#0b5cad', '#2a9d8f', '#7b61c9', '#e08a1e', '#c2410c', '#4d7c0f']
export const colorFor = (index: number) => channelColors[index % channelColors.length]!

export function VolumeServiceLevelChart({
  days,
  series,
  slGoal,
}: {
  days: ChartDay[]
  series: ChartSeries[]
  /** The goal line, when one goal applies to what is shown. */
  slGoal: number | null
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const rows = days.map((d) => ({ day: d.day, ...d.volumes, serviceLevel: d.serviceLevel }))
  return (
    <figure className="chart-figure">
      {slGoal !== null && (
        <figcaption className="note">
          <span className="goal-key" aria-hidden="true" /> {t('overview.goalLine')}: {formatPercent(slGoal, language, 0)}
        </figcaption>
      )}
    <div className="chart" data-testid="overview-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6eaef" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => formatShortDay(day, language)} tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis
            yAxisId="volume"
            tickFormatter={(v: number) => formatInteger(v, language)}
            tick={{ fontSize: 12 }}
            width={56}
            label={{ value: t('overview.volume'), angle: -90, position: 'insideLeft', fontSize: 12, fill: '#5b6675' }}
          />
          <YAxis
            yAxisId="sl"
            orientation="right"
            domain={[0, 1]}
            tickFormatter={(v: number) => formatPercent(v, language, 0)}
            tick={{ fontSize: 12 }}
            width={52}
            label={{ value: t('overview.slLine'), angle: 90, position: 'insideRight', fontSize: 12, fill: '#5b6675' }}
          />
          <Tooltip
            labelFormatter={(day) => formatShortDay(String(day), language)}
            formatter={(value, name, item) =>
              item.dataKey === 'serviceLevel'
                ? [formatPercent(value as number | null, language), name]
                : [formatInteger(Number(value), language), name]
            }
          />
          <Legend itemSorter={null} />
          {series.map((s) => (
            <Bar key={s.key} yAxisId="volume" dataKey={s.key} name={s.name} stackId="volume" fill={s.color} isAnimationActive={false} />
          ))}
          <Line
            yAxisId="sl"
            dataKey="serviceLevel"
            name={t('overview.slLine')}
            stroke="#1c2430"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
          {slGoal !== null && (
            <ReferenceLine yAxisId="sl" y={slGoal} stroke="#b42318" strokeDasharray="6 4" ifOverflow="extendDomain" />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
    </figure>
  )
}
