// When the rules were last saved and by whom, or that they are the defaults.
import { useTranslation } from 'react-i18next'
import type { StoredRules } from '../../services/schedule-rules.server.ts'
import { formatInstant } from '../../utils/format.ts'

export function LastUpdate({ updatedAt, updatedBy, timeZone }: Omit<StoredRules, 'file'> & { timeZone: string }) {
  const { t, i18n } = useTranslation()
  if (!updatedAt) return <p className="note">{t('scheduleRules.defaults')}</p>
  const when = formatInstant(updatedAt, i18n.language, timeZone)
  return <p className="note">{t('scheduleRules.updated', { when, who: updatedBy })}</p>
}
