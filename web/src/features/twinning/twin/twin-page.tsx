import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { meetingForms, twinSchema, type Meeting, type Twin } from '../../../../../src/domain/twinning/twin/schema.ts';
import { tk, useFreeTime, useTwin } from '../queries.ts';
import { GoalItem } from './twinning-page.tsx';

function useTwinMutation(twin: Twin, method: 'post' | 'put', path: string) {
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api[method](`/networks/${networkId}${path}`, body, twinSchema),
    onSuccess: (data) => { queryClient.setQueryData(tk(networkId, 'twin', twin.id), data); void queryClient.invalidateQueries({ queryKey: tk(networkId, 'overview') }); },
  });
}

/** A local date-time input value (YYYY-MM-DDTHH:MM) for an instant, and back. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function PlanMeeting({ twin }: { twin: Twin }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<string>('workplace_visit');
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState('120');
  const [location, setLocation] = useState('');
  const [showFree, setShowFree] = useState(false);
  const free = useFreeTime(twin.id, Number(minutes) || 120, showFree);
  const plan = useTwinMutation(twin, 'post', `/twins/${twin.id}/meetings`);
  const errors = plan.error ? fieldErrorsFromApi(plan.error, t) : {};
  const submit = () => {
    const startAt = new Date(start);
    plan.mutate({ form, title, location, startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + (Number(minutes) || 60) * 60_000).toISOString() });
  };
  return (
    <section className="section" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('twinning.meeting.plan')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <SelectField label={t('twinning.meeting.form')} value={form} onChange={(e) => setForm(e.target.value)}>
          {meetingForms.map((f) => <option key={f} value={f}>{t(`twinning.form.${f}`)}</option>)}
        </SelectField>
        <TextField label={t('twinning.meeting.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <TextField label={t('twinning.meeting.minutes')} type="number" min={30} step={30} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <div className="field">
          <button type="button" className="secondary" onClick={() => setShowFree(true)}>{t('twinning.meeting.freeTime')}</button>
          {showFree && free.data ? (
            free.data.length === 0 ? <p className="muted">{t('twinning.meeting.noFreeTime')}</p> : (
              <ul className="plain-list button-row">
                {free.data.map((s) => <li key={s.startAt}><button type="button" className="secondary" onClick={() => setStart(toLocalInput(s.startAt))}>{formatDateTime(s.startAt, i18n.language)}</button></li>)}
              </ul>
            )
          ) : null}
        </div>
        <TextField label={t('twinning.meeting.start')} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} error={errors.startAt ?? errors.endAt} required />
        <TextField label={t('twinning.meeting.location')} value={location} onChange={(e) => setLocation(e.target.value)} />
        <ErrorMessage error={plan.error} />
        <SubmitRow label={t('twinning.meeting.submit')} busy={plan.isPending} disabled={!start} />
      </form>
    </section>
  );
}

function LogMeeting({ twin, meeting }: { twin: Twin; meeting: Meeting }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(meeting.notes);
  const [learned, setLearned] = useState(meeting.learned);
  const [hours, setHours] = useState(String(meeting.hours || Math.max(0.5, Math.round((Date.parse(meeting.endAt) - Date.parse(meeting.startAt)) / 1_800_000) / 2)));
  const log = useTwinMutation(twin, 'put', `/twin-meetings/${meeting.id}/log`);
  return (
    <details>
      <summary>{meeting.status === 'logged' ? t('twinning.meeting.editLog') : t('twinning.meeting.log')}</summary>
      <form className="form" onSubmit={(e) => { e.preventDefault(); log.mutate({ notes, learned, hours: Number(hours) }); }}>
        <TextField label={t('twinning.meeting.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <TextField label={t('twinning.meeting.learned')} value={learned} onChange={(e) => setLearned(e.target.value)} required />
        <TextField label={t('twinning.meeting.hours')} type="number" min={0.5} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} />
        <ErrorMessage error={log.error} />
        <SubmitRow label={t('twinning.meeting.saveLog')} busy={log.isPending} />
      </form>
    </details>
  );
}

function Evaluation({ twin }: { twin: Twin }) {
  const { t } = useTranslation();
  const mine = twin.myRole === 'teacher' ? twin.teacherEvaluation : twin.myRole === 'professional' ? twin.professionalEvaluation : null;
  const [text, setText] = useState(mine ?? '');
  const save = useTwinMutation(twin, 'put', `/twins/${twin.id}/evaluation`);
  return (
    <section className="section" aria-labelledby="eval-title">
      <h2 id="eval-title">{t('twinning.evaluation.title')}</h2>
      {twin.teacherEvaluation ? <p><strong>{twin.teacherName}:</strong> {twin.teacherEvaluation}</p> : null}
      {twin.professionalEvaluation ? <p><strong>{twin.professionalName}:</strong> {twin.professionalEvaluation}</p> : null}
      {twin.myRole !== 'coordinator' ? (
        <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ text }); }}>
          <TextField label={t('twinning.evaluation.mine')} value={text} onChange={(e) => setText(e.target.value)} />
          <ErrorMessage error={save.error} />
          {save.isSuccess ? <SuccessMessage>{t('twinning.evaluation.saved')}</SuccessMessage> : null}
          <SubmitRow label={t('twinning.evaluation.save')} busy={save.isPending} />
        </form>
      ) : null}
    </section>
  );
}

/** /twinning/:twinId — one twin: confirmation, goals of both, meetings (plan, log), evaluation. */
export function TwinPage() {
  const { twinId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useTwin(twinId);
  return (
    <QueryView query={query}>
      {(twin) => <TwinView twin={twin} t={t} language={i18n.language} />}
    </QueryView>
  );
}

function TwinView({ twin, t, language }: { twin: Twin; t: (k: string, o?: Record<string, unknown>) => string; language: string }) {
  const confirm = useTwinMutation(twin, 'post', `/twins/${twin.id}/confirm`);
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [cancelled, setCancelled] = useState('');
  // Calling off a planned meeting, asked first: both get the calendar's cancellation by e-mail.
  const cancelling = useConfirmAction(
    (m: Meeting) => api.post(`/networks/${networkId}/twin-meetings/${m.id}/cancel`, {}, twinSchema).then((data) => queryClient.setQueryData(tk(networkId, 'twin', twin.id), data)),
    (m) => setCancelled(m.title || t(`twinning.form.${m.form}`)),
  );
  return (
    <>
      <p><Link to="/twinning">{t('twinning.back')}</Link></p>
      <PageHeading title={`${twin.teacherName} ↔ ${twin.professionalName}`} />
      <p><span className="badge">{t(`twinning.status.${twin.status}`)}</span> <span className="muted">{t('twinning.twins.meetingsCount', { count: twin.meetings })}, {t('twinning.twins.hoursCount', { count: twin.hours })}</span></p>
      {twin.canConfirm ? (
        <div className="status status-warning">
          <p>{t('twinning.confirm.help')}</p>
          <ErrorMessage error={confirm.error} />
          <button type="button" disabled={confirm.isPending} onClick={() => confirm.mutate({})}>{t('twinning.confirm.button')}</button>
        </div>
      ) : null}
      <section className="section" aria-labelledby="goals-both">
        <h2 id="goals-both">{t('twinning.goal.both')}</h2>
        <h3>{twin.teacherName}</h3>
        {twin.teacherGoals.length ? <ul className="plain-list">{twin.teacherGoals.map((g) => <GoalItem key={g.id} goal={g} editable={twin.myRole === 'teacher'} />)}</ul> : <p className="muted">{t('twinning.goal.none')}</p>}
        <h3>{twin.professionalName}</h3>
        {twin.professionalGoals.length ? <ul className="plain-list">{twin.professionalGoals.map((g) => <GoalItem key={g.id} goal={g} editable={twin.myRole === 'professional'} />)}</ul> : <p className="muted">{t('twinning.goal.none')}</p>}
      </section>
      <section className="section" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('twinning.meeting.title')}</h2>
        {cancelled ? <SuccessMessage>{t('twinning.meeting.cancelled', { title: cancelled })}</SuccessMessage> : null}
        {twin.meetingList.length === 0 ? <p className="muted">{t('twinning.meeting.none')}</p> : (
          <ul className="plain-list">
            {twin.meetingList.map((m) => (
              <li key={m.id} className="card">
                <h3>{t(`twinning.form.${m.form}`)}{m.title ? ` — ${m.title}` : ''}</h3>
                <p className="muted">{formatDateTime(m.startAt, language)}{m.location ? ` · ${m.location}` : ''} · <span className="badge">{t(`twinning.meetingStatus.${m.status}`)}</span>{m.status === 'logged' ? ` · ${t('twinning.meeting.hoursValue', { count: m.hours })}` : ''}</p>
                {m.learned ? <p><strong>{t('twinning.meeting.learned')}:</strong> {m.learned}</p> : null}
                {m.notes ? <p>{m.notes}</p> : null}
                {Date.parse(m.startAt) <= Date.now() && twin.status !== 'proposed' ? <LogMeeting twin={twin} meeting={m} /> : null}
                {m.status === 'planned' && Date.parse(m.startAt) > Date.now() ? (
                  <p className="button-row"><button type="button" className="button-secondary" onClick={() => cancelling.ask(m)}>{t('twinning.meeting.cancel')}</button></p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        {...cancelling.dialog}
        title={t('twinning.meeting.cancelTitle')}
        message={cancelling.target ? t('twinning.meeting.cancelMessage', { when: formatDateTime(cancelling.target.startAt, language) }) : ''}
        confirmLabel={t('twinning.meeting.cancelConfirm')}
      />
      {twin.status === 'active' ? <PlanMeeting twin={twin} /> : null}
      {twin.status !== 'proposed' ? <Evaluation twin={twin} /> : null}
    </>
  );
}
