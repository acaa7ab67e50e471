// A channel's settings: goals, limits, staffing model and efficiency, planned TMA and opening hours.
import { Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatAhtProfile } from '../../domain/planned-aht.ts'
import type { ChannelSettings } from '../../services/operation.server.ts'
import { useFormResult } from '../../utils/form.ts'
import { Field } from '../field.tsx'
import { WeekHoursFields } from '../week-hours-fields.tsx'
import { FormStatus } from './form-status.tsx'
import { PlannedAhtProfileField } from './planned-aht-profile-field.tsx'
import { SettingsForm } from './settings-form.tsx'

const percent = (share: number | null) => (share === null ? '' : String(Math.round(share * 10_000) / 100))

export function ChannelForm({ channel }: { channel: ChannelSettings }) {
  const { t } = useTranslation()
  const formId = `channel-${channel.id}`
  const { errors, values, value: typed } = useFormResult(formId)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('channelId') === String(channel.id)
  const value = (name: string, stored: string | number | null) => (values ? typed(name, '') : stored)
  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        {channel.name}{' '}
        <span className="note">
          ({t('settings.key')}: <code>{channel.key}</code>)
        </span>
      </h2>
      <FormStatus form={formId} />
      <SettingsForm id={formId} hidden={{ intent: 'channel', channelId: channel.id }} busy={busy} key={values ? 'refused' : 'stored'}>
        <Field formId={formId} name="name" label={t('settings.name')} defaultValue={value('name', channel.name)} error={errors.name} />
        <label htmlFor={`${formId}-kind`}>
          {t('settings.kind')}
          <select id={`${formId}-kind`} name="kind" defaultValue={value('kind', channel.kind) ?? 'realtime'}>
            <option value="realtime">{t('settings.kindRealtime')}</option>
            <option value="deferred">{t('settings.kindDeferred')}</option>
          </select>
          {errors.kind && <span className="field-error">{t(errors.kind)}</span>}
        </label>
        <Field
          formId={formId}
          name="concurrency"
          label={t('settings.concurrency')}
          inputMode="numeric"
          defaultValue={value('concurrency', channel.concurrency)}
          error={errors.concurrency}
        />
        <Field
          formId={formId}
          name="slGoalPct"
          label={t('settings.slGoal')}
          inputMode="decimal"
          defaultValue={value('slGoalPct', percent(channel.slGoal))}
          error={errors.slGoalPct}
        />
        <Field
          formId={formId}
          name="slThresholdSec"
          label={t('settings.slThreshold')}
          inputMode="numeric"
          defaultValue={value('slThresholdSec', channel.slThresholdSec)}
          error={errors.slThresholdSec}
        />
        <Field
          formId={formId}
          name="asaGoalSec"
          label={t('settings.asaGoal')}
          optional
          inputMode="numeric"
          defaultValue={value('asaGoalSec', channel.asaGoalSec)}
          error={errors.asaGoalSec}
        />
        <Field
          formId={formId}
          name="maxOccupancyPct"
          label={t('settings.maxOccupancy')}
          optional
          inputMode="decimal"
          defaultValue={value('maxOccupancyPct', percent(channel.maxOccupancy))}
          error={errors.maxOccupancyPct}
        />
        <Field
          formId={formId}
          name="shrinkagePct"
          label={t('settings.shrinkage')}
          inputMode="decimal"
          defaultValue={value('shrinkagePct', percent(channel.shrinkage))}
          error={errors.shrinkagePct}
        />
        <Field
          formId={formId}
          name="patienceSec"
          label={t('settings.patience')}
          optional
          inputMode="numeric"
          defaultValue={value('patienceSec', channel.patienceSec)}
          error={errors.patienceSec}
        />
        <Field
          formId={formId}
          name="efficiencyPct"
          label={t('settings.efficiency')}
          optional
          inputMode="decimal"
          defaultValue={value('efficiencyPct', percent(channel.efficiency))}
          error={errors.efficiencyPct}
          help={
            <>
              {t('settings.efficiencyHelp')} {t('settings.efficiencyCalibration')} <Link to="/review/model-check">{t('settings.modelCheckLink')}</Link>
            </>
          }
        />
        <Field
          formId={formId}
          name="responseGoalHours"
          label={t('settings.responseGoal')}
          optional={channel.kind !== 'deferred'}
          inputMode="decimal"
          defaultValue={value('responseGoalHours', channel.responseGoalSec === null ? null : channel.responseGoalSec / 3600)}
          error={errors.responseGoalHours}
        />
        <label htmlFor={`${formId}-staffingModel`}>
          {t('settings.staffingModel')}
          <select
            id={`${formId}-staffingModel`}
            name="staffingModel"
            defaultValue={value('staffingModel', channel.staffingModel) ?? 'erlangC'}
          >
            <option value="erlangC">{t('calculator.modelC')}</option>
            <option value="erlangA">{t('calculator.modelA')}</option>
          </select>
        </label>
        <Field
          formId={formId}
          name="plannedAhtSec"
          label={t('settings.plannedAht')}
          optional
          inputMode="decimal"
          defaultValue={value('plannedAhtSec', channel.plannedAht.ahtSec)}
          error={errors.plannedAhtSec}
        />
        <PlannedAhtProfileField
          formId={formId}
          defaultValue={values ? typed('plannedAhtProfile', '') : formatAhtProfile(channel.plannedAht.profile)}
          error={errors.plannedAhtProfile}
        />
        <WeekHoursFields
          hours={channel.openingHours}
          values={values}
          error={Object.keys(errors).some((k) => /^open\d$/.test(k)) ? 'errors.openingHours' : undefined}
          legend={t('settings.openingHours')}
          help={t('settings.openingHoursHelp')}
          fromLabel={t('settings.opens')}
          toLabel={t('settings.closes')}
        />
      </SettingsForm>
    </section>
  )
}
