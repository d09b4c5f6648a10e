import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { leerlabSessionSchema, type LeerlabSession } from '../../../../../src/domain/leerlab/session/schema.ts';
import { leerlabPath, lk, useLeerlab, useSessions } from '../queries.ts';
import { LeerlabNav } from '../leerlab/leerlab-nav.tsx';

function localInput(iso: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
  return parts.replace(' ', 'T');
}
function fromLocalInput(value: string): string {
  // Europe/Amsterdam wall clock → ISO with its offset.
  const guess = new Date(`${value}:00Z`);
  const offset = (new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Amsterdam' })).getTime() - new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()) / 60_000;
  return new Date(guess.getTime() - offset * 60_000).toISOString();
}

function MoveForm({ session, leerlabId }: { session: LeerlabSession; leerlabId: string }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(localInput(session.start));
  const move = useMutation({
    mutationFn: () => api.post(leerlabPath(networkId, leerlabId, `/sessions/${session.id}/move`), { start: fromLocalInput(value) }, leerlabSessionSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlabId, 'sessions') }),
  });
  const id = `ll-move-${session.id}`;
  return (
    <form className="button-row" onSubmit={(e) => { e.preventDefault(); move.mutate(); }}>
      <input id={id} type="datetime-local" aria-label={t('leerlab.sessions.newTime')} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button-secondary button-small" disabled={move.isPending}>{t('leerlab.sessions.move')}</button>
      <ErrorMessage error={move.error} />
    </form>
  );
}

export function SessionsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const leerlab = useLeerlab(id);
  const sessions = useSessions(id);
  const coordinator = leerlab.data?.myRole === 'coordinator';
  const cancel = useConfirmAction(
    (s: LeerlabSession) => api.post(leerlabPath(networkId, id, `/sessions/${s.id}/cancel`), {}, leerlabSessionSchema),
    () => void queryClient.invalidateQueries({ queryKey: lk(networkId, id, 'sessions') }),
  );
  return (
    <>
      <PageHeading title={t('leerlab.sessions.title', { name: leerlab.data?.name ?? '' })} />
      <LeerlabNav id={id} coordinator={coordinator} />
      <QueryView query={sessions} emptyTitle={t('leerlab.sessions.empty')} emptyHelp={t('leerlab.sessions.emptyHelp')}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <caption>{t('leerlab.sessions.caption', { count: list.filter((s) => s.status === 'planned').length })}</caption>
              <thead><tr><th scope="col">{t('leerlab.sessions.when')}</th><th scope="col">{t('leerlab.sessions.direction')}</th><th scope="col">{t('leerlab.sessions.status')}</th><th scope="col">{t('leerlab.sessions.actions')}</th></tr></thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{formatDateTime(s.start, i18n.language)}</th>
                    <td>{t(`leerlab.direction.${s.direction}`)}</td>
                    <td><span className={`badge badge-${s.status}`}>{t(`leerlab.sessions.${s.status}`)}</span>{s.marked ? ` · ${t('leerlab.sessions.marked', { count: s.marked })}` : ''}</td>
                    <td>
                      {s.status === 'planned' ? (
                        <>
                          <Link to={`/leerlabs/${id}/sessies/${s.id}`} aria-label={t('leerlab.sessions.attendanceFor', { when: formatDateTime(s.start, i18n.language) })}>{t('leerlab.sessions.attendance')}</Link>
                          {coordinator ? <MoveForm session={s} leerlabId={id} /> : null}
                          {coordinator ? <button type="button" className="button-danger-outline button-small" onClick={() => cancel.ask(s)} aria-label={t('leerlab.sessions.cancelFor', { when: formatDateTime(s.start, i18n.language) })}>{t('leerlab.sessions.cancel')}</button> : null}
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <ConfirmDialog {...cancel.dialog} title={t('leerlab.sessions.cancelTitle')} message={t('leerlab.sessions.cancelText')} confirmLabel={t('leerlab.sessions.cancel')} />
    </>
  );
}
