import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField } from '../../../components/field.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { roundSchema, type Comparison, type Round } from '../../../../../src/domain/placement/round/schema.ts';
import { pk, useComparison, useRound } from '../queries.ts';

function useRoundMutation(round: Round, method: 'put' | 'post', path: string) {
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api[method](`/networks/${networkId}/placement-rounds/${round.id}${path}`, body, roundSchema),
    onSuccess: (data) => { queryClient.setQueryData(pk(networkId, 'round', round.id), data); void queryClient.invalidateQueries({ queryKey: pk(networkId, 'comparison', round.id) }); },
  });
}

function Ranking({ round }: { round: Round }) {
  const { t } = useTranslation();
  const [ranks, setRanks] = useState<string[]>(() => Array.from({ length: round.maxRanks }, (_, i) => round.myRanking[i] ?? ''));
  const save = useRoundMutation(round, 'put', '/ranking');
  return (
    <section className="section" aria-labelledby="rank-title">
      <h2 id="rank-title">{t('placement.ranking.title')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ offerIds: ranks.filter(Boolean) }); }}>
        {ranks.map((value, i) => (
          <SelectField key={i} label={t('placement.ranking.choice', { n: i + 1 })} value={value} onChange={(e) => setRanks(ranks.map((r, j) => (j === i ? e.target.value : r)))}>
            <option value="">{t('placement.ranking.none')}</option>
            {round.offerList.map((o) => <option key={o.id} value={o.id}>{o.title} ({o.hostName})</option>)}
          </SelectField>
        ))}
        <ErrorMessage error={save.error} />
        {save.isSuccess ? <p className="status status-success" role="status">{t('placement.ranking.saved')}</p> : null}
        <div className="button-row"><button type="submit" disabled={save.isPending}>{t('placement.ranking.save')}</button></div>
      </form>
    </section>
  );
}

function Applicants({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: (v: { offerId: string; teacherId: string; decision: 'accept' | 'decline' }) => api.put(`/networks/${networkId}/placement-rounds/${round.id}/offers/${v.offerId}/response`, { teacherId: v.teacherId, decision: v.decision, rank: null }, roundSchema),
    onSuccess: (data) => queryClient.setQueryData(pk(networkId, 'round', round.id), data),
  });
  const hosted = round.offerList.filter((o) => o.canRespond);
  if (hosted.length === 0 || round.status === 'published') return null;
  return (
    <section className="section" aria-labelledby="applicants-title">
      <h2 id="applicants-title">{t('placement.applicants.title')}</h2>
      <ErrorMessage error={respond.error} />
      {hosted.map((o) => (
        <div key={o.id} style={{ overflowX: 'auto' }}>
          <DataTable caption={o.title} columns={[t('placement.applicants.name'), t('placement.rank'), t('placement.applicants.decision'), '']}>
            {round.applicants.filter((a) => a.offerId === o.id).map((a) => (
              <tr key={a.teacherId}>
                <td>{a.name}</td><td>{a.rank}</td><td>{a.decision ? t(`placement.decision.${a.decision}`) : '—'}</td>
                <td><div className="button-row">
                  <button type="button" aria-label={t('placement.applicants.acceptFor', { name: a.name })} onClick={() => respond.mutate({ offerId: o.id, teacherId: a.teacherId, decision: 'accept' })}>{t('placement.decision.accept')}</button>
                  <button type="button" className="secondary" aria-label={t('placement.applicants.declineFor', { name: a.name })} onClick={() => respond.mutate({ offerId: o.id, teacherId: a.teacherId, decision: 'decline' })}>{t('placement.decision.decline')}</button>
                </div></td>
              </tr>
            ))}
          </DataTable>
        </div>
      ))}
    </section>
  );
}

function CompareAndPublish({ round, cmp }: { round: Round; cmp: Comparison }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'stable' | 'welfare'>('stable');
  const publish = useRoundMutation(round, 'post', '/publish');
  return (
    <section className="section" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('placement.compare.title')}</h2>
      <div style={{ overflowX: 'auto' }}>
        <DataTable caption={t('placement.compare.byRank')} columns={['', t('placement.mode.stable'), t('placement.mode.welfare')]}>
          {cmp.stable.byRank.map((n, i) => <tr key={i}><th scope="row">{t('placement.compare.choice', { n: i + 1 })}</th><td>{n}</td><td>{cmp.welfare.byRank[i] ?? 0}</td></tr>)}
          <tr><th scope="row">{t('placement.compare.unplaced')}</th><td>{cmp.stable.unplaced}</td><td>{cmp.welfare.unplaced}</td></tr>
        </DataTable>
      </div>
      {cmp.differences.length ? (
        <div style={{ overflowX: 'auto' }}>
          <DataTable caption={t('placement.compare.differences')} columns={[t('placement.applicants.name'), t('placement.mode.stable'), t('placement.mode.welfare'), t('placement.compare.better')]}>
            {cmp.differences.map((d) => <tr key={d.teacherId}><td>{d.name}</td><td>{d.stableRank ?? '—'}</td><td>{d.welfareRank ?? '—'}</td><td>{t(`placement.mode.${d.betterIn}`)}</td></tr>)}
          </DataTable>
        </div>
      ) : <p className="muted">{t('placement.compare.same')}</p>}
      <form className="form" onSubmit={(e) => { e.preventDefault(); publish.mutate({ mode, adjustments: [] }); }}>
        <SelectField label={t('placement.compare.mode')} value={mode} onChange={(e) => setMode(e.target.value as 'stable' | 'welfare')}>
          <option value="stable">{t('placement.mode.stable')}</option>
          <option value="welfare">{t('placement.mode.welfare')}</option>
        </SelectField>
        <ErrorMessage error={publish.error} />
        <div className="button-row"><button type="submit" disabled={publish.isPending}>{t('placement.compare.publish')}</button></div>
      </form>
    </section>
  );
}

/** /docentstages/:roundId — ranking (teacher), applicants (company), comparison and publishing (coordinator), the result. */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const query = useRound(roundId);
  const open = query.data?.status === 'open';
  const cmp = useComparison(roundId, Boolean(query.data?.canManage && open));
  return (
    <QueryView query={query}>
      {(round) => {
        const titleOf = (id: string | null) => round.offerList.find((o) => o.id === id)?.title ?? '—';
        return (
          <>
            <p><Link to="/docentstages">{t('placement.back')}</Link></p>
            <PageHeading title={round.title} />
            <p><span className="badge">{t(`placement.status.${round.status}`)}</span></p>
            <ul>{round.offerList.map((o) => <li key={o.id}>{o.title} <span className="muted">({o.hostName}, {t('placement.places', { count: o.places })}{o.placesLeft !== null ? `, ${t('placement.left', { count: o.placesLeft })}` : ''})</span></li>)}</ul>
            {round.myResult ? (
              <p className="status status-success" role="status">{round.myResult.waitlist ? t('placement.result.waitlist') : t('placement.result.placed', { offer: titleOf(round.myResult.offerId), rank: round.myResult.rank ?? '—' })}</p>
            ) : null}
            {open && caps.roles.includes('teacher') ? <Ranking round={round} /> : null}
            <Applicants round={round} />
            {round.canManage && open && cmp.data ? <CompareAndPublish round={round} cmp={cmp.data} /> : null}
            {round.canManage && round.status === 'published' ? (
              <div style={{ overflowX: 'auto' }}>
                <DataTable caption={t('placement.result.title')} columns={[t('placement.applicants.name'), t('placement.result.offer'), t('placement.rank')]}>
                  {round.results.map((r) => <tr key={r.teacherId}><td>{r.name}</td><td>{r.waitlist ? t('placement.result.onWaitlist') : titleOf(r.offerId)}</td><td>{r.rank ?? '—'}</td></tr>)}
                </DataTable>
              </div>
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}
