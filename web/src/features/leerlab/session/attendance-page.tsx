import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { attendanceSchema, attendanceStatusSchema } from '../../../../../src/domain/leerlab/session/schema.ts';
import { leerlabPath, lk, useAttendance } from '../queries.ts';

type Status = (typeof attendanceStatusSchema.options)[number];

/** Quick marking on a phone: one row per pupil with four large buttons; one save for all. */
export function AttendancePage() {
  const { id = '', sessionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const attendance = useAttendance(id, sessionId);
  const [marks, setMarks] = useState<Record<string, Status>>({});
  const save = useMutation({
    mutationFn: (all: Record<string, Status>) => api.put(leerlabPath(networkId, id, `/sessions/${sessionId}/attendance`), { marks: Object.entries(all).map(([pupilId, status]) => ({ pupilId, status })) }, attendanceSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(lk(networkId, id, 'attendance', sessionId), saved);
      setMarks({});
      void queryClient.invalidateQueries({ queryKey: lk(networkId, id, 'sessions') });
    },
  });
  return (
    <>
      <PageHeading title={t('leerlab.attendance.title')} />
      <p><Link to={`/leerlabs/${id}/sessies`}>{t('leerlab.attendance.back')}</Link></p>
      <QueryView query={attendance}>
        {(a) => {
          const current = (pupilId: string, saved: Status | null) => marks[pupilId] ?? saved;
          const allPresent = () => setMarks(Object.fromEntries(a.pupils.map((p) => [p.id, marks[p.id] ?? p.status ?? 'present'])));
          return (
            <>
              <p className="lead">{formatDateTime(a.session.start, i18n.language)} · {t(`leerlab.direction.${a.session.direction}`)}</p>
              {a.pupils.length === 0 ? <p className="muted">{t('leerlab.attendance.noPupils')}</p> : (
                <>
                  <button type="button" className="button-secondary" onClick={allPresent}>{t('leerlab.attendance.allPresent')}</button>
                  <ul className="plain-list attendance-list">
                    {a.pupils.map((p) => (
                      <li key={p.id} className="card">
                        <p id={`ll-pupil-${p.id}`}><strong>{p.name}</strong> <span className="muted">{p.className}</span></p>
                        <div className="button-row" role="group" aria-labelledby={`ll-pupil-${p.id}`}>
                          {attendanceStatusSchema.options.map((s) => (
                            <button key={s} type="button" aria-pressed={current(p.id, p.status) === s}
                              className={current(p.id, p.status) === s ? '' : 'button-secondary'}
                              onClick={() => setMarks({ ...marks, [p.id]: s })}>
                              {t(`leerlab.attendance.${s}`)}
                            </button>
                          ))}
                        </div>
                      </li>
                    ))}
                  </ul>
                  <ErrorMessage error={save.error} />
                  {save.isSuccess ? <SuccessMessage>{t('leerlab.attendance.saved')}</SuccessMessage> : null}
                  <button type="button" onClick={() => save.mutate(marks)} disabled={save.isPending || Object.keys(marks).length === 0}>{t('leerlab.attendance.save', { count: Object.keys(marks).length })}</button>
                </>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
