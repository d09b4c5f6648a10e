import { editionIsPublished } from '../../../../../src/domain/exchange/edition/rules.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { VisitMoveDialog } from './visit-move-dialog.tsx';
import { ek, useEditionVisits } from '../queries.ts';
import { formatSpan, formatTime } from '../time.ts';
import type { Edition, EditionVisit } from '../types.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { RowButton } from '../../../components/row-actions.tsx';


function visitName(v: EditionVisit, t: (k: string, o?: Record<string, unknown>) => string) {
  return t('exchange.proposal.observes', { observer: v.observerName ?? '?', host: v.hostName ?? '?' });
}

/** Published visits: move to another feasible lesson, or cancel (after confirming). */
export function VisitsSection({ edition }: { edition: Edition }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const published = editionIsPublished(edition.status);
  const visits = useEditionVisits(edition.id, published);
  const [moving, setMoving] = useState<EditionVisit | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ek(networkId) });
  const cancel = useConfirmAction((v: EditionVisit) => api.post(`/networks/${networkId}/visits/${v.id}/cancel`), () => void invalidate());
  return (
    <section aria-labelledby="visits-title" className="section">
      <h2 id="visits-title">{t('exchange.tabs.visits')}</h2>
      {!published ? <EmptyState title={t('exchange.visits.notYet')}><p>{t('exchange.visits.notYetHelp')}</p></EmptyState> : null}
      {published && visits.isPending ? <Loading /> : null}
      <ErrorMessage error={visits.error} />
      {visits.data && visits.data.length === 0 ? <EmptyState title={t('exchange.visits.empty')} /> : null}
      {visits.data && visits.data.length > 0 ? (
        <DataTable caption={t('exchange.visits.caption', { count: visits.data.length })} columns={[t('exchange.proposal.who'), t('exchange.proposal.when'), t('exchange.proposal.where'), t('exchange.list.status'), t('common.actions')]}>
          {visits.data.map((v) => (
            <tr key={v.id}>
              <th scope="row">{visitName(v, t)}</th>
              <td>
                {formatSpan(v.lessonStart, v.lessonEnd, i18n.language)}
                {v.leaveAt && v.returnBy ? <><br /><span className="muted">{t('exchange.visit.leaveReturnShort', { leave: formatTime(v.leaveAt, i18n.language), back: formatTime(v.returnBy, i18n.language) })}</span></> : null}
              </td>
              <td>{v.locationName ?? ''}{v.address ? <><br /><span className="muted">{v.address}</span></> : null}</td>
              <td>
                <span className={`badge badge-${v.status}`}>{t(`exchange.visitStatus.${v.status}`)}</span>
                {v.checkedIn ? <> <span className="badge badge-accepted">{t('exchange.visit.checkedIn')}</span></> : null}
              </td>
              <td className="actions">
                {v.status === 'planned' ? (
                  <>
                    <RowButton label={t('exchange.proposal.move')} name={visitName(v, t)} onClick={() => setMoving(v)} />
                    <RowButton label={t('exchange.visit.cancel')} name={visitName(v, t)} danger onClick={() => cancel.ask(v)} />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {moving ? (
        <VisitMoveDialog
          open
          title={t('exchange.proposal.moveTitle', { observer: moving.observerName ?? '?', host: moving.hostName ?? '?' })}
          optionsUrl={`/networks/${networkId}/visits/${moving.id}/options`}
          moveUrl={`/networks/${networkId}/visits/${moving.id}/move`}
          currentStart={moving.lessonStart}
          onClose={() => setMoving(null)}
          onMoved={() => { setMoving(null); void invalidate(); }}
        />
      ) : null}
      <ConfirmDialog
        {...cancel.dialog}
        title={t('exchange.visit.cancelTitle')}
        message={cancel.target ? t('exchange.visit.cancelMessage', { visit: visitName(cancel.target, t), when: formatSpan(cancel.target.lessonStart, cancel.target.lessonEnd, i18n.language) }) : ''}
        confirmLabel={t('exchange.visit.cancelConfirm')}
      />
    </section>
  );
}
