// What the check found: each model's errors (mean absolute error and bias of SL and abandonment)
// over the period, the fit on its first half and the check of the fit on the second, and the
// button that stores the fitted efficiency and patience on the channel.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ModelCheckSummary } from '../../domain/model-check.ts'
import type { ModelCheckView } from '../../services/model-check-view.server.ts'
import { formatDayMonth, formatDecimal, formatDuration, formatInteger, formatPercent } from '../../utils/format.ts'
import { useCan } from '../../utils/user.ts'

/** Errors in percentage points ("p.p." / "pp"), signed for the bias. */
function points(value: number | null, language: string, unit: string, signed = false): string {
  if (value === null) return '—'
  const pp = `${formatDecimal(Math.abs(value) * 100, language, 1)} ${unit}`
  return signed ? `${value > 0 ? '+' : value < 0 ? '−' : ''}${pp}` : pp
}

interface Row {
  testId: string
  model: 'current' | 'fitted'
  stretch: 'period' | 'training' | 'heldOut'
  efficiency: number
  patienceSec: number | null
  from: string
  to: string
  summary: ModelCheckSummary
}

function ErrorRow({ row }: { row: Row }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const { summary } = row
  const unit = t('modelCheck.percentagePoints')
  const day = (d: string) => formatDayMonth(d, language)
  return (
    <tr data-testid={row.testId}>
      <th scope="row">{t(row.model === 'current' ? 'modelCheck.current' : 'modelCheck.fitted')}</th>
      <td>{t(`modelCheck.stretch.${row.stretch}`)}</td>
      <td>{formatDecimal(row.efficiency, language, 2)}</td>
      <td>{row.patienceSec === null ? '—' : formatDuration(row.patienceSec, language)}</td>
      <td>{row.from === row.to ? day(row.from) : `${day(row.from)} – ${day(row.to)}`}</td>
      <td>{formatInteger(summary.intervals, language)}</td>
      <td>{points(summary.slMae, language, unit)}</td>
      <td>{points(summary.slBias, language, unit, true)}</td>
      <td>{points(summary.abandonMae, language, unit)}</td>
      <td>{points(summary.abandonBias, language, unit, true)}</td>
    </tr>
  )
}

export function CheckSummary({ view, saved }: { view: ModelCheckView; saved: boolean }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canApply = useCan('editScenarios')
  const { channel, current, fit, split, query } = view
  if (!channel || !current) return null
  const k = (value: number) => formatDecimal(value, language, 2)
  const patience = (sec: number | null) => (sec === null ? '—' : formatDuration(sec, language))
  const abandoning = channel.model === 'erlangC' && current.abandonBias !== null && current.abandonBias < -0.01
  const stored = { efficiency: channel.efficiency, patienceSec: channel.patienceSec }
  const rows: Row[] = [{ testId: 'errors-current', model: 'current', stretch: 'period', ...stored, from: query.from, to: query.to, summary: current }]
  if (fit) {
    const fitted = { efficiency: fit.efficiency, patienceSec: fit.patienceSec }
    const training = split ? { from: split.trainingFrom, to: split.trainingTo } : { from: query.from, to: query.to }
    rows.push({ testId: 'errors-training', model: 'fitted', stretch: split ? 'training' : 'period', ...fitted, ...training, summary: fit.training })
    if (fit.heldOut && split) {
      const heldOut = { from: split.heldOutFrom, to: split.heldOutTo }
      rows.push({ testId: 'errors-held-out-current', model: 'current', stretch: 'heldOut', ...stored, ...heldOut, summary: fit.heldOut.current })
      rows.push({ testId: 'errors-held-out', model: 'fitted', stretch: 'heldOut', ...fitted, ...heldOut, summary: fit.heldOut.fitted })
    }
  }
  const unchanged = fit !== null && Math.abs(fit.efficiency - channel.efficiency) < 0.0005 && (fit.patienceSec ?? channel.patienceSec) === channel.patienceSec
  return (
    <section className="panel" aria-labelledby="check-errors-title">
      <h2 id="check-errors-title">{t('modelCheck.errorsTitle')}</h2>
      {saved && (
        <p className="status ok" role="status">
          {t('modelCheck.applied')}
        </p>
      )}
      <div className="scroll">
        <table className="data" data-testid="check-errors">
          <thead>
            <tr>
              <th scope="col">{t('modelCheck.model')}</th>
              <th scope="col">{t('modelCheck.stretchTitle')}</th>
              <th scope="col">k</th>
              <th scope="col">{t('modelCheck.patience')}</th>
              <th scope="col">{t('modelCheck.days')}</th>
              <th scope="col">{t('modelCheck.intervals')}</th>
              <th scope="col">{t('modelCheck.slMae')}</th>
              <th scope="col">{t('modelCheck.slBias')}</th>
              <th scope="col">{t('modelCheck.abandonMae')}</th>
              <th scope="col">{t('modelCheck.abandonBias')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ErrorRow key={row.testId} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {abandoning && (
        <p className="note" data-testid="erlang-c-abandon">
          {t('modelCheck.erlangCAbandons', { rate: formatPercent(-current.abandonBias!, language), patience: patience(view.survival?.estimatedSec ?? null) })}
        </p>
      )}
      {fit ? (
        <>
          <p data-testid="fit">
            {t('modelCheck.fitSentence', { k: k(fit.efficiency), percent: formatDecimal((1 - fit.efficiency) * 100, language, 0), patience: patience(fit.patienceSec) })}
          </p>
          {canApply && !unchanged && (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="channel" value={query.channel} />
              <input type="hidden" name="from" value={query.from} />
              <input type="hidden" name="to" value={query.to} />
              <input type="hidden" name="interval" value={query.interval} />
              <button type="submit">{t('modelCheck.apply', { name: channel.name, k: k(fit.efficiency) })}</button>
            </Form>
          )}
          {unchanged && <p className="note">{t('modelCheck.alreadyApplied')}</p>}
          {!canApply && <p className="note">{t('readOnly.calibration')}</p>}
        </>
      ) : (
        <p className="note">{t('modelCheck.noFit')}</p>
      )}
      <p className="note">{t('modelCheck.errorsNote')}</p>
    </section>
  )
}
