// Required vs scheduled agents per interval, as steps, with the gap between them shaded: amber
// where agents are over what is required, red where they fall short.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { LocalTime } from '../domain/intervals.ts'
import { formatClock } from '../domain/opening-hours.ts'
import { formatDayTime, formatDecimal, formatInteger } from '../utils/format.ts'

export interface CoveragePoint extends LocalTime {
  required: number
  scheduled: number
  over: [number, number]
  under: [number, number]
}

/** `withDay`: points of several days, labelled with their day; else one day's, with the time alone. */
export function CoverageChart({ points, withDay }: { points: CoveragePoint[]; withDay: boolean }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const labelled = useMemo(
    () => points.map((p) => ({ ...p, label: withDay ? formatDayTime(p.day, p.minute, language) : formatClock(p.minute) })),
    [points, withDay, language],
  )
  return (
    <div className="chart" data-testid="coverage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={labelled} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6eaef" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={36} />
          <YAxis tickFormatter={(v: number) => formatInteger(v, language)} tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
          <Tooltip
            formatter={(value, name) =>
              Array.isArray(value)
                ? [formatDecimal(Number(value[1]) - Number(value[0]), language, 1), name]
                : formatDecimal(Number(value), language, 1)
            }
          />
          <Legend itemSorter={null} />
          <Area
            type="stepAfter"
            dataKey="over"
            name={t('schedules.over')}
            fill="#f5b041"
            fillOpacity={0.45}
            stroke="none"
            isAnimationActive={false}
          />
          <Area
            type="stepAfter"
            dataKey="under"
            name={t('schedules.under')}
            fill="#d64545"
            fillOpacity={0.55}
            stroke="none"
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="required"
            name={t('schedules.required')}
            stroke="#1f2933"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="scheduled"
            name={t('schedules.scheduled')}
            stroke="#0b5cad"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
