import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { useSchemaForm } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, Loading, QueryView } from '../../../components/status.tsx';
import { recordSettingsSchema, type RecordSettings } from '../../../../../src/domain/record/entry/schema.ts';
import { effectFigureSchema } from '../../../../../src/domain/record/follow-up/schema.ts';
import { rk } from '../queries.ts';

/** When Kruispunt asks the lasting-effect question: the network's number of days after an activity. */
function FollowUpDaysForm({ settings }: { settings: RecordSettings }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [days, setDays] = useState(String(settings.followUpDays));
  const [saved, setSaved] = useState(false);
  const { errors, save, submit } = useSchemaForm(recordSettingsSchema, (input: RecordSettings) => api.patch(`/networks/${networkId}/record/settings`, input, recordSettingsSchema), () => {
    setSaved(true);
    void queryClient.invalidateQueries({ queryKey: rk(networkId, 'settings') });
  });
  return (
    <section className="section" aria-labelledby="effects-settings-title">
      <h2 id="effects-settings-title">{t('record.effects.settingsTitle')}</h2>
      <form className="form" noValidate onSubmit={(event) => {
        setSaved(false);
        submit(event, { followUpDays: days.trim() === '' ? Number.NaN : Number(days) });
      }}>
        <TextField label={t('record.effects.days')} inputMode="numeric" value={days} onChange={(e) => { setDays(e.target.value); setSaved(false); }}
          error={errors.followUpDays} hint={t('record.effects.daysHint', { min: 14, max: 365 })} required />
        <ErrorMessage error={Object.keys(errors).length ? null : save.error} />
        <SubmitRow label={t('record.effects.save')} busy={save.isPending} />
        {saved ? <p className="status status-success" role="status">{t('record.effects.saved', { count: Number(days) })}</p> : null}
      </form>
    </section>
  );
}

/**
 * /dossier/doorwerking — for coordinators: when the lasting-effect question is asked, and what
 * changed per practice item (edition, offer, leerlab …), counted without names.
 */
export function EffectsPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const settings = useQuery({ queryKey: rk(networkId, 'settings'), queryFn: () => api.get(`/networks/${networkId}/record/settings`, recordSettingsSchema), enabled: Boolean(networkId) });
  const figures = useQuery({ queryKey: rk(networkId, 'effects'), queryFn: () => api.get(`/networks/${networkId}/record/effects`, z.array(effectFigureSchema)), enabled: Boolean(networkId) });
  return (
    <>
      <PageHeading title={t('record.effects.title')} />
      <p className="lead">{t('record.effects.intro')}</p>
      {settings.isPending ? <Loading /> : settings.data ? <FollowUpDaysForm settings={settings.data} /> : <ErrorMessage error={settings.error} />}
      <section className="section" aria-labelledby="effects-figures-title">
        <h2 id="effects-figures-title">{t('record.effects.figuresTitle')}</h2>
        <QueryView query={figures} emptyTitle={t('record.effects.empty')} emptyHelp={t('record.effects.emptyHelp')}>
          {(rows) => (
            <div className="table-wrap">
              <table>
                <caption>{t('record.effects.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('record.effects.activity')}</th>
                    <th scope="col">{t('record.effects.practice')}</th>
                    <th scope="col" className="num">{t('record.effects.asked')}</th>
                    <th scope="col" className="num">{t('record.effects.answered')}</th>
                    <th scope="col" className="num">{t('record.effects.changed')}</th>
                    <th scope="col" className="num">{t('record.effects.partly')}</th>
                    <th scope="col" className="num">{t('record.effects.unchanged')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.source}/${r.sourceId}`}>
                      <th scope="row">{r.title || t('record.effects.untitled')}</th>
                      <td>{t(`record.source.${r.source}`, { defaultValue: t('record.source.other') })}</td>
                      <td className="num">{r.asked}</td>
                      <td className="num">{r.answered}</td>
                      {r.changed === null ? (
                        <td colSpan={3}>{t('record.effects.tooFew', { count: r.answered })}</td>
                      ) : (
                        <>
                          <td className="num">{r.changed}</td>
                          <td className="num">{r.partly}</td>
                          <td className="num">{r.unchanged}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </section>
      <p><Link to="/">{t('record.effects.back')}</Link></p>
    </>
  );
}
