import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { pupilImportReportSchema, rosterSchema, type Roster } from '../../../../../src/domain/leerlab/pupil/schema.ts';
import type { Leerlab } from '../../../../../src/domain/leerlab/leerlab/schema.ts';
import { leerlabPath, lk, useLeerlab, useRoster } from '../queries.ts';
import { LeerlabNav } from '../leerlab/leerlab-nav.tsx';

function ImportForm({ leerlabId }: { leerlabId: string }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const load = useMutation({
    mutationFn: () => api.post(leerlabPath(networkId, leerlabId, '/pupils/csv'), { csv }, pupilImportReportSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlabId) }),
  });
  return (
    <section className="card" aria-labelledby="ll-import-title">
      <h2 id="ll-import-title">{t('leerlab.roster.import')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); load.mutate(); }}>
        <div className="field">
          <label htmlFor="ll-roster-csv">{t('leerlab.roster.csv')}</label>
          <p className="field-hint" id="ll-roster-hint">{t('leerlab.roster.csvHint')}</p>
          <textarea id="ll-roster-csv" aria-describedby="ll-roster-hint" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <ErrorMessage error={load.error} />
        <SubmitRow label={t('leerlab.roster.importSubmit')} busy={load.isPending} disabled={csv.trim() === ''} />
      </form>
      {load.data ? (
        <div role="status">
          <p className="status status-success">{t('leerlab.roster.added', { count: load.data.added })}</p>
          {load.data.droppedMessage ? <p className="status status-warning">{load.data.droppedMessage}</p> : null}
          <div className="table-wrap">
            <table>
              <caption>{t('leerlab.roster.reportCaption')}</caption>
              <thead><tr><th scope="col">{t('leerlab.roster.row')}</th><th scope="col">{t('leerlab.roster.name')}</th><th scope="col">{t('leerlab.roster.result')}</th></tr></thead>
              <tbody>{load.data.rows.map((r) => <tr key={r.row}><td className="num">{r.row}</td><th scope="row">{r.name || '—'}</th><td>{r.message ?? t(`leerlab.roster.status.${r.status}`)}</td></tr>)}</tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Results({ leerlab, roster }: { leerlab: Leerlab; roster: Roster }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const key = (p: string, part: string) => `${p}:${part}`;
  const initial = Object.fromEntries(roster.pupils.flatMap((p) => leerlab.parts.map((part) => {
    const r = p.results.find((x) => x.partId === part.id);
    return [key(p.id, part.id), { grade: r?.grade != null ? String(r.grade).replace('.', ',') : '', completed: r?.completed ?? false }];
  })));
  const [values, setValues] = useState<Record<string, { grade: string; completed: boolean }>>(initial);
  const save = useMutation({
    mutationFn: () => api.put(leerlabPath(networkId, leerlab.id, '/results'), {
      results: Object.entries(values).map(([k, v]) => {
        const [pupilId, partId] = k.split(':');
        const grade = v.grade.trim() === '' ? null : Number(v.grade.replace(',', '.'));
        return { pupilId, partId, grade: grade !== null && Number.isFinite(grade) ? grade : null, completed: v.completed, assessedOn: null };
      }),
    }, rosterSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id, 'roster') }),
  });
  const coordinator = leerlab.myRole === 'coordinator';
  return (
    <section aria-labelledby="ll-results-title" className="section">
      <h2 id="ll-results-title">{t('leerlab.roster.results')}</h2>
      <p><a href={`/api${leerlabPath(networkId, leerlab.id, '/grades.csv')}`} download>{t('leerlab.roster.gradesCsv')}</a></p>
      <div className="table-wrap">
        <table>
          <caption>{t('leerlab.roster.caption', { count: roster.pupils.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('leerlab.roster.name')}</th><th scope="col">{t('leerlab.roster.class')}</th><th scope="col">{t('leerlab.roster.attended')}</th>
              {leerlab.parts.map((p) => <th key={p.id} scope="col">{p.name}</th>)}
              {coordinator ? <th scope="col">{t('leerlab.roster.exemption')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {roster.pupils.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th><td>{p.className}</td><td className="num">{p.attended}/{p.attended + p.absent}</td>
                {leerlab.parts.map((part) => {
                  const k = key(p.id, part.id);
                  const v = values[k] ?? { grade: '', completed: false };
                  return (
                    <td key={part.id}>
                      <input aria-label={t('leerlab.roster.gradeFor', { name: p.name, part: part.name })} inputMode="decimal" size={4} value={v.grade} onChange={(e) => setValues({ ...values, [k]: { ...v, grade: e.target.value } })} />
                      {' '}<input type="checkbox" aria-label={t('leerlab.roster.completedFor', { name: p.name, part: part.name })} checked={v.completed} onChange={(e) => setValues({ ...values, [k]: { ...v, completed: e.target.checked } })} />
                    </td>
                  );
                })}
                {coordinator ? (
                  <td>
                    {p.results.some((r) => r.completed)
                      ? <a href={`/api${leerlabPath(networkId, leerlab.id, `/pupils/${p.id}/exemption.pdf`)}`} download aria-label={t('leerlab.roster.exemptionFor', { name: p.name })}>{t('leerlab.roster.exemptionPdf')}</a>
                      : <span className="muted">—</span>}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('leerlab.roster.saved')}</SuccessMessage> : null}
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>{t('leerlab.roster.saveResults')}</button>
    </section>
  );
}

export function RosterPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const leerlab = useLeerlab(id);
  const roster = useRoster(id);
  const coordinator = leerlab.data?.myRole === 'coordinator';
  return (
    <>
      <PageHeading title={t('leerlab.roster.title', { name: leerlab.data?.name ?? '' })} />
      <LeerlabNav id={id} coordinator={coordinator} />
      <QueryView query={roster}>
        {(r) => (
          <>
            <p className="status status-warning" role="note">
              {r.pupilsRemovedAt ? t('leerlab.roster.removed') : t('leerlab.roster.retention', { date: r.pupilsRemoveOn, months: r.retentionMonths })}
            </p>
            {coordinator ? <ImportForm leerlabId={id} /> : null}
            {leerlab.data && r.pupils.length > 0 ? <Results key={r.pupils.map((p) => p.id).join()} leerlab={leerlab.data} roster={r} /> : <p className="muted">{t('leerlab.roster.empty')}</p>}
          </>
        )}
      </QueryView>
    </>
  );
}
