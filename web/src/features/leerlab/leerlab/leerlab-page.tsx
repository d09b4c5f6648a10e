import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { leerlabSchema, closedDaysImportReportSchema, type Leerlab } from '../../../../../src/domain/leerlab/leerlab/schema.ts';
import { leerlabPath, lk, useLeerlab } from '../queries.ts';
import { LeerlabNav } from './leerlab-nav.tsx';
import { PeopleSection } from './people-section.tsx';
import { PracticeExampleLink } from '../../../components/practice-example-link.tsx';

const DAY_WORDS: Record<string, number> = { ma: 1, di: 2, wo: 3, do: 4, vr: 5, mo: 1, tu: 2, we: 3, th: 4, fr: 5 };

/** "ma 08:30-10:00" per line ↔ lessons. */
function lessonsToText(lessons: Leerlab['classes'][number]['lessons'], language: string): string {
  const words = language === 'en' ? ['mo', 'tu', 'we', 'th', 'fr'] : ['ma', 'di', 'wo', 'do', 'vr'];
  return lessons.map((l) => `${words[l.weekday - 1]} ${l.start}-${l.end}`).join('\n');
}
function textToLessons(text: string): { weekday: number; start: string; end: string }[] | null {
  const out: { weekday: number; start: string; end: string }[] = [];
  for (const line of text.split('\n').map((x) => x.trim()).filter(Boolean)) {
    const m = /^([a-z]{2})\w*\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/i.exec(line);
    const weekday = m ? DAY_WORDS[m[1]!.toLowerCase()] : undefined;
    if (!m || !weekday) return null;
    out.push({ weekday, start: m[2]!.padStart(5, '0'), end: m[3]!.padStart(5, '0') });
  }
  return out;
}

function ClassTimetable({ leerlab, cls, canEdit }: { leerlab: Leerlab; cls: Leerlab['classes'][number]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => lessonsToText(cls.lessons, i18n.language));
  const [bad, setBad] = useState(false);
  const save = useMutation({
    mutationFn: (lessons: unknown) => api.put(leerlabPath(networkId, leerlab.id, `/classes/${cls.id}/lessons`), { lessons }, leerlabSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id) }),
  });
  const id = `ll-class-${cls.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lessons = textToLessons(text);
    setBad(lessons === null);
    if (lessons) save.mutate(lessons);
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('leerlab.overview.classLessons', { name: cls.name, count: cls.pupils })}</label>
        <p className="field-hint" id={`${id}-hint`}>{t('leerlab.overview.lessonsHint')}</p>
        <textarea id={id} rows={5} aria-describedby={`${id}-hint${bad ? ` ${id}-error` : ''}`} value={text} onChange={(e) => setText(e.target.value)} readOnly={!canEdit} />
        {bad ? <p className="field-error" id={`${id}-error`} role="alert">{t('leerlab.overview.lessonsInvalid')}</p> : null}
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('leerlab.overview.saved')}</SuccessMessage> : null}
      {canEdit ? <SubmitRow label={t('leerlab.overview.saveLessons', { name: cls.name })} busy={save.isPending} /> : null}
    </form>
  );
}

function Settings({ leerlab }: { leerlab: Leerlab }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [travel, setTravel] = useState(String(leerlab.travelMinutes));
  const [retention, setRetention] = useState(String(leerlab.retentionMonths));
  const save = useMutation({
    mutationFn: () => api.patch(leerlabPath(networkId, leerlab.id), { travelMinutes: Number(travel), retentionMonths: Number(retention) }, leerlabSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id) }),
  });
  return (
    <form className="form card" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-labelledby="ll-settings-title">
      <h2 id="ll-settings-title">{t('leerlab.overview.settings')}</h2>
      <TextField type="number" min={0} max={180} label={t('leerlab.overview.travel')} value={travel} onChange={(e) => setTravel(e.target.value)}
        hint={leerlab.travelComputed !== null ? t('leerlab.overview.travelComputed', { minutes: leerlab.travelComputed, mode: t(`leerlab.travel.${leerlab.travelMode}`) }) : t('leerlab.overview.travelNoCoordinates')} />
      <TextField type="number" min={1} max={60} label={t('leerlab.overview.retention')} value={retention} onChange={(e) => setRetention(e.target.value)} hint={t('leerlab.overview.retentionHint', { date: leerlab.pupilsRemoveOn })} />
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('leerlab.overview.saved')}</SuccessMessage> : null}
      <SubmitRow label={t('leerlab.overview.saveSettings')} busy={save.isPending} />
    </form>
  );
}

function Holidays({ leerlab }: { leerlab: Leerlab }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const load = useMutation({
    mutationFn: () => api.post(leerlabPath(networkId, leerlab.id, '/closed-days/csv'), { csv }, closedDaysImportReportSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id) }),
  });
  return (
    <section className="card" aria-labelledby="ll-holidays-title">
      <h2 id="ll-holidays-title">{t('leerlab.overview.holidays')}</h2>
      {leerlab.closedDays.length === 0 ? <p className="muted">{t('leerlab.overview.noHolidays')}</p> : (
        <p>{t('leerlab.overview.holidayCount', { count: leerlab.closedDays.length, first: leerlab.closedDays[0]!.date, last: leerlab.closedDays.at(-1)!.date })}</p>
      )}
      <form className="form" onSubmit={(e) => { e.preventDefault(); load.mutate(); }}>
        <div className="field">
          <label htmlFor="ll-holiday-csv">{t('leerlab.overview.holidayCsv')}</label>
          <p className="field-hint" id="ll-holiday-hint">{t('leerlab.overview.holidayHint')}</p>
          <textarea id="ll-holiday-csv" aria-describedby="ll-holiday-hint" rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <ErrorMessage error={load.error} />
        {load.data ? (
          <div role="status">
            <p className="status status-success">{t('leerlab.overview.holidayAdded', { count: load.data.added })}</p>
            <ul className="plain-list">{load.data.rows.filter((r) => r.status !== 'added').map((r) => <li key={r.row}>{t('leerlab.overview.row', { row: r.row })}: {r.message}</li>)}</ul>
          </div>
        ) : null}
        <SubmitRow label={t('leerlab.overview.holidaySubmit')} busy={load.isPending} disabled={csv.trim() === ''} />
      </form>
    </section>
  );
}

export function LeerlabPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const leerlab = useLeerlab(id);
  const { caps } = useNetwork();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return (
    <QueryView query={leerlab}>
      {(l) => {
        const coordinator = l.myRole === 'coordinator';
        return (
          <>
            <PageHeading title={l.name} />
            <LeerlabNav id={l.id} coordinator={coordinator} />
            {caps.manageNetwork && l.lastDate < today ? <PracticeExampleLink source="leerlab" id={l.id} /> : null}
            <dl className="facts">
              <dt>{t('leerlab.overview.partners')}</dt><dd>{l.partners.map((p) => `${p.name} (${p.side})`).join(', ')}</dd>
              <dt>{t('leerlab.overview.programme')}</dt><dd>{t('leerlab.overview.programmeText', { pgp: l.pgp, keuzedeel: l.keuzedeelName, code: l.keuzedeelCode || '—' })}</dd>
              <dt>{t('leerlab.overview.cohort')}</dt><dd>{t('leerlab.overview.cohortText', { year: l.cohortYear, classes: l.classes.map((c) => c.name).join(', '), schoolYear: l.schoolYear, first: l.firstDate, last: l.lastDate })}</dd>
              <dt>{t('leerlab.overview.parts')}</dt><dd>{l.parts.map((p) => `${p.name} (${p.hours} u)`).join(', ') || '—'}</dd>
              <dt>{t('leerlab.overview.people')}</dt><dd>{l.staff.map((s) => `${s.name} (${t(`leerlab.role.${s.role}`)})`).join(', ') || '—'}</dd>
              <dt>{t('leerlab.overview.locations')}</dt><dd>{[l.locations.vo?.address, l.locations.mbo?.address].filter(Boolean).join(' ↔ ') || '—'} · {t('leerlab.overview.travelShort', { minutes: l.travelMinutes })}</dd>
              <dt>{t('leerlab.overview.retentionShort')}</dt><dd>{l.pupilsRemovedAt ? t('leerlab.overview.removed') : t('leerlab.overview.removeOn', { date: l.pupilsRemoveOn })}</dd>
            </dl>
            {coordinator ? <Settings leerlab={l} /> : null}
            {coordinator ? <PeopleSection leerlab={l} /> : null}
            <section className="card" aria-labelledby="ll-classes-title">
              <h2 id="ll-classes-title">{t('leerlab.overview.classes')}</h2>
              {l.classes.map((c) => <ClassTimetable key={c.id} leerlab={l} cls={c} canEdit={coordinator} />)}
            </section>
            {coordinator ? <Holidays leerlab={l} /> : null}
          </>
        );
      }}
    </QueryView>
  );
}
