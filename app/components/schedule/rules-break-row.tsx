// A break of a shift type, one row of the rules form's breaks table.
import { useTranslation } from 'react-i18next'
import { FieldError } from '../field.tsx'
import type { Values } from './rules-rows.ts'

export function BreakRow({
  field,
  values,
  errors,
  blank,
  readOnly,
}: {
  field: string
  values: Values
  errors: Values
  blank: boolean
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const rowName = values[`${field}.name`] || t('scheduleRules.newBreak')
  const input = (name: string, label: string, size: number) => (
    <td>
      <input
        name={`${field}.${name}`}
        defaultValue={values[`${field}.${name}`] ?? ''}
        aria-label={`${rowName}: ${label}`}
        aria-invalid={errors[`${field}.${name}`] ? true : undefined}
        inputMode={name === 'name' ? undefined : 'numeric'}
        placeholder={blank && name === 'name' ? t('scheduleRules.newBreak') : undefined}
        size={size}
      />
      <FieldError error={errors[`${field}.${name}`]} />
    </td>
  )
  return (
    <tr>
      {input('name', t('scheduleRules.breakName'), 14)}
      {input('length', t('scheduleRules.breakLength'), 4)}
      {input('earliest', t('scheduleRules.earliest'), 4)}
      {input('latest', t('scheduleRules.latest'), 4)}
      <td>
        <input
          type="checkbox"
          name={`${field}.paid`}
          defaultChecked={!!values[`${field}.paid`]}
          aria-label={`${rowName}: ${t('scheduleRules.paid')}`}
        />
      </td>
      {!readOnly && (
        <td>
          {!blank && (
            <input
              type="checkbox"
              name={`${field}.remove`}
              defaultChecked={!!values[`${field}.remove`]}
              aria-label={`${rowName}: ${t('scheduleRules.remove')}`}
            />
          )}
        </td>
      )}
    </tr>
  )
}
