// A settings form's answer: saved, or errors to fix.
import { useTranslation } from 'react-i18next'
import { useFormResult } from '../../utils/form.ts'

export function FormStatus({ form }: { form: string }) {
  const { t } = useTranslation()
  const { done, refused } = useFormResult(form)
  if (done)
    return (
      <p className="status ok" role="status">
        {t('settings.saved')}
      </p>
    )
  if (refused)
    return (
      <p className="status error" role="alert">
        {t('settings.fixErrors')}
      </p>
    )
  return null
}
