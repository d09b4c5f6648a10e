import { editionIsPublished } from '../../../../../src/domain/exchange/edition/rules.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { VisitMoveDialog } from './visit-move-dialog.tsx';
import { ek, useEditionVisits } from '../queries.ts';
import { formatSpan, formatTime } from '../time.ts';
import type { Edition, EditionVisit } from '../types.ts';


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
  const [cancelling, setCancelling] = useState<EditionVisit | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ek(networkId) });
  const cancel = useMutation({
    mutationFn: (id: string) => api.post(`/networks/${networkId}/visits/${id}/cancel`),
    onSuccess: () => { setCancelling(null); void invalidate(); },
  });
  return (
    <section aria-labelledby="visits-title" className="section">
      <h2 id="visits-title">{t('exchange.tabs.visits')}</h2>
      {!published ? <EmptyState title={t('exchange.visits.notYet')}><p>{t('exchange.visits.notYetHelp')}</p></EmptyState> : null}
      {published && visits.isPending ? <Loading /> : null}
      <ErrorMessage error={visits.error} />
      {visits.data && visits.data.length === 0 ? <EmptyState title={t('exchange.visits.empty')} /> : null}
      {visits.data && visits.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('exchange.visits.caption', { count: visits.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.proposal.who')}</th>
                <th scope="col">{t('exchange.proposal.when')}</th>
                <th scope="col">{t('exchange.proposal.where')}</th>
                <th scope="col">{t('exchange.list.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
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
                        <button type="button" className="button-secondary button-small" onClick={() => setMoving(v)}>
                          {t('exchange.proposal.move')}<span className="sr-only"> {visitName(v, t)}</span>
                        </button>
                        <button type="button" className="button-danger-outline button-small" onClick={() => { cancel.reset(); setCancelling(v); }}>
                          {t('exchange.visit.cancel')}<span className="sr-only"> {visitName(v, t)}</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        open={cancelling !== null}
        title={t('exchange.visit.cancelTitle')}
        message={cancelling ? t('exchange.visit.cancelMessage', { visit: visitName(cancelling, t), when: formatSpan(cancelling.lessonStart, cancelling.lessonEnd, i18n.language) }) : ''}
        confirmLabel={t('exchange.visit.cancelConfirm')}
        busy={cancel.isPending}
        error={<ErrorMessage error={cancel.error} />}
        onConfirm={() => cancelling && cancel.mutate(cancelling.id)}
        onClose={() => setCancelling(null)}
      />
    </section>
  );
}
