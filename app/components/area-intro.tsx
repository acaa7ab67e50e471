import { useTranslation } from 'react-i18next'

export type LaterArea = 'forecast' | 'staffing' | 'schedules' | 'review'

/** An area whose issue comes later: its title and one sentence of what will be there. */
export function AreaIntro({ area }: { area: LaterArea }) {
  const { t } = useTranslation()
  return (
    <section>
      <h1>{t(`nav.${area}`)}</h1>
      <p className="subtitle">{t(`areas.${area}`)}</p>
      <p className="note">{t('areas.comingLater')}</p>
    </section>
  )
}
