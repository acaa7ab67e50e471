// Volume by interval stacked by channel, and the weekday × hour heatmap.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { chartBars } from '../domain/chart-buckets.ts'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDecimal, formatInteger, formatShortDay, formatWeekday } from '../utils/format.ts'
import { colorFor } from './volume-sl-chart.tsx'

export function VolumeChart({
  buckets,
  channels,
  size,
}: {
  buckets: Array<{ day: string; time: string; offered: Record<string, number> }>
  channels: Array<{ key: string; name: string }>
  /** The buckets' own size: minutes, 'day' or 'week'. */
  size: 15 | 30 | 60 | 'day' | 'week'
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  // Summed to bars the chart has room for (a year of quarter hours is 35,000 buckets).
  const { step, bars } = useMemo(() => chartBars(buckets, size), [buckets, size])
  const rows = bars.map((b) => ({ label: b.time === null ? formatShortDay(b.day, language) : `${formatShortDay(b.day, language)} ${b.time}`, ...b.offered }))
  const stepName = step === 'day' ? t('volume.stepDay') : step === 'week' ? t('volume.stepWeek') : step < 60 ? `${step} min` : `${step / 60} h`
  return (
    <>
      <div className="chart" data-testid="volume-chart">
        <ResponsiveContainer width="100%" height="100%">
          {/* Hundreds of bars touch, or the gaps between them would hide them. */}
          <BarChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 8 }} barCategoryGap={rows.length > 200 ? 0 : '10%'}>
            <CartesianGrid stroke="#e6eaef" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatInteger(v, language)} tick={{ fontSize: 12 }} width={56} />
            <Tooltip formatter={(value) => formatInteger(Number(value), language)} />
            <Legend itemSorter={null} />
            {channels.map((c, index) => (
              <Bar key={c.key} dataKey={c.key} name={c.name} stackId="volume" fill={colorFor(index)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {step !== size && (
        <p className="note" data-testid="volume-chart-step">
          {t('volume.chartStep', { step: stepName, buckets: formatInteger(buckets.length, language), bars: formatInteger(bars.length, language) })}
        </p>
      )}
    </>
  )
}

/** A colour from white to the brand blue for a share in [0, 1]. */
function shade(share: number): string {
  const mix = (from: number, to: number) => Math.round(from + (to - from) * share)
  return `rgb(${mix(255, 11)}, ${mix(255, 92)}, ${mix(255, 173)})`
}

export function Heatmap({ heatmap }: { heatmap: number[][] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const max = Math.max(1, ...heatmap.flat())
  // Rows are Monday first.
  const weekdays = [...Array(7).keys()].map((i) => formatWeekday((i + 1) % 7, language))
  return (
    <div className="scroll">
      <table className="heatmap" data-testid="volume-heatmap" aria-label={t('volume.heatmap')}>
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
          {heatmap.map((hours, weekday) => (
            <tr key={weekday}>
              <th scope="row">{weekdays[weekday]}</th>
              {hours.map((value, hour) => (
                <td
                  key={hour}
                  style={{ background: shade(value / max), color: value / max > 0.55 ? '#fff' : '#1c2430' }}
                  title={`${weekdays[weekday]} ${String(hour).padStart(2, '0')}:00 — ${formatDecimal(value, language, 1)}`}
                >
                  {value >= 0.5 ? formatInteger(value, language) : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
