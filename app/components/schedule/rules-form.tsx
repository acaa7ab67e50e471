// The rules form, or its fields disabled for those who may not change the rules.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The form that saves the rules or, for those who may not change them, the same fields disabled
 * with the current rules, in no form that posts.
 */
export function RulesForm({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  if (readOnly) {
    return (
      <div>
        <fieldset disabled className="stack read-only">
          {children}
        </fieldset>
      </div>
    )
  }
  return (
    <Form method="post" className="stack" aria-label={t('scheduleRules.title')}>
      {children}
    </Form>
  )
}
