import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { BarChart } from '../../../components/bar-chart.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { evaluationSchema, type Evaluation } from '../../../../../src/domain/leerlab/evaluation/schema.ts';
import { leerlabPath, lk, useEvaluations, useLastingEffect, useLeerlab } from '../queries.ts';
import { LastingEffectBlock } from '../../../components/lasting-effect.tsx';
import { LeerlabNav } from '../leerlab/leerlab-nav.tsx';
import { CodeQr } from './code-qr.tsx';

function Round({ ev, leerlabId, coordinator }: { ev: Evaluation; leerlabId: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState(ev.notes);
  const change = useMutation({
    mutationFn: (body: { notes?: string; open?: boolean }) => api.patch(leerlabPath(networkId, leerlabId, `/evaluations/${ev.id}`), body, z.array(evaluationSchema)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlabId, 'evaluations') }),
  });
  const groups = ev.groups.filter((g) => g.answers > 0);
  const link = `${window.location.origin}/leerlab/evaluatie/${ev.code}`;
  return (
    <section className="card" aria-labelledby={`ev-${ev.id}`}>
      <h2 id={`ev-${ev.id}`}>{ev.name}</h2>
      <p>{t('leerlab.evaluation.codeIntro')}</p>
      <p className="stat-value" aria-label={t('leerlab.evaluation.codeLabel', { code: ev.code.split('').join(' ') })}>{ev.code}</p>
      <p className="muted break">{link}</p>
      {ev.open ? <CodeQr text={link} label={t('leerlab.evaluation.qr', { code: ev.code })} /> : null}
      <p>{ev.open ? t('leerlab.evaluation.openNow') : t('leerlab.evaluation.closedNow')} · {t('leerlab.evaluation.answers', { count: ev.answers })}</p>
      {groups.length > 0 ? (
        <BarChart
          title={t('leerlab.evaluation.chartTitle', { name: ev.name })}
          tableCaption={t('leerlab.evaluation.chartTable')}
          max={5}
          series={groups.map((g, i) => ({ label: t(`leerlab.respondent.${g.respondent}`, { count: g.answers }), className: `bar-${i + 1}` }))}
          rows={ev.distribution.map((d) => ({ label: t(`leerlab.question.${d.question}`), values: groups.map((g) => g.averages.find((a) => a.question === d.question)?.average ?? 0) }))}
        />
      ) : <p className="muted">{t('leerlab.evaluation.noAnswers')}</p>}
      {ev.comments.length > 0 ? (
        <>
          <h3>{t('leerlab.evaluation.comments')}</h3>
          <ul>{ev.comments.map((c, i) => <li key={i}>{c.comment} <span className="muted">({t(`leerlab.respondent.${c.respondent}`, { count: 1 })})</span></li>)}</ul>
        </>
      ) : null}
      {coordinator ? (
        <form className="form" onSubmit={(e) => { e.preventDefault(); change.mutate({ notes }); }}>
          <div className="field">
            <label htmlFor={`notes-${ev.id}`}>{t('leerlab.evaluation.notes')}</label>
            <textarea id={`notes-${ev.id}`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
          <ErrorMessage error={change.error} />
          {change.isSuccess ? <SuccessMessage>{t('leerlab.evaluation.saved')}</SuccessMessage> : null}
          <div className="button-row">
            <button type="submit" disabled={change.isPending}>{t('leerlab.evaluation.saveNotes')}</button>
            <button type="button" className="button-secondary" onClick={() => change.mutate({ open: !ev.open })}>{ev.open ? t('leerlab.evaluation.close') : t('leerlab.evaluation.reopen')}</button>
          </div>
        </form>
      ) : ev.notes ? <p><strong>{t('leerlab.evaluation.notes')}:</strong> {ev.notes}</p> : null}
    </section>
  );
}

export function EvaluationsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const leerlab = useLeerlab(id);
  const evaluations = useEvaluations(id);
  const effect = useLastingEffect(id);
  const [name, setName] = useState('');
  const start = useMutation({
    mutationFn: () => api.post(leerlabPath(networkId, id, '/evaluations'), { name }, z.array(evaluationSchema)),
    onSuccess: () => { setName(''); void queryClient.invalidateQueries({ queryKey: lk(networkId, id, 'evaluations') }); },
  });
  const coordinator = leerlab.data?.myRole === 'coordinator';
  return (
    <>
      <PageHeading title={t('leerlab.evaluation.title', { name: leerlab.data?.name ?? '' })} />
      <LeerlabNav id={id} coordinator={coordinator} />
      <p className="lead">{t('leerlab.evaluation.lead')}</p>
      {coordinator ? (
        <form className="form card" onSubmit={(e) => { e.preventDefault(); start.mutate(); }}>
          <TextField label={t('leerlab.evaluation.newName')} value={name} onChange={(e) => setName(e.target.value)} hint={t('leerlab.evaluation.newHint')} />
          <ErrorMessage error={start.error} />
          <SubmitRow label={t('leerlab.evaluation.start')} busy={start.isPending} disabled={name.trim().length < 2} />
        </form>
      ) : null}
      <QueryView query={evaluations} emptyTitle={t('leerlab.evaluation.empty')}>
        {(list) => <>{[...list].reverse().map((ev) => <Round key={ev.id} ev={ev} leerlabId={id} coordinator={coordinator} />)}</>}
      </QueryView>
      <ErrorMessage error={effect.error} />
      {effect.data ? <div className="card"><LastingEffectBlock effect={effect.data} prefix="leerlab.evaluation.effect" level={2} /></div> : null}
    </>
  );
}
