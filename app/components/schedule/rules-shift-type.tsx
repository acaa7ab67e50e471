// A shift type of the rules form: its name, length and breaks.
import { useTranslation } from 'react-i18next'
import { breakRows } from '../../schemas/schedule-rules-form.ts'
import { Field } from '../field.tsx'
import { BreakRow } from './rules-break-row.tsx'
import { rowsWithBlank, type Values } from './rules-rows.ts'

export function ShiftType({
  s,
  values,
  errors,
  blank,
  readOnly,
}: {
  s: number
  values: Values
  errors: Values
  blank: boolean
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const breaks = rowsWithBlank(breakRows(values, s), values, (b) => `shift${s}.break${b}`, !readOnly)
  return (
    <fieldset className="shift-type">
      <legend>{blank ? t('scheduleRules.newShiftType') : values[`shift${s}.name`]}</legend>
      <div className="form-row shift-head">
        <Field
          formId="rules"
          name={`shift${s}.name`}
          label={t('scheduleRules.shiftName')}
          defaultValue={values[`shift${s}.name`]}
          error={errors[`shift${s}.name`]}
        />
        <Field
          formId="rules"
          name={`shift${s}.length`}
          label={t('scheduleRules.shiftLength')}
          defaultValue={values[`shift${s}.length`]}
          error={errors[`shift${s}.length`]}
        />
        {!blank && !readOnly && (
          <label className="check">
            <input type="checkbox" name={`shift${s}.remove`} defaultChecked={!!values[`shift${s}.remove`]} />{' '}
            {t('scheduleRules.removeShiftType')}
          </label>
        )}
      </div>
      <div className="scroll">
        <table className="data breaks">
          <caption className="visually-hidden">{t('scheduleRules.breaks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scheduleRules.breakName')}</th>
              <th scope="col">{t('scheduleRules.breakLength')}</th>
              <th scope="col">{t('scheduleRules.earliest')}</th>
              <th scope="col">{t('scheduleRules.latest')}</th>
              <th scope="col">{t('scheduleRules.paid')}</th>
              {!readOnly && <th scope="col">{t('scheduleRules.remove')}</th>}
            </tr>
          </thead>
          <tbody>
            {breaks.map(({ n, blank: newRow }) => (
              <BreakRow key={n} field={`shift${s}.break${n}`} values={values} errors={errors} blank={newRow} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  )
}
