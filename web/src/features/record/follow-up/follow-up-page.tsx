import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { useSchemaForm } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { followUpAnswerResultSchema, followUpAnswerSchema, followUpEffectSchema, type FollowUpAnswer } from '../../../../../src/domain/record/follow-up/schema.ts';
import { formatDay, rk, useFollowUps } from '../queries.ts';

/** /dossier/doorwerking/:id — the lasting-effect question (the e-mail and the notification link here). */
export function FollowUpPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const followUps = useFollowUps();
  const [impact, setImpact] = useState('');
  const [effect, setEffect] = useState<FollowUpAnswer['effect'] | ''>('');
  const [reportId, setReportId] = useState('');
  const { errors, save, submit } = useSchemaForm(followUpAnswerSchema,
    (input: FollowUpAnswer) => api.post(`/networks/${networkId}/record/follow-ups/${id}/answer`, input, followUpAnswerResultSchema),
    (result) => { setReportId(result.learnerReportId); void queryClient.invalidateQueries({ queryKey: rk(networkId) }); });
  if (followUps.isPending) return <Loading />;
  const item = followUps.data?.find((f) => f.id === id);
  if (!item) {
    return (
      <>
        <PageHeading title={t('record.followUp.notFound')} />
        <ErrorMessage error={followUps.error} />
        <p>{t('record.followUp.notFoundHelp')}</p>
        <p><Link to="/dossier">{t('record.followUp.toRecord')}</Link></p>
      </>
    );
  }
  return (
    <div className="main-narrow">
      <p><Link to="/dossier">{t('record.followUp.toRecord')}</Link></p>
      <PageHeading title={t('record.followUp.title')} />
      <p className="lead">{t('record.followUp.intro', { title: item.title, date: formatDay(item.activityDate, i18n.language) })}</p>
      {reportId || item.answeredAt ? (
        <div className="status status-success" role="status">
          <p>{reportId ? t('record.followUp.thanks') : t('record.followUp.already')}</p>
          {reportId ? <p><Link to={`/leerrapporten/${reportId}`}>{t('record.followUp.toReport')}</Link></p> : <p><Link to="/leerrapporten">{t('record.followUp.toReports')}</Link></p>}
        </div>
      ) : (
        <form className="form" noValidate onSubmit={(event) => submit(event, { impact, effect })}>
          <div className="field">
            <label htmlFor="follow-up-impact">{t('record.followUp.question')}</label>
            <span className="field-hint" id="follow-up-impact-hint">{t('record.followUp.questionHint')}</span>
            <textarea id="follow-up-impact" rows={6} value={impact} onChange={(e) => setImpact(e.target.value)} maxLength={4000}
              aria-invalid={errors.impact ? true : undefined} aria-describedby={errors.impact ? 'follow-up-impact-hint follow-up-impact-error' : 'follow-up-impact-hint'} />
            {errors.impact ? <span className="field-error" id="follow-up-impact-error" role="alert">{errors.impact}</span> : null}
          </div>
          <fieldset aria-describedby={errors.effect ? 'follow-up-effect-error' : undefined}>
            <legend>{t('record.followUp.effect')}</legend>
            <div className="radio-group">
              {followUpEffectSchema.options.map((o) => (
                <label key={o} className="radio"><input type="radio" name="effect" value={o} checked={effect === o} onChange={() => setEffect(o)} /> {t(`record.followUp.effects.${o}`)}</label>
              ))}
            </div>
            {errors.effect ? <span className="field-error" id="follow-up-effect-error" role="alert">{t('record.followUp.effectRequired')}</span> : null}
          </fieldset>
          <p className="field-hint">{t('record.followUp.privacy')}</p>
          <ErrorMessage error={Object.keys(errors).length ? null : save.error} />
          <SubmitRow label={t('record.followUp.send')} busy={save.isPending} />
        </form>
      )}
    </div>
  );
}
