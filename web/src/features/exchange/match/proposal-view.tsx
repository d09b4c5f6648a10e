import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { EmptyState, ErrorMessage } from '../../../components/status.tsx';
import { VisitMoveDialog } from '../visit/visit-move-dialog.tsx';
import { ek } from '../queries.ts';
import { formatSpan, formatTime } from '../time.ts';
import type { Proposal, ProposalPair, ProposalVisit, Run } from '../types.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { RowButton } from '../../../components/row-actions.tsx';

/** A pair reason code with its parameters, translated. */
export function ReasonText({ reason }: { reason: { code: string; params: Record<string, string | number> } }) {
  const { t } = useTranslation();
  const params = { ...reason.params, wish: reason.params.wish ? t(`exchange.wish.${reason.params.wish}`) : '' };
  return <>{t(`exchange.reason.${reason.code}`, { defaultValue: reason.code, ...params })}</>;
}

function Person({ person, side }: { person: ProposalPair['a']; side: string }) {
  return (
    <div>
      <p className="muted">{side}</p>
      <p><strong>{person.name}</strong><br />{person.institutionName}<br />{person.programmes.join(', ')}</p>
    </div>
  );
}

function VisitRow({ visit, pair, run, editable }: { visit: ProposalVisit; pair: ProposalPair; run: Run; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [moving, setMoving] = useState(false);
  const names = new Map([[pair.a.id, pair.a.name], [pair.b.id, pair.b.name]]);
  const observer = names.get(visit.observerId) ?? '?';
  const host = names.get(visit.hostId) ?? '?';
  const base = `/networks/${networkId}/editions/${run.editionId}/runs/${run.id}/visits/${visit.index}`;
  return (
    <tr>
      <th scope="row">{t('exchange.proposal.observes', { observer, host })}</th>
      <td>{formatSpan(visit.lessonStart, visit.lessonEnd, i18n.language)}{visit.lessonSummary ? <><br /><span className="muted">{visit.lessonSummary}</span></> : null}</td>
      <td>{t('exchange.proposal.leaveReturn', { leave: formatTime(visit.leaveAt, i18n.language), back: formatTime(visit.returnBy, i18n.language), minutes: visit.travelMinutes })}</td>
      <td>{visit.locationName}<br /><span className="muted">{visit.address}</span>{visit.moved ? <><br /><span className="badge badge-warning">{t('exchange.proposal.moved')}</span></> : null}</td>
      {editable ? (
        <td className="actions">
          <RowButton label={t('exchange.proposal.move')} name={t('exchange.proposal.observes', { observer, host })} onClick={() => setMoving(true)} />
          <VisitMoveDialog
            open={moving}
            title={t('exchange.proposal.moveTitle', { observer, host })}
            optionsUrl={`${base}/options`}
            moveUrl={`${base}/move`}
            currentStart={visit.lessonStart}
            onClose={() => setMoving(false)}
            onMoved={() => {
              setMoving(false);
              void queryClient.invalidateQueries({ queryKey: ek(networkId, 'runs', run.editionId) });
            }}
          />
        </td>
      ) : null}
    </tr>
  );
}

function PairCard({ pair, run, editable, index }: { pair: ProposalPair; run: Run; editable: boolean; index: number }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const rule = useMutation({
    mutationFn: (kind: 'pin' | 'forbid') => api.post(`/networks/${networkId}/editions/${run.editionId}/pair-rules`, { aPersonId: pair.a.id, bPersonId: pair.b.id, kind }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ek(networkId, 'pair-rules', run.editionId) }),
  });
  const title = `${pair.a.name} ↔ ${pair.b.name}`;
  return (
    <li className="card pair-card" aria-labelledby={`pair-${run.id}-${index}`}>
      <h3 id={`pair-${run.id}-${index}`}>
        {title} {pair.pinned ? <span className="badge badge-pending">{t('exchange.proposal.pinned')}</span> : null}
        {pair.trio ? <span className="badge badge-pending">{t('exchange.proposal.trio')}</span> : null}
      </h3>
      <div className="pair-people">
        <Person person={pair.a} side={t('exchange.proposal.sideA')} />
        <Person person={pair.b} side={t('exchange.proposal.sideB')} />
      </div>
      <h4>{t('exchange.proposal.why')}</h4>
      {pair.reasons.length === 0 ? <p className="muted">{t('exchange.proposal.noReasons')}</p> : (
        <ul>{pair.reasons.map((r, i) => <li key={i}><ReasonText reason={r} /></li>)}</ul>
      )}
      {pair.visits.length === 0 ? <p className="status status-warning">{t('exchange.proposal.noVisits')}</p> : (
        <DataTable caption={t('exchange.proposal.visitsCaption', { names: title })} columns={[t('exchange.proposal.who'), t('exchange.proposal.when'), t('exchange.proposal.travel'), t('exchange.proposal.where'), editable && t('common.actions')]}>
          {pair.visits.map((v) => <VisitRow key={v.index} visit={v} pair={pair} run={run} editable={editable} />)}
        </DataTable>
      )}
      {editable ? (
        <div className="button-row">
          <ErrorMessage error={rule.error} />
          {rule.isSuccess ? <span role="status" className="muted">{t('exchange.rules.saved')}</span> : null}
          <RowButton label={t('exchange.rules.pinThis')} name={title} onClick={() => rule.mutate('pin')} disabled={rule.isPending} />
          <RowButton label={t('exchange.rules.forbidThis')} name={title} danger onClick={() => rule.mutate('forbid')} disabled={rule.isPending} />
        </div>
      ) : null}
    </li>
  );
}

/** The pairs with their reasons and visits, and who stayed unmatched and why. */
export function ProposalView({ proposal, run, editable }: { proposal: Proposal; run: Run; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('exchange.proposal.pairsTitle', { count: proposal.pairs.length })}</h3>
      {proposal.pairs.length === 0 ? (
        <EmptyState title={t('exchange.proposal.noPairs')}><p>{t('exchange.proposal.noPairsHelp')}</p></EmptyState>
      ) : (
        <ul className="plain-list">
          {proposal.pairs.map((p, i) => <PairCard key={`${p.a.id}-${p.b.id}`} pair={p} run={run} editable={editable} index={i} />)}
        </ul>
      )}
      <h3>{t('exchange.proposal.unmatchedTitle', { count: proposal.unmatched.length })}</h3>
      {proposal.unmatched.length === 0 ? <p>{t('exchange.proposal.allMatched')}</p> : (
        <DataTable caption={t('exchange.proposal.unmatchedTitle', { count: proposal.unmatched.length })} captionHidden columns={[t('exchange.proposal.person'), t('exchange.proposal.institution'), t('exchange.proposal.reasonCol')]}>
          {proposal.unmatched.map((u) => (
            <tr key={u.person.id}>
              <th scope="row">{u.person.name}</th>
              <td>{u.person.institutionName}</td>
              <td>{t(`exchange.unmatched.${u.reason}`, { defaultValue: u.reason })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
