// A settings section's form, or its fields disabled for those who may not change settings.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../utils/user.ts'

/**
 * The form that saves a section's fields or, for those who may not change settings, the same
 * fields disabled with their current values, in no form that posts.
 */
export function SettingsForm({
  id,
  hidden,
  busy = false,
  children,
}: {
  id?: string
  hidden: Record<string, string | number>
  busy?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const canEdit = useCan('editSettings')
  if (!canEdit) {
    return (
      <div id={id}>
        <fieldset disabled className="form-grid read-only">
          {children}
        </fieldset>
      </div>
    )
  }
  return (
    <Form method="post" className="form-grid" id={id} preventScrollReset>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <button type="submit" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </Form>
  )
}
