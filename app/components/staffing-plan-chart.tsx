// Required agents per interval: the base plan on the floor and scheduled, and each compared
// scenario's scheduled agents, as steps (agents change at interval boundaries).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { StaffingChartPoint } from '../domain/staffing-view.ts'
import { formatDayTime, formatInteger } from '../utils/format.ts'
import { colorFor } from './volume-sl-chart.tsx'

export function StaffingPlanChart({
  points,
  scenarios,
}: {
  points: ReadonlyArray<StaffingChartPoint>
  scenarios: Array<{ id: number; name: string }>
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const labelled = useMemo(() => points.map((p) => ({ ...p, label: formatDayTime(p.day, p.minute, language) })), [points, language])
  return (
    <div className="chart" data-testid="staffing-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={labelled} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6eaef" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={36} />
          <YAxis tickFormatter={(v: number) => formatInteger(v, language)} tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
          <Tooltip formatter={(value) => formatInteger(Number(value), language)} />
          <Legend itemSorter={null} />
          <Line
            type="stepAfter"
            dataKey="floor"
            name={t('staffing.floor')}
            stroke="#7a8699"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="scheduled"
            name={t('staffing.scheduled')}
            stroke="#0b5cad"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {scenarios.map((s, index) => (
            <Line
              key={s.id}
              type="stepAfter"
              dataKey={`s${s.id}`}
              name={t('staffing.scheduledScenario', { name: s.name })}
              stroke={colorFor(index + 1)}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
