// The diminishing-returns curves around the answer: service level, ASA, occupancy and
// abandonment against the number of agents, Erlang C and Erlang A side by side.
import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDecimal, formatPercent } from '../utils/format.ts'

export interface CurveRow {
  agents: number
  slC: number
  slA: number | null
  asaC: number | null
  asaA: number | null
  occupancyC: number
  occupancyA: number | null
  abandonA: number | null
}

const colorC = '#0b5cad'
const colorA = '#c2410c'

function SmallChart({
  title,
  rows,
  keys,
  answer,
  goal,
  percent,
  testId,
}: {
  title: string
  rows: CurveRow[]
  keys: Array<{ key: keyof CurveRow; name: string; color: string }>
  answer: number
  goal?: number | null
  percent: boolean
  testId: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const format = (value: number) => (percent ? formatPercent(value, language, 0) : formatDecimal(value, language, 1))
  return (
    <figure className="small-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart chart-small">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e6eaef" />
            <XAxis dataKey="agents" tick={{ fontSize: 12 }} label={{ value: t('calculator.agentsAxis'), position: 'insideBottomRight', offset: -2, fontSize: 12, fill: '#5b6675' }} />
            <YAxis tickFormatter={format} tick={{ fontSize: 12 }} width={48} domain={percent ? [0, 1] : ['auto', 'auto']} />
            <Tooltip
              labelFormatter={(agents) => `${t('calculator.agentsAxis')}: ${agents}`}
              formatter={(value) => (typeof value === 'number' ? format(value) : '—')}
            />
            <Legend itemSorter={null} />
            {keys.map((k) => (
              <Line key={k.key} dataKey={k.key} name={k.name} stroke={k.color} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
            ))}
            <ReferenceLine x={answer} stroke="#1c2430" strokeDasharray="4 3" />
            {goal != null && <ReferenceLine y={goal} stroke="#b42318" strokeDasharray="6 4" ifOverflow="extendDomain" />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}

export function StaffingCharts({
  rows,
  answer,
  slGoal,
  asaGoal,
  maxOccupancy,
  withErlangA,
}: {
  rows: CurveRow[]
  answer: number
  slGoal: number
  asaGoal: number | null
  maxOccupancy: number | null
  withErlangA: boolean
}) {
  const { t } = useTranslation()
  const c = (key: keyof CurveRow) => ({ key, name: 'Erlang C', color: colorC })
  const a = (key: keyof CurveRow) => ({ key, name: 'Erlang A', color: colorA })
  const both = (cKey: keyof CurveRow, aKey: keyof CurveRow) => (withErlangA ? [c(cKey), a(aKey)] : [c(cKey)])
  return (
    <div className="chart-grid">
      <SmallChart testId="chart-sl" title={t('calculator.serviceLevel')} rows={rows} keys={both('slC', 'slA')} answer={answer} goal={slGoal} percent />
      <SmallChart testId="chart-asa" title={t('calculator.asaSeconds')} rows={rows} keys={both('asaC', 'asaA')} answer={answer} goal={asaGoal} percent={false} />
      <SmallChart testId="chart-occupancy" title={t('calculator.occupancy')} rows={rows} keys={both('occupancyC', 'occupancyA')} answer={answer} goal={maxOccupancy} percent />
      {withErlangA && (
        <SmallChart testId="chart-abandon" title={t('calculator.abandonment')} rows={rows} keys={[a('abandonA')]} answer={answer} percent />
      )}
    </div>
  )
}
