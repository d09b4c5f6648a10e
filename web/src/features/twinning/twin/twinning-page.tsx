import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { goalSchema, twinningOverviewSchema, twinSchema, type Goal, type Suggestion, type TwinningOverview } from '../../../../../src/domain/twinning/twin/schema.ts';
import { tk, useTwinning } from '../queries.ts';

function ProfileForm({ overview }: { overview: TwinningOverview }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState((overview.profile?.iscedCodes ?? []).join(', '));
  const [about, setAbout] = useState(overview.profile?.about ?? '');
  const [available, setAvailable] = useState(overview.profile?.available ?? true);
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/twinning/profile`, { iscedCodes: fields.split(',').map((s) => s.trim()).filter(Boolean), about, available }, twinningOverviewSchema),
    onSuccess: (data) => queryClient.setQueryData(tk(networkId, 'overview'), data),
  });
  return (
    <section className="section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('twinning.profile.title')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <TextField label={t('twinning.profile.fields')} hint={t('twinning.profile.fieldsHint')} value={fields} onChange={(e) => setFields(e.target.value)} />
        <TextField label={t('twinning.profile.about')} value={about} onChange={(e) => setAbout(e.target.value)} />
        <label className="checkbox"><input type="checkbox" checked={available} onChange={(e) => setAvailable(e.target.checked)} /> {t('twinning.profile.available')}</label>
        <ErrorMessage error={save.error} />
        {save.isSuccess ? <SuccessMessage>{t('twinning.profile.saved')}</SuccessMessage> : null}
        <SubmitRow label={t('twinning.profile.save')} busy={save.isPending} />
      </form>
    </section>
  );
}

export function GoalItem({ goal, editable }: { goal: Goal; editable: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(String(goal.progress));
  const [note, setNote] = useState(goal.progressNote);
  const save = useMutation({
    mutationFn: () => api.patch(`/networks/${networkId}/twinning/goals/${goal.id}`, { progress: Number(progress), progressNote: note }, goalSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tk(networkId) }),
  });
  return (
    <li className="card">
      <p><strong>{goal.text}</strong></p>
      <p><label>{t('twinning.goal.progress', { progress: goal.progress })} <progress max={100} value={goal.progress}>{goal.progress}%</progress></label></p>
      {goal.progressNote ? <p className="muted">{goal.progressNote}</p> : null}
      {editable ? (
        <details>
          <summary>{t('twinning.goal.update')}</summary>
          <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
            <TextField label={t('twinning.goal.progressField')} type="number" min={0} max={100} step={10} value={progress} onChange={(e) => setProgress(e.target.value)} />
            <TextField label={t('twinning.goal.note')} value={note} onChange={(e) => setNote(e.target.value)} />
            <ErrorMessage error={save.error} />
            <SubmitRow label={t('twinning.goal.save')} busy={save.isPending} />
          </form>
        </details>
      ) : null}
    </li>
  );
}

function Goals({ overview }: { overview: TwinningOverview }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/twinning/goals`, { text }, twinningOverviewSchema),
    onSuccess: (data) => { queryClient.setQueryData(tk(networkId, 'overview'), data); setText(''); },
  });
  return (
    <section className="section" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('twinning.goal.title')}</h2>
      {overview.goals.length === 0 ? <p className="muted">{t('twinning.goal.none')}</p> : <ul className="plain-list">{overview.goals.map((g) => <GoalItem key={g.id} goal={g} editable />)}</ul>}
      <form className="form" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <TextField label={t('twinning.goal.new')} value={text} onChange={(e) => setText(e.target.value)} />
        <ErrorMessage error={add.error} />
        <SubmitRow label={t('twinning.goal.add')} busy={add.isPending} />
      </form>
    </section>
  );
}

function Suggestions({ overview }: { overview: TwinningOverview }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const pair = useMutation({
    mutationFn: (s: Suggestion) => api.post(`/networks/${networkId}/twins`, { teacherId: s.teacherId, professionalId: s.professionalId }, twinSchema),
    onSuccess: (twin) => void navigate(`/twinning/${twin.id}`),
  });
  return (
    <section className="section" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('twinning.suggestion.title')}</h2>
      <p className="muted">{t('twinning.suggestion.help')}</p>
      <ErrorMessage error={pair.error} />
      {overview.suggestions.length === 0 ? <p className="muted">{t('twinning.suggestion.none')}</p> : (
        <ul className="plain-list">
          {overview.suggestions.map((s) => (
            <li key={`${s.teacherId}-${s.professionalId}`} className="card">
              <h3>{s.teacherName} ↔ {s.professionalName}{s.professionalInstitution ? <span className="muted"> ({s.professionalInstitution})</span> : null}</h3>
              <p><span className="badge">{t('twinning.suggestion.score', { score: s.score })}</span></p>
              <ul>
                {s.reason.speeddate ? <li>{t('twinning.reason.speeddate', { title: s.reason.speeddate })}</li> : null}
                {s.reason.fields.length ? <li>{t('twinning.reason.fields', { fields: s.reason.fields.join(', ') })}</li> : null}
                {s.reason.words.length ? <li>{t('twinning.reason.words', { words: s.reason.words.join(', ') })}</li> : null}
              </ul>
              <button type="button" disabled={pair.isPending} onClick={() => pair.mutate(s)}>
                {overview.role === 'coordinator' ? t('twinning.suggestion.pair', { teacher: s.teacherName, professional: s.professionalName }) : t('twinning.suggestion.propose', { other: overview.role === 'teacher' ? s.professionalName : s.teacherName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /twinning — profile and goals, the twins, the suggestions (all of them for a coordinator). */
export function TwinningPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const query = useTwinning();
  return (
    <>
      <PageHeading title={t('twinning.title')} />
      <p className="lead">{t('twinning.intro')}</p>
      <QueryView query={query}>
        {(overview) => (
          <>
            <section className="section" aria-labelledby="twins-title">
              <h2 id="twins-title">{t('twinning.twins.title')}</h2>
              {overview.twins.length === 0 ? <p className="muted">{t('twinning.twins.none')}</p> : (
                <ul className="plain-list">
                  {overview.twins.map((tw) => (
                    <li key={tw.id}>
                      <Link to={`/twinning/${tw.id}`}>{tw.teacherName} ↔ {tw.professionalName}</Link>{' '}
                      <span className="badge">{t(`twinning.status.${tw.status}`)}</span>{' '}
                      <span className="muted">{t('twinning.twins.meetingsCount', { count: tw.meetings })}, {t('twinning.twins.hoursCount', { count: tw.hours })}</span>
                    </li>
                  ))}
                </ul>
              )}
              {overview.role === 'coordinator' ? (
                <p className="button-row">
                  <a href={`/api/networks/${networkId}/twinning/export?format=xlsx`} download>{t('twinning.export.xlsx')}</a>
                  <a href={`/api/networks/${networkId}/twinning/export?format=csv`} download>{t('twinning.export.csv')}</a>
                </p>
              ) : null}
            </section>
            {overview.role !== 'other' ? <Suggestions overview={overview} /> : null}
            {overview.role === 'teacher' || overview.role === 'professional' ? (
              <>
                <Goals overview={overview} />
                <ProfileForm overview={overview} />
              </>
            ) : null}
          </>
        )}
      </QueryView>
    </>
  );
}
