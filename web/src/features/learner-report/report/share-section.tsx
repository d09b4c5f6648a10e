import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi } from '../../../app/form-errors.ts';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { SuccessMessage } from '../../../components/status.tsx';
import { lk, reportsBase, useMyReports, usePeopleDirectory, useSharedWithMe } from './queries.ts';
import type { LearnerReportShare } from './types.ts';
import { z } from 'zod';
import { learnerReportShareSchema } from '../../../../../src/domain/learner-report/report/schema.ts';
import { SubmitRow } from '../../../components/field.tsx';
import { RowButton } from '../../../components/row-actions.tsx';

interface Candidate {
  id: string;
  name: string;
  detail: string;
}

/**
 * Sharing one report with a named colleague or team lead, and withdrawing it (access ends at
 * once). The picker lists the people the user may see; a teacher without access to the
 * network's people list can pick from colleagues they already share with or who share with them.
 */
export function ShareSection({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const { networkId, me } = useNetwork();
  const queryClient = useQueryClient();
  const mine = useMyReports();
  const people = usePeopleDirectory();
  const shared = useSharedWithMe();
  const [personId, setPersonId] = useState('');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const selectId = useId();
  const filterId = useId();
  const errorId = useId();
  const shares = mine.data?.find((r) => r.id === reportId)?.shares ?? [];
  const directoryClosed = people.error instanceof ApiError && (people.error.status === 403 || people.error.status === 404);

  const candidates = useMemo<Candidate[]>(() => {
    const out = new Map<string, Candidate>();
    for (const p of people.data ?? []) {
      if (p.id === me.id) continue;
      const roles = [...new Set(p.roles.map((r) => `${t(`role.${r.role}`)}${r.institutionName ? ` (${r.institutionName})` : ''}`))].join(', ');
      out.set(p.id, { id: p.id, name: p.name, detail: roles });
    }
    for (const r of mine.data ?? []) for (const s of r.shares) if (!out.has(s.personId)) out.set(s.personId, { id: s.personId, name: s.personName, detail: t('learnerReport.share.knownFromShares') });
    for (const s of shared.data ?? []) if (!out.has(s.authorId)) out.set(s.authorId, { id: s.authorId, name: s.authorName, detail: t('learnerReport.share.knownFromShared') });
    const needle = filter.trim().toLowerCase();
    return [...out.values()]
      .filter((c) => !shares.some((s) => s.personId === c.id))
      .filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.detail.toLowerCase().includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [people.data, mine.data, shared.data, shares, filter, me.id, t]);

  const share = useMutation({
    mutationFn: (id: string) => api.post(`${reportsBase(networkId)}/${reportId}/shares`, { personId: id }, z.array(learnerReportShareSchema)),
    onSuccess: (_result, id) => {
      const name = candidates.find((c) => c.id === id)?.name ?? '';
      setNotice(t('learnerReport.share.shared', { name }));
      setPersonId('');
      void queryClient.invalidateQueries({ queryKey: lk(networkId) });
    },
    onError: (e) => setError(fieldErrorsFromApi(e, t).personId ?? ''),
  });
  const withdraw = useConfirmAction(
    (s: LearnerReportShare) => api.delete(`/networks/${networkId}/learner-report-shares/${s.id}`),
    (s) => {
      setNotice(t('learnerReport.share.withdrawn', { name: s.personName }));
      void queryClient.invalidateQueries({ queryKey: lk(networkId) });
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    if (!personId) return setError(t('learnerReport.share.pickSomeone'));
    setError('');
    share.mutate(personId);
  }

  return (
    <section className="section" aria-labelledby="share-title">
      <h2 id="share-title">{t('learnerReport.share.title')}</h2>
      <p>{t('learnerReport.share.intro')}</p>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      {shares.length === 0 ? <p className="muted">{t('learnerReport.share.none')}</p> : (
        <ul className="plain-list" aria-label={t('learnerReport.share.listLabel')}>
          {shares.map((s) => (
            <li key={s.id}>
              {t('learnerReport.share.sharedWith', { name: s.personName, date: formatDateTime(s.createdAt, i18n.language) })}{' '}
              <RowButton label={t('learnerReport.share.withdraw')} name={s.personName} danger onClick={() => { setNotice(''); withdraw.ask(s); }} />
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={submit} noValidate>
        {directoryClosed ? <p className="field-hint">{t('learnerReport.share.directoryClosed')}</p> : null}
        {(people.data?.length ?? 0) > 15 ? (
          <div className="field">
            <label htmlFor={filterId}>{t('learnerReport.share.filter')}</label>
            <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={selectId}>{t('learnerReport.share.person')}</label>
          <select id={selectId} value={personId} onChange={(e) => setPersonId(e.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
            <option value="">{candidates.length ? t('learnerReport.share.choose') : t('learnerReport.share.noCandidates')}</option>
            {candidates.map((c) => <option key={c.id} value={c.id}>{c.detail ? `${c.name} — ${c.detail}` : c.name}</option>)}
          </select>
          {error ? <span className="field-error" id={errorId} role="alert">{error}</span> : null}
        </div>
        <SubmitRow busy={share.isPending} label={t('learnerReport.share.submit')} />
      </form>
      <ConfirmDialog
        {...withdraw.dialog}
        title={t('learnerReport.share.withdrawTitle')}
        message={t('learnerReport.share.withdrawText', { name: withdraw.target?.personName ?? '' })}
        confirmLabel={t('learnerReport.share.withdraw')}
      />
    </section>
  );
}
