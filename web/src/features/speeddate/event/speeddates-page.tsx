import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { useSchemaForm } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { speeddateInputSchema, speeddateSchema } from '../../../../../src/domain/speeddate/event/schema.ts';
import { usePeople, useSpeeddates } from '../queries.ts';

function PeoplePicker({ legend, people, chosen, onChange }: { legend: string; people: { id: string; name: string; detail: string }[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset className="field">
      <legend>{legend} ({chosen.length})</legend>
      <ul className="plain-list picker">
        {people.map((p) => (
          <li key={p.id}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))} />{' '}
              {p.name} <span className="muted">{p.detail}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function CreateForm() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const people = usePeople(true);
  const [form, setForm] = useState({ title: '', date: '', startTime: '14:00', place: '', tableCount: '6', seatsPerTable: '3', roundMinutes: '7', changeoverMinutes: '2', breakAfterRound: '', breakMinutes: '0' });
  const [professionalIds, setProfessionalIds] = useState<string[]>([]);
  const [teacherIds, setTeacherIds] = useState<string[]>([]);
  const { errors, save, submit } = useSchemaForm(speeddateInputSchema, (input) => api.post(`/networks/${networkId}/speeddates`, input, speeddateSchema), (event) => void navigate(`/speeddates/${event.id}`));
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const withRole = (role: string) => (people.data ?? []).filter((p) => p.roles.some((r) => r.role === role)).map((p) => ({ id: p.id, name: p.name, detail: p.roles.find((r) => r.role === role)?.institutionName ?? '' }));
  return (
    <section className="section" aria-labelledby="new-title">
      <h2 id="new-title">{t('speeddate.create.title')}</h2>
      <form className="form" noValidate onSubmit={(e) => submit(e, {
        ...form, tableCount: num(form.tableCount), seatsPerTable: num(form.seatsPerTable), roundMinutes: num(form.roundMinutes), changeoverMinutes: num(form.changeoverMinutes),
        breakAfterRound: form.breakAfterRound ? Number(form.breakAfterRound) : null, breakMinutes: num(form.breakMinutes), professionalIds, teacherIds,
      })}>
        <TextField label={t('speeddate.field.title')} value={form.title} onChange={set('title')} error={errors.title} required />
        <TextField label={t('speeddate.field.date')} type="date" value={form.date} onChange={set('date')} error={errors.date} required />
        <TextField label={t('speeddate.field.startTime')} type="time" value={form.startTime} onChange={set('startTime')} error={errors.startTime} required />
        <TextField label={t('speeddate.field.place')} value={form.place} onChange={set('place')} error={errors.place} />
        <TextField label={t('speeddate.field.tableCount')} type="number" min={1} value={form.tableCount} onChange={set('tableCount')} error={errors.tableCount} />
        <TextField label={t('speeddate.field.seatsPerTable')} type="number" min={1} value={form.seatsPerTable} onChange={set('seatsPerTable')} error={errors.seatsPerTable} />
        <TextField label={t('speeddate.field.roundMinutes')} type="number" min={0} value={form.roundMinutes} onChange={set('roundMinutes')} error={errors.roundMinutes} />
        <TextField label={t('speeddate.field.changeoverMinutes')} type="number" min={0} value={form.changeoverMinutes} onChange={set('changeoverMinutes')} error={errors.changeoverMinutes} />
        <TextField label={t('speeddate.field.breakAfterRound')} type="number" min={1} value={form.breakAfterRound} onChange={set('breakAfterRound')} error={errors.breakAfterRound} hint={t('speeddate.field.breakHint')} />
        <TextField label={t('speeddate.field.breakMinutes')} type="number" min={0} value={form.breakMinutes} onChange={set('breakMinutes')} error={errors.breakMinutes} />
        <PeoplePicker legend={t('speeddate.field.professionals')} people={withRole('professional')} chosen={professionalIds} onChange={setProfessionalIds} />
        <PeoplePicker legend={t('speeddate.field.teachers')} people={withRole('teacher')} chosen={teacherIds} onChange={setTeacherIds} />
        <ErrorMessage error={save.error} />
        <SubmitRow label={t('speeddate.create.submit')} busy={save.isPending} />
      </form>
    </section>
  );
}

/** /speeddates — the events the user takes part in (all of them for a coordinator), and a new one. */
export function SpeeddatesPage() {
  const { t, i18n } = useTranslation();
  const { caps } = useNetwork();
  const events = useSpeeddates();
  return (
    <>
      <PageHeading title={t('speeddate.list.title')} />
      <p className="lead">{t('speeddate.list.intro')}</p>
      <QueryView query={events} emptyTitle={t('speeddate.list.empty')} emptyHelp={t('speeddate.list.emptyHelp')}>
        {(list) => (
          <ul className="card-list">
            {list.map((e) => (
              <li key={e.id} className="card">
                <h3><Link to={`/speeddates/${e.id}`}>{e.title}</Link></h3>
                <p className="muted">{formatDateTime(e.startAt, i18n.language)} · {e.place}</p>
                <p>{[t('speeddate.list.teachersCount', { count: e.teachers }), t('speeddate.list.professionalsCount', { count: e.professionals }), t('speeddate.list.roundsCount', { count: e.rounds })].join(', ')}{e.myStatus ? <> · <span className="badge">{t(`speeddate.status.${e.myStatus}`)}</span></> : null}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {caps.manageNetwork ? <CreateForm /> : null}
    </>
  );
}
