// The review's charts: forecast vs actual volume with the service level (per day, clickable to
// drill into a day; per interval), and the weekday × hour heatmap of volume variance (each cell
// a link to that hour's intervals).
// recharts renders in the browser only (recharts 3 has no server rendering).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatInteger, formatPercent, formatWeekday } from '../utils/format.ts'

export interface ReviewChartPoint {
  /** The x value: a day "YYYY-MM-DD" or an interval's time. */
  key: string
  offered: number
  forecast: number | null
  serviceLevel: number | null
}

export function ReviewChart({
  points,
  slGoal,
  formatKey,
  onSelect,
  testId,
}: {
  points: ReviewChartPoint[]
  /** The goal line, when one goal applies to what is shown. */
  slGoal: number | null
  formatKey: (key: string) => string
  /** Called with a point's key when it is clicked. */
  onSelect?: (key: string) => void
  testId: string
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <figure className="chart-figure">
      {slGoal !== null && (
        <figcaption className="note">
          <span className="goal-key" aria-hidden="true" /> {t('review.goalLine')}: {formatPercent(slGoal, language, 0)}
        </figcaption>
      )}
      <div className={onSelect ? 'chart clickable' : 'chart'} data-testid={testId}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={points}
            margin={{ top: 10, right: 16, bottom: 4, left: 8 }}
            onClick={(state, event) => {
              // A bar answers its own click (below); elsewhere in a day's column, the hovered day.
              if ((event.target as Element).closest('.recharts-bar-rectangle')) return
              if (onSelect && state.activeLabel !== undefined) onSelect(String(state.activeLabel))
            }}
          >
            <CartesianGrid stroke="#e6eaef" vertical={false} />
            <XAxis dataKey="key" tickFormatter={(key: string) => formatKey(key)} tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis
              yAxisId="volume"
              tickFormatter={(v: number) => formatInteger(v, language)}
              tick={{ fontSize: 12 }}
              width={56}
              label={{ value: t('review.volume'), angle: -90, position: 'insideLeft', fontSize: 12, fill: '#5b6675' }}
            />
            <YAxis
              yAxisId="sl"
              orientation="right"
              domain={[0, 1]}
              tickFormatter={(v: number) => formatPercent(v, language, 0)}
              tick={{ fontSize: 12 }}
              width={52}
              label={{ value: t('review.sl'), angle: 90, position: 'insideRight', fontSize: 12, fill: '#5b6675' }}
            />
            <Tooltip
              labelFormatter={(key) => formatKey(String(key))}
              formatter={(value, name, item) =>
                item.dataKey === 'serviceLevel'
                  ? [formatPercent(value as number | null, language), name]
                  : [value === null ? '—' : formatInteger(Number(value), language), name]
              }
            />
            <Legend itemSorter={null} />
            <Bar
              yAxisId="volume"
              dataKey="offered"
              name={t('review.actualVolume')}
              fill="#8fb3da"
              isAnimationActive={false}
              onClick={onSelect ? (_, index) => onSelect(points[index]!.key) : undefined}
            />
            {points.some((p) => p.forecast !== null) && (
              <Line
                yAxisId="volume"
                dataKey="forecast"
                name={t('review.forecastVolume')}
                stroke="#0b5cad"
                strokeWidth={2}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            )}
            <Line
              yAxisId="sl"
              dataKey="serviceLevel"
              name={t('review.sl')}
              stroke="#1c2430"
              strokeWidth={2}
              dot={points.length <= 45 ? { r: 3 } : false}
              connectNulls={false}
              isAnimationActive={false}
            />
            {slGoal !== null && <ReferenceLine yAxisId="sl" y={slGoal} stroke="#b42318" strokeDasharray="6 4" ifOverflow="extendDomain" />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}

/** Variance beyond this (either way) gets the strongest colour. */
const FULL_SCALE = 0.5

/** White to blue for over-forecast (variance > 0), white to red for under-forecast. */
function varianceColor(value: number): { background: string; color: string } {
  const share = Math.min(1, Math.abs(value) / FULL_SCALE)
  const [r, g, b] = value >= 0 ? [11, 92, 173] : [180, 35, 24]
  const mix = (to: number) => Math.round(255 + (to - 255) * share)
  return { background: `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`, color: share > 0.55 ? '#fff' : '#1c2430' }
}

/** "+12%", "−8%", "0%": whole percents, no "−0%". */
function signedPercent(value: number, language: string): string {
  const whole = Math.round(value * 100) / 100
  return whole === 0 ? formatPercent(0, language, 0) : `${whole > 0 ? '+' : ''}${formatPercent(whole, language, 0)}`
}

/** Weekdays Monday first, as indexes of the heatmap's rows (0 = Sunday). */
const weekOrder = [1, 2, 3, 4, 5, 6, 0]

export function VarianceHeatmap({
  heatmap,
  cellLink,
  chosen,
}: {
  heatmap: Array<Array<number | null>>
  /** Where a cell leads (its intervals). */
  cellLink: (weekday: number, hour: number) => string
  chosen: { weekday: number; hour: number } | null
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <>
      <div className="scroll">
        <table className="heatmap variance" data-testid="variance-heatmap" aria-label={t('review.heatmapTitle')}>
          <thead>
            <tr>
              <th scope="col" />
              {[...Array(24).keys()].map((h) => (
                <th key={h} scope="col">
                  {String(h).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekOrder.map((weekday) => (
              <tr key={weekday}>
                <th scope="row">{formatWeekday(weekday, language)}</th>
                {heatmap[weekday]!.map((value, hour) =>
                  value === null ? (
                    <td key={hour} className="empty" />
                  ) : (
                    <td
                      key={hour}
                      style={varianceColor(value)}
                      className={chosen?.weekday === weekday && chosen.hour === hour ? 'is-chosen' : undefined}
                    >
                      <Link
                        to={cellLink(weekday, hour)}
                        preventScrollReset
                        aria-current={chosen?.weekday === weekday && chosen.hour === hour ? 'true' : undefined}
                        aria-label={t('review.openSlot', {
                          slot: `${formatWeekday(weekday, language, 'long')} ${String(hour).padStart(2, '0')}:00`,
                          variance: signedPercent(value, language),
                        })}
                        title={t('review.openSlot', {
                          slot: `${formatWeekday(weekday, language, 'long')} ${String(hour).padStart(2, '0')}:00`,
                          variance: signedPercent(value, language),
                        })}
                      >
                        {signedPercent(value, language)}
                      </Link>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="heat-legend" aria-label={t('review.legend')}>
        <span>{t('review.underForecast')}</span>
        {[-0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5].map((v) => (
          <span key={v} className="swatch" style={varianceColor(v)}>
            {v === 0 ? '0' : signedPercent(v, language)}
          </span>
        ))}
        <span>{t('review.overForecast')}</span>
      </div>
    </>
  )
}
