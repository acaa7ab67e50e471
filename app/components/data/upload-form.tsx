// The upload step: the file, its kind and time zone, refused here when it is over the size limit.
import { Form, useNavigation } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

export function UploadForm({ timeZone, errors: sent, limit }: { timeZone: string; errors: Record<string, string>; limit: number }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  // A file over the limit is refused here before it is sent (the server would cut it off).
  const [tooLarge, setTooLarge] = useState(false)
  const errors = tooLarge ? { ...sent, file: 'data.tooLarge' } : sent
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get('file')
    const over = file instanceof File && file.size > limit * 1024 * 1024
    setTooLarge(over)
    if (over) event.preventDefault()
  }
  return (
    <Form method="post" encType="multipart/form-data" className="form-grid" id="upload" onSubmit={checkSize}>
      <label htmlFor="upload-file">
        {t('data.file')}
        <input
          id="upload-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv"
          required
          aria-invalid={errors.file ? true : undefined}
          onChange={() => setTooLarge(false)}
        />
        {errors.file && (
          <span className="field-error" role="alert">
            {t(errors.file, { limit })}
          </span>
        )}
      </label>
      <label htmlFor="upload-kind">
        {t('data.kind')}
        <select id="upload-kind" name="kind" defaultValue="contacts">
          <option value="contacts">{t('data.kindContacts')}</option>
          <option value="intervals">{t('data.kindIntervals')}</option>
        </select>
      </label>
      <label htmlFor="upload-tz">
        {t('settings.timeZone')}
        <input id="upload-tz" name="timeZone" defaultValue={timeZone} aria-invalid={errors.timeZone ? true : undefined} />
        {errors.timeZone && <span className="field-error">{t(errors.timeZone)}</span>}
      </label>
      <div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? t('data.uploading') : t('data.upload')}
        </button>
      </div>
      <p className="note">{t('data.limit', { limit })}</p>
    </Form>
  )
}
