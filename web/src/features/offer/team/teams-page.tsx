import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { teamProposalSchema, teamSchema, type Team } from '../../../../../src/domain/offer/team/schema.ts';
import { ok } from '../queries.ts';
import { TextArea } from '../text-area.tsx';

/** /ontwikkelteams — the network's teacher design teams, and starting one. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: ok(networkId, 'teams'), queryFn: () => api.get(`/networks/${networkId}/design-teams`, z.array(teamSchema)) });
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const start = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/design-teams`, { name, goal }, teamSchema),
    onSuccess: () => { setName(''); setGoal(''); void queryClient.invalidateQueries({ queryKey: ok(networkId, 'teams') }); },
  });
  const canStart = caps.roles.some((r) => r !== 'professional');
  return (
    <>
      <PageHeading title={t('offer.team.title')} />
      <p className="lead">{t('offer.team.intro')}</p>
      <QueryView query={teams} emptyTitle={t('offer.team.empty')} emptyHelp={canStart ? t('offer.team.emptyHelp') : t('offer.team.emptyHelpOther')}>
        {(list) => (
          <ul className="plain-list">
            {list.map((team) => (
              <li key={team.id} className="card">
                <h2><Link to={`/ontwikkelteams/${team.id}`}>{team.name}</Link></h2>
                <p className="muted">{team.members.map((m) => m.name).join(', ')}</p>
                {team.goal ? <p>{team.goal}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {canStart ? (
        <section aria-labelledby="start-title" className="section">
          <h2 id="start-title">{t('offer.team.start')}</h2>
          <form className="form" onSubmit={(e: FormEvent) => { e.preventDefault(); start.mutate(); }}>
            <TextField label={t('offer.team.name')} value={name} onChange={(e) => setName(e.target.value)} required />
            <TextArea label={t('offer.team.goal')} value={goal} onChange={(e) => setGoal(e.target.value)} />
            <ErrorMessage error={start.error} />
            <SubmitRow label={t('offer.team.start')} busy={start.isPending} />
          </form>
        </section>
      ) : null}
    </>
  );
}

function MeetingLog({ team, meetingId, log }: { team: Team; meetingId: string; log: string }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [text, setText] = useState(log);
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/design-team-meetings/${meetingId}/log`, { log: text }, teamSchema),
    onSuccess: (t2) => queryClient.setQueryData(ok(networkId, 'team', team.id), t2),
  });
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <TextArea label={t('offer.team.log')} value={text} onChange={(e) => setText(e.target.value)} />
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('offer.sandwich.saved')}</SuccessMessage> : null}
      <div className="button-row"><button type="submit" disabled={save.isPending}>{t('offer.sandwich.save')}</button></div>
    </form>
  );
}

/** /ontwikkelteams/:teamId — members, proposed meeting times free for all, meetings with their log, products. */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const { teamId = '' } = useParams();
  const queryClient = useQueryClient();
  const team = useQuery({ queryKey: ok(networkId, 'team', teamId), queryFn: () => api.get(`/networks/${networkId}/design-teams/${teamId}`, teamSchema) });
  const [from, setFrom] = useState(() => new Date().toISOString().slice(0, 10));
  const proposals = useMutation({ mutationFn: () => api.get(`/networks/${networkId}/design-teams/${teamId}/proposals?from=${from}&days=10&minutes=90`, teamProposalSchema) });
  const set = (t2: Team) => queryClient.setQueryData(ok(networkId, 'team', teamId), t2);
  const plan = useMutation({ mutationFn: (slot: { startAt: string; endAt: string }) => api.post(`/networks/${networkId}/design-teams/${teamId}/meetings`, slot, teamSchema), onSuccess: set });
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const product = useMutation({ mutationFn: () => api.post(`/networks/${networkId}/design-teams/${teamId}/products`, { title, url }, teamSchema), onSuccess: (t2) => { set(t2); setTitle(''); setUrl(''); } });
  if (team.isPending) return <Loading />;
  if (team.isError) return <><ErrorMessage error={team.error} /><p><Link to="/ontwikkelteams">{t('offer.team.back')}</Link></p></>;
  const d = team.data;
  return (
    <>
      <PageHeading title={d.name} />
      {d.goal ? <p className="lead">{d.goal}</p> : null}
      <h2>{t('offer.team.members')}</h2>
      <ul className="plain-list">{d.members.map((m) => <li key={m.personId}>{m.name} <span className="muted">({m.institutionName ?? '—'})</span></li>)}</ul>
      <h2>{t('offer.team.meetings')}</h2>
      {d.meetings.length === 0 ? <EmptyState title={t('offer.team.noMeetings')} /> : (
        <ul className="plain-list">{d.meetings.map((m) => (
          <li key={m.id} className="card">
            <p><strong>{formatDateTime(m.startAt, i18n.language)}</strong>{m.locationName ? ` · ${m.locationName}` : ''}</p>
            {d.isMember ? <MeetingLog team={d} meetingId={m.id} log={m.log} /> : <p>{m.log || t('offer.sandwich.empty')}</p>}
          </li>
        ))}</ul>
      )}
      {d.isMember ? (
        <section aria-labelledby="plan-title" className="section">
          <h3 id="plan-title">{t('offer.team.plan')}</h3>
          <form className="form" onSubmit={(e) => { e.preventDefault(); proposals.mutate(); }}>
            <TextField label={t('offer.team.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            <SubmitRow label={t('offer.team.propose')} busy={proposals.isPending} />
          </form>
          <ErrorMessage error={proposals.error ?? plan.error} />
          {proposals.data ? (
            proposals.data.slots.length === 0 ? <p>{t('offer.team.noSlots')}</p> : (
              <ul className="plain-list">{proposals.data.slots.map((s) => (
                <li key={s.startAt}>{formatDateTime(s.startAt, i18n.language)}{' '}
                  <button type="button" className="button-small" onClick={() => plan.mutate(s)} disabled={plan.isPending}>{t('offer.team.choose')}</button></li>
              ))}</ul>
            )
          ) : null}
          {proposals.data && proposals.data.withoutTimetable.length > 0 ? <p className="muted">{t('offer.team.withoutTimetable', { names: proposals.data.withoutTimetable.join(', ') })}</p> : null}
        </section>
      ) : null}
      <h2>{t('offer.team.products')}</h2>
      {d.products.length === 0 ? <p className="muted">{t('offer.team.noProducts')}</p> : (
        <ul className="plain-list">{d.products.map((p) => <li key={p.id}><a href={p.url} rel="noopener noreferrer">{p.title}</a></li>)}</ul>
      )}
      {d.isMember ? (
        <form className="form" onSubmit={(e) => { e.preventDefault(); product.mutate(); }}>
          <TextField label={t('offer.team.productTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField label={t('offer.team.productUrl')} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          <ErrorMessage error={product.error} />
          <SubmitRow label={t('offer.team.addProduct')} busy={product.isPending} />
        </form>
      ) : null}
      <p><Link to="/ontwikkelteams">{t('offer.team.back')}</Link></p>
    </>
  );
}
