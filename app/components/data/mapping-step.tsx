// The mapping step: the file's columns chosen for ours, with a sample of its rows.
import { Form } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UploadPreview } from '../../services/uploads.server.ts'
import { formatInteger } from '../../utils/format.ts'

export function MappingStep({ preview, kind, timeZone }: { preview: UploadPreview; kind: string; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const columns = [...preview.required, ...preview.optional]
  const [chosen, setChosen] = useState(preview.proposed)
  useEffect(() => setChosen(preview.proposed), [preview])
  // Import waits for every required column; without JavaScript the server refuses the same.
  const unmapped = preview.required.filter((column) => !chosen[column])
  if (preview.error) {
    return (
      <p className="status error" role="alert">
        {t('data.unreadable', { reason: t(`importErrors.${preview.error.code}`, preview.error.params) })}
      </p>
    )
  }
  return (
    <Form method="post" id="mapping">
      <input type="hidden" name="uploadId" value={preview.uploadId} />
      <input type="hidden" name="fileName" value={preview.fileName} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <p className="note">
        {t('data.detected', {
          file: preview.fileName,
          size: formatInteger(Math.ceil(preview.bytes / 1024), i18n.language),
          encoding: preview.encoding === 'windows-1252' ? 'Latin-1' : 'UTF-8',
          delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter,
        })}
      </p>
      <div className="scroll">
        <table className="data mapping">
          <thead>
            <tr>
              <th scope="col">{t('data.ourColumn')}</th>
              <th scope="col">{t('data.theirColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => {
              const required = preview.required.includes(column)
              return (
                <tr key={column}>
                  <td>
                    <code>{column}</code> {required ? '' : <span className="note">({t('settings.optional')})</span>}
                  </td>
                  <td>
                    <select
                      name={`map.${column}`}
                      value={chosen[column] ?? ''}
                      onChange={(event) => setChosen({ ...chosen, [column]: event.target.value })}
                      aria-label={column}
                      aria-invalid={required && !chosen[column] ? true : undefined}
                    >
                      <option value="">{required ? t('data.choose') : t('data.none')}</option>
                      {preview.header.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {preview.sample.length > 0 && (
        <>
          <h3>{t('data.sample')}</h3>
          <div className="scroll">
            <table className="data">
              <thead>
                <tr>
                  {preview.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {unmapped.length > 0 && (
        <p className="field-error" role="alert" data-testid="mapping-missing">
          {t('data.unmapped', { columns: unmapped.join(', ') })}
        </p>
      )}
      <p>
        <button
          type="submit"
          aria-disabled={unmapped.length > 0 || undefined}
          onClick={(event) => unmapped.length > 0 && event.preventDefault()}
        >
          {t('data.import')}
        </button>{' '}
        <button type="submit" name="intent" value="cancel" className="secondary" formNoValidate>
          {t('data.cancel')}
        </button>
      </p>
    </Form>
  )
}
