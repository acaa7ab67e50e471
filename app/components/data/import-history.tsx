// The last imports: when, which file, what kind, and the rows each one read, added, updated or refused.
import { useTranslation } from 'react-i18next'
import type { ImportHistoryEntry } from '../../services/import.server.ts'
import { formatInstant, formatInteger } from '../../utils/format.ts'

export function ImportHistory({ history, timeZone }: { history: ImportHistoryEntry[]; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('data.history')}</h2>
      {history.length === 0 ? (
        <p className="note">{t('data.noHistory')}</p>
      ) : (
        <div className="scroll">
          <table className="data" data-testid="import-history">
            <thead>
              <tr>
                <th scope="col">{t('data.when')}</th>
                <th scope="col">{t('data.file')}</th>
                <th scope="col">{t('data.kind')}</th>
                <th scope="col">{t('data.status')}</th>
                <th scope="col">{t('data.rows')}</th>
                <th scope="col">{t('data.new')}</th>
                <th scope="col">{t('data.updatedRows')}</th>
                <th scope="col">{t('data.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((run) => (
                <tr key={run.id}>
                  <td>{formatInstant(run.finishedAt, language, timeZone)}</td>
                  <td>{run.fileName}</td>
                  <td>{t(run.kind === 'contacts' ? 'data.kindContacts' : 'data.kindIntervals')}</td>
                  <td className={run.status === 'imported' ? 'good' : 'bad'}>{t(run.status === 'imported' ? 'data.statusImported' : 'data.statusRefused')}</td>
                  <td>{formatInteger(run.rows, language)}</td>
                  <td>{formatInteger(run.inserted, language)}</td>
                  <td>{formatInteger(run.updated, language)}</td>
                  <td>{formatInteger(run.errorCount, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
