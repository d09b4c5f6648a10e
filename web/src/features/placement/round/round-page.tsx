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
import { ConfirmDialog, Dialog, useConfirmAction } from '../../../components/dialog.tsx';
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

/** The rank a teacher gave an offer in their own ranking, or null. */
function rankOf(round: Round, teacherId: string, offerId: string | null): number | null {
  if (!offerId) return null;
  return round.applicants.find((a) => a.teacherId === teacherId && a.offerId === offerId)?.rank ?? null;
}

function PlaceOptions({ round, taken }: { round: Round; taken: (offerId: string) => number }) {
  const { t } = useTranslation();
  return (
    <>
      {round.offerList.map((o) => <option key={o.id} value={o.id}>{t('placement.adjust.option', { title: o.title, count: Math.max(0, o.places - taken(o.id)) })}</option>)}
      <option value="">{t('placement.adjust.waitlist')}</option>
    </>
  );
}

function RankConsequence({ rank, offerId }: { rank: number | null; offerId: string | null }) {
  const { t } = useTranslation();
  if (!offerId) return <>{t('placement.adjust.onWaitlist')}</>;
  return <>{rank === null ? t('placement.adjust.notRanked') : t('placement.compare.choice', { n: rank })}</>;
}

/**
 * The coordinator chooses a mode and adjusts it by hand before publishing: move a teacher to
 * another internship, swap two (the places are counted on the final state), or put someone on
 * the waitlist; each move shows the rank it gives and can be undone; publishing asks first.
 */
function CompareAndPublish({ round, cmp }: { round: Round; cmp: Comparison }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'stable' | 'welfare'>('stable');
  const [moves, setMoves] = useState<Record<string, string | null>>({});
  const [confirming, setConfirming] = useState(false);
  const publish = useRoundMutation(round, 'post', '/publish');
  const base = cmp[mode].assignments;
  const placeOf = (teacherId: string, engine: string | null) => (teacherId in moves ? moves[teacherId]! : engine);
  const finalPlaces = base.map((a) => placeOf(a.teacherId, a.offerId));
  const taken = (offerId: string) => finalPlaces.filter((x) => x === offerId).length;
  const over = round.offerList.filter((o) => taken(o.id) > o.places);
  const moved = base.filter((a) => a.teacherId in moves && moves[a.teacherId] !== a.offerId);
  const adjustments = moved.map((a) => ({ teacherId: a.teacherId, offerId: moves[a.teacherId] ?? null }));
  const placed = finalPlaces.filter(Boolean).length;
  const rankSum = base.reduce((n, a) => n + (rankOf(round, a.teacherId, placeOf(a.teacherId, a.offerId)) ?? 0), 0);
  const titleOf = (id: string | null) => round.offerList.find((o) => o.id === id)?.title ?? t('placement.adjust.onWaitlist');
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
      <form className="form" onSubmit={(e) => { e.preventDefault(); publish.reset(); setConfirming(true); }}>
        <SelectField label={t('placement.compare.mode')} value={mode} onChange={(e) => { setMode(e.target.value as 'stable' | 'welfare'); setMoves({}); }}>
          <option value="stable">{t('placement.mode.stable')}</option>
          <option value="welfare">{t('placement.mode.welfare')}</option>
        </SelectField>
        <h3 id="adjust-title">{t('placement.adjust.title')}</h3>
        <p className="muted">{t('placement.adjust.help')}</p>
        <div style={{ overflowX: 'auto' }}>
          <DataTable caption={t('placement.adjust.caption', { mode: t(`placement.mode.${mode}`) })} columns={[t('placement.applicants.name'), t('placement.adjust.engine'), t('placement.adjust.place'), t('placement.adjust.rank'), '']}>
            {base.map((a) => {
              const now = placeOf(a.teacherId, a.offerId);
              const changed = now !== a.offerId;
              return (
                <tr key={a.teacherId}>
                  <td>{a.name}{changed ? <> <span className="badge">{t('placement.adjust.byHand')}</span></> : null}</td>
                  <td>{a.offerTitle ?? t('placement.adjust.onWaitlist')}{a.rank ? ` (${t('placement.compare.choice', { n: a.rank })})` : ''}</td>
                  <td>
                    <select aria-label={t('placement.adjust.placeFor', { name: a.name })} value={now ?? ''} onChange={(e) => setMoves({ ...moves, [a.teacherId]: e.target.value || null })}>
                      <PlaceOptions round={round} taken={taken} />
                    </select>
                  </td>
                  <td><RankConsequence rank={rankOf(round, a.teacherId, now)} offerId={now} /></td>
                  <td>{changed ? <button type="button" className="secondary" aria-label={t('placement.adjust.undoFor', { name: a.name })} onClick={() => { const next = { ...moves }; delete next[a.teacherId]; setMoves(next); }}>{t('placement.adjust.undo')}</button> : null}</td>
                </tr>
              );
            })}
          </DataTable>
        </div>
        <ul aria-label={t('placement.adjust.capacity')}>
          {round.offerList.map((o) => (
            <li key={o.id} className={taken(o.id) > o.places ? 'status status-error' : undefined}>
              {t('placement.adjust.taken', { title: o.title, taken: taken(o.id), count: o.places })}{taken(o.id) > o.places ? ` — ${t('placement.adjust.tooFull')}` : ''}
            </li>
          ))}
        </ul>
        <p role="status">{t('placement.adjust.summary', { count: moved.length, placed, rankSum })}</p>
        {moved.length ? <div className="button-row"><button type="button" className="secondary" onClick={() => setMoves({})}>{t('placement.adjust.undoAll')}</button></div> : null}
        <ErrorMessage error={publish.error} />
        <div className="button-row"><button type="submit" disabled={publish.isPending || over.length > 0}>{t('placement.compare.publish')}</button></div>
      </form>
      <Dialog open={confirming} title={t('placement.confirm.title')} onClose={() => setConfirming(false)}>
        <p>{t('placement.confirm.text', { mode: t(`placement.mode.${mode}`), count: moved.length, placed, waitlist: base.length - placed })}</p>
        {moved.length ? <ul>{moved.map((a) => <li key={a.teacherId}>{t('placement.confirm.move', { name: a.name, from: titleOf(a.offerId), to: titleOf(moves[a.teacherId] ?? null) })}</li>)}</ul> : null}
        <ErrorMessage error={publish.error} />
        <div className="button-row">
          <button type="button" disabled={publish.isPending} onClick={() => publish.mutate({ mode, adjustments }, { onSettled: () => setConfirming(false) })}>{t('placement.confirm.yes')}</button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('placement.confirm.back')}</button>
        </div>
      </Dialog>
    </section>
  );
}

/** After publishing: the result, a move by hand per teacher (asked first; the teacher is told), the exports. */
function Published({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const taken = (offerId: string) => round.results.filter((r) => r.offerId === offerId).length;
  const titleOf = (id: string | null) => round.offerList.find((o) => o.id === id)?.title ?? t('placement.adjust.onWaitlist');
  const move = useConfirmAction(
    (v: { teacherId: string; name: string; from: string | null; to: string | null }) => api.put(`/networks/${networkId}/placement-rounds/${round.id}/results/${v.teacherId}`, { offerId: v.to }, roundSchema)
      .then((data) => queryClient.setQueryData(pk(networkId, 'round', round.id), data)),
    (v) => setChosen((c) => { const next = { ...c }; delete next[v.teacherId]; return next; }),
  );
  return (
    <section className="section" aria-labelledby="result-title">
      <h2 id="result-title">{t('placement.result.title')}</h2>
      <p className="button-row">
        <a href={`/api/networks/${networkId}/placement-rounds/${round.id}/export?format=xlsx`} download>{t('placement.export.xlsx')}</a>
        <a href={`/api/networks/${networkId}/placement-rounds/${round.id}/export?format=csv`} download>{t('placement.export.csv')}</a>
      </p>
      <p className="muted">{t('placement.move.help')}</p>
      <div style={{ overflowX: 'auto' }}>
        <DataTable caption={t('placement.result.title')} columns={[t('placement.applicants.name'), t('placement.result.offer'), t('placement.rank'), t('placement.move.to'), '']}>
          {round.results.map((r) => {
            const to = chosen[r.teacherId] ?? (r.offerId ?? '');
            return (
              <tr key={r.teacherId}>
                <td>{r.name}{r.manual ? <> <span className="badge">{t('placement.adjust.byHand')}</span></> : null}</td>
                <td>{r.waitlist ? t('placement.result.onWaitlist') : titleOf(r.offerId)}</td>
                <td>{r.rank ?? '—'}</td>
                <td>
                  <select aria-label={t('placement.adjust.placeFor', { name: r.name })} value={to} onChange={(e) => setChosen({ ...chosen, [r.teacherId]: e.target.value })}>
                    <PlaceOptions round={round} taken={taken} />
                  </select>
                  {to !== (r.offerId ?? '') ? <p className="muted"><RankConsequence rank={rankOf(round, r.teacherId, to || null)} offerId={to || null} /></p> : null}
                </td>
                <td><button type="button" className="secondary" disabled={to === (r.offerId ?? '')} aria-label={t('placement.move.moveFor', { name: r.name })} onClick={() => move.ask({ teacherId: r.teacherId, name: r.name, from: r.offerId, to: to || null })}>{t('placement.move.move')}</button></td>
              </tr>
            );
          })}
        </DataTable>
      </div>
      <ConfirmDialog {...move.dialog} title={t('placement.move.confirmTitle')} confirmLabel={t('placement.move.confirm')}
        message={move.target ? t(move.target.to ? 'placement.move.confirmText' : 'placement.move.confirmRemove', { name: move.target.name, from: titleOf(move.target.from), to: titleOf(move.target.to) }) : ''} />
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
              <p className="status status-success" role="status">{round.myResult.waitlist ? t('placement.result.waitlist') : (round.myResult.rank === null ? t('placement.result.placedByHand', { offer: titleOf(round.myResult.offerId) }) : t('placement.result.placed', { offer: titleOf(round.myResult.offerId), rank: round.myResult.rank }))}</p>
            ) : null}
            {open && caps.roles.includes('teacher') ? <Ranking round={round} /> : null}
            <Applicants round={round} />
            {round.canManage && open && cmp.data ? <CompareAndPublish round={round} cmp={cmp.data} /> : null}
            {round.canManage && round.status === 'published' ? <Published round={round} /> : null}
          </>
        );
      }}
    </QueryView>
  );
}
