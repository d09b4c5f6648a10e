import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { ErrorMessage, SuccessMessage } from '../../../components/status.tsx';
import { recordViewSchema, type RecordEntry, type RecordView } from '../../../../../src/domain/record/entry/schema.ts';
import { credentialIssueResultSchema } from '../../../../../src/domain/record/credential/schema.ts';
import { formatDay, formatHours, rk } from '../queries.ts';
import { ActivityDialog } from './activity-dialog.tsx';
import { EvidenceFiles } from './evidence-files.tsx';

/** Today in the Netherlands: an activity after it is not completed yet (no certificate or badge). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const entryPath = (networkId: string, e: RecordEntry) => `/networks/${networkId}/record/entries/${e.source}/${encodeURIComponent(e.sourceId)}`;

/** The teacher's own actions on one activity: what the team lead sees, certificate, badge, edit, delete. */
function OwnerActions({ entry, onEdit, onDelete, onMessage }: { entry: RecordEntry; onEdit: () => void; onDelete: () => void; onMessage: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: rk(networkId) });
  const visible = useMutation({
    mutationFn: (on: boolean) => api.patch(entryPath(networkId, entry), { visibleToLead: on }, recordViewSchema),
    onSuccess: (view) => { queryClient.setQueryData(rk(networkId, 'view', 'me'), view); onMessage(t('record.entry.visibilitySaved')); },
  });
  const issue = useMutation({
    mutationFn: () => api.post(`${entryPath(networkId, entry)}/credential`, {}, credentialIssueResultSchema),
    onSuccess: () => { void refresh(); onMessage(t('record.badge.issued', { title: entry.title })); },
  });
  const revoke = useConfirmAction((id: string) => api.post(`/networks/${networkId}/record/credentials/${id}/revoke`, {}), () => { void refresh(); onMessage(t('record.badge.revokedDone')); });
  const completed = entry.date.slice(0, 10) <= today();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={entry.visibleToLead} disabled={visible.isPending} onChange={(e) => visible.mutate(e.target.checked)} />
        {t('record.entry.visibleToLead')}
      </label>
      <ErrorMessage error={visible.error ?? issue.error} />
      <div className="button-row" style={{ marginTop: '0.5rem' }}>
        {completed ? (
          <a className="button-link button-secondary button-small" href={`/api${entryPath(networkId, entry)}/certificate.pdf?locale=${locale}`} download>
            {t('record.entry.certificate')}<span className="sr-only">: {entry.title}</span>
          </a>
        ) : <span className="field-hint">{t('record.entry.notCompleted')}</span>}
        {completed && (!entry.credential || entry.credential.revoked) ? (
          <button type="button" className="button-secondary button-small" disabled={issue.isPending} onClick={() => issue.mutate()}>
            {issue.isPending ? t('common.busy') : entry.credential ? t('record.badge.issueAgain') : t('record.badge.issue')}<span className="sr-only">: {entry.title}</span>
          </button>
        ) : null}
        {entry.credential && !entry.credential.revoked ? (
          <>
            <a className="button-link button-secondary button-small" href={`/api/networks/${networkId}/record/credentials/${entry.credential.id}`} download={`badge-${entry.sourceId}.json`}>
              {t('record.badge.download')}<span className="sr-only">: {entry.title}</span>
            </a>
            <button type="button" className="button-danger-outline button-small" onClick={() => revoke.ask(entry.credential!.id)}>
              {t('record.badge.revoke')}<span className="sr-only">: {entry.title}</span>
            </button>
          </>
        ) : null}
        {entry.manual ? (
          <>
            <button type="button" className="button-secondary button-small" onClick={onEdit}>{t('record.entry.edit')}<span className="sr-only">: {entry.title}</span></button>
            <button type="button" className="button-danger-outline button-small" onClick={onDelete}>{t('record.entry.delete')}<span className="sr-only">: {entry.title}</span></button>
          </>
        ) : null}
      </div>
      <ConfirmDialog {...revoke.dialog} title={t('record.badge.revokeTitle')} message={t('record.badge.revokeMessage', { title: entry.title })} confirmLabel={t('record.badge.revoke')} />
    </>
  );
}

/** The activities of a record, newest first; the owner gets the actions, a team lead only the facts. */
export function EntryList({ view }: { view: RecordView }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<RecordEntry | null | undefined>(undefined);
  const owner = view.access === 'owner';
  const remove = useConfirmAction(
    (e: RecordEntry) => api.delete(`/networks/${networkId}/record/activities/${e.sourceId}`, recordViewSchema),
    (e) => { void queryClient.invalidateQueries({ queryKey: rk(networkId) }); setMessage(t('record.entry.deleted', { title: e.title })); },
  );
  const entries = [...view.entries].sort((a, b) => b.date.localeCompare(a.date));
  const h = (n: number) => formatHours(n, i18n.language);
  return (
    <section aria-labelledby="record-entries-title" className="section">
      <div className="section-heading">
        <h2 id="record-entries-title">{t('record.entry.title')}</h2>
        {owner ? <button type="button" onClick={() => setEditing(null)}>{t('record.entry.add')}</button> : null}
      </div>
      {owner ? <p className="muted">{t('record.entry.help')}</p> : <p className="muted">{t('record.lead.entriesHelp')}</p>}
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {entries.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{owner ? t('record.entry.empty') : t('record.lead.empty')}</p>
          {owner ? <p>{t('record.entry.emptyHelp')}</p> : null}
        </div>
      ) : (
        <ul className="plain-list" style={{ display: 'grid', gap: '0.75rem' }}>
          {entries.map((e) => (
            <li key={`${e.source}:${e.sourceId}`} className="card">
              <h3>{e.link ? <Link to={e.link}>{e.title}</Link> : e.title}</h3>
              <p className="muted">
                {formatDay(e.date, i18n.language)} · {t('record.entry.schoolYear', { year: e.schoolYear })} · {t(`record.source.${e.source}`, { defaultValue: t('record.source.other') })}
                {e.credential ? <> · <span className={`badge ${e.credential.revoked ? 'badge-revoked' : 'badge-accepted'}`}>{e.credential.revoked ? t('record.badge.revoked') : t('record.badge.has')}</span></> : null}
                {owner && e.visibleToLead ? <> · <span className="badge badge-planned">{t('record.entry.shown')}</span></> : null}
              </p>
              <dl className="facts">
                <div><dt>{t('record.totals.hours')}</dt><dd>{h(e.hours)}</dd></div>
                <div><dt>{t('record.totals.contact')}</dt><dd>{h(e.contactHours)}</dd></div>
                <div><dt>{t('record.totals.selfStudy')}</dt><dd>{h(e.selfStudyHours)}</dd></div>
                <div><dt>{t('record.entry.kind')}</dt><dd>{e.primaryProcess ? t('record.entry.primary') : t('record.entry.other')}{e.subjectSpecific ? `, ${t('record.entry.subject')}` : ''}</dd></div>
              </dl>
              {owner && (e.evidenceUrl || e.evidenceNote) ? (
                <p className="break">
                  <strong>{t('record.entry.evidence')}:</strong>{' '}
                  {e.evidenceUrl ? <a href={e.evidenceUrl} rel="noopener noreferrer" target="_blank">{e.evidenceUrl}</a> : null}
                  {e.evidenceUrl && e.evidenceNote ? ' — ' : null}{e.evidenceNote}
                </p>
              ) : null}
              <EvidenceFiles entry={e} owner={owner} />
              {owner && e.learnerReports.length > 0 ? (
                <p>
                  {t('record.entry.reflectedIn')}{' '}
                  {e.learnerReports.map((r, i) => (
                    <span key={r.id}>{i > 0 ? ', ' : ''}<Link to={`/leerrapporten/${r.id}`}>{t('record.entry.report', { from: formatDay(r.periodStart, i18n.language), to: formatDay(r.periodEnd, i18n.language) })}</Link></span>
                  ))}
                </p>
              ) : null}
              {owner ? <OwnerActions entry={e} onEdit={() => setEditing(e)} onDelete={() => remove.ask(e)} onMessage={setMessage} /> : null}
            </li>
          ))}
        </ul>
      )}
      {owner && editing !== undefined ? (
        <ActivityDialog key={editing?.sourceId ?? 'new'} open entry={editing} onClose={() => setEditing(undefined)} onSaved={setMessage} />
      ) : null}
      <ConfirmDialog {...remove.dialog} title={t('record.entry.deleteTitle')} message={t('record.entry.deleteMessage', { title: remove.target?.title ?? '' })} confirmLabel={t('record.entry.delete')} />
    </section>
  );
}
