import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { learningWishes, registrationInputSchema } from '../../../../../src/domain/exchange/registration/schema.ts';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { SelectField, TextField, SubmitRow } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { useLocations, useProgrammes } from '../../foundation/institution/queries.ts';
import { ek, useEdition, useMyRegistration } from '../queries.ts';
import { dateAdd, formatDay, isoWeekday } from '../time.ts';
import type { Edition, Registration } from '../types.ts';
import { registrationSchema } from '../../../../../src/domain/exchange/registration/schema.ts';

const TRAVEL = ['walk', 'bike', 'car', 'transit'] as const;

function windowDates(edition: Edition): string[] {
  const out: string[] = [];
  for (let d = edition.windowStart; d <= edition.windowEnd && out.length < 60; d = dateAdd(d, 1)) if (isoWeekday(d) <= 5) out.push(d);
  return out;
}

function CheckboxGroup({ legend, hint, error, options, value, onChange }: {
  legend: string; hint?: string; error?: string | undefined; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void;
}) {
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <div className="checkbox-group">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </fieldset>
  );
}

function RegisterForm({ edition, existing, institutionId }: { edition: Edition; existing: Registration | null; institutionId: string }) {
  const { t, i18n } = useTranslation();
  const { networkId, me } = useNetwork();
  const queryClient = useQueryClient();
  const programmes = useProgrammes(institutionId);
  const locations = useLocations(institutionId);
  const [form, setForm] = useState({
    programmeIds: existing?.programmeIds ?? [],
    wishes: (existing?.wishes ?? []) as string[],
    travelMode: existing?.travelMode ?? 'transit',
    maxTravelMinutes: String(existing?.maxTravelMinutes ?? 45),
    baseLocationId: existing?.baseLocationId ?? '',
    unavailableDates: existing?.unavailableDates ?? [],
    note: existing?.note ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [withdrawing, setWithdrawing] = useState(false);
  const [saved, setSaved] = useState<Registration | null>(null);
  useEffect(() => {
    if (!existing && programmes.data?.length === 1 && form.programmeIds.length === 0) setForm((f) => ({ ...f, programmeIds: [programmes.data![0]!.id] }));
  }, [programmes.data, existing, form.programmeIds.length]);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ek(networkId) });
  const save = useMutation({
    mutationFn: (input: unknown) => api.put(`/networks/${networkId}/editions/${edition.id}/registrations/${me.id}`, input, registrationSchema),
    onSuccess: (r) => { setSaved(r); void invalidate(); },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const withdraw = useMutation({
    mutationFn: () => api.delete(`/networks/${networkId}/editions/${edition.id}/registrations/${me.id}`),
    onSuccess: () => { setWithdrawing(false); setSaved(null); void invalidate(); },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const parsed = formParse(registrationInputSchema, {
      programmeIds: form.programmeIds, wishes: form.wishes, preferredPersonIds: existing?.preferredPersonIds ?? [], travelMode: form.travelMode,
      maxTravelMinutes: Number(form.maxTravelMinutes), baseLocationId: form.baseLocationId || null, unavailableDates: form.unavailableDates, note: form.note,
    }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value);
  }
  const current = saved ?? existing;
  return (
    <>
      {current ? (
        <div className={current.lessonsInWindow === 0 ? 'status status-warning' : 'status status-success'} role="status">
          <p>{saved ? t('exchange.register.saved') : t('exchange.register.already')}</p>
          <p>
            {current.lessonsInWindow === 0 ? t('exchange.register.noLessons') : t('exchange.registrations.lessons', { count: current.lessonsInWindow })}{' '}
            <Link to={`/rooster?week=${edition.windowStart}`}>{t('exchange.register.toTimetable')}</Link>
          </p>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate className="form section">
        <ErrorMessage error={save.error} />
        {programmes.isPending || locations.isPending ? <Loading /> : null}
        <CheckboxGroup
          legend={t('exchange.register.programmes')} hint={t('exchange.register.programmesHint')} error={errors.programmeIds}
          options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={form.programmeIds} onChange={(v) => setForm({ ...form, programmeIds: v })}
        />
        <CheckboxGroup
          legend={t('exchange.register.wishes')} hint={t('exchange.register.wishesHint')} error={errors.wishes}
          options={learningWishes.map((w) => ({ value: w, label: t(`exchange.wish.${w}`) }))}
          value={form.wishes} onChange={(v) => setForm({ ...form, wishes: v })}
        />
        <div className="filters">
          <SelectField label={t('exchange.register.travelMode')} value={form.travelMode} onChange={(e) => setForm({ ...form, travelMode: e.target.value as typeof form.travelMode })}>
            {TRAVEL.map((m) => <option key={m} value={m}>{t(`exchange.travel.${m}`)}</option>)}
          </SelectField>
          <TextField label={t('exchange.register.maxTravel')} hint={t('exchange.register.maxTravelHint')} type="number" min={5} max={180} value={form.maxTravelMinutes}
            onChange={(e) => setForm({ ...form, maxTravelMinutes: e.target.value })} error={errors.maxTravelMinutes} />
          <SelectField label={t('exchange.register.baseLocation')} hint={t('exchange.register.baseLocationHint')} value={form.baseLocationId} onChange={(e) => setForm({ ...form, baseLocationId: e.target.value })} error={errors.baseLocationId}>
            <option value="">{t('exchange.register.baseLocationDefault')}</option>
            {(locations.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}, {l.city}</option>)}
          </SelectField>
        </div>
        <CheckboxGroup
          legend={t('exchange.register.unavailable')} hint={t('exchange.register.unavailableHint')} error={errors.unavailableDates}
          options={windowDates(edition).map((d) => ({ value: d, label: formatDay(d, i18n.language) }))}
          value={form.unavailableDates} onChange={(v) => setForm({ ...form, unavailableDates: v })}
        />
        <div className="field">
          <label htmlFor="registration-note">{t('exchange.register.note')}</label>
          <textarea id="registration-note" rows={3} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} aria-describedby="registration-note-hint" />
          <span className="field-hint" id="registration-note-hint">{t('exchange.register.noteHint')}</span>
        </div>
        <SubmitRow busy={save.isPending} label={current ? t('exchange.register.update') : t('exchange.register.submit')}>
          {current ? <button type="button" className="button-danger-outline" onClick={() => { withdraw.reset(); setWithdrawing(true); }}>{t('exchange.register.withdraw')}</button> : null}
        </SubmitRow>
      </form>
      {withdraw.isSuccess ? <SuccessMessage>{t('exchange.register.withdrawn')}</SuccessMessage> : null}
      <ConfirmDialog
        open={withdrawing}
        title={t('exchange.register.withdrawTitle')}
        message={t('exchange.register.withdrawMessage', { name: edition.name })}
        confirmLabel={t('exchange.register.withdraw')}
        busy={withdraw.isPending}
        error={<ErrorMessage error={withdraw.error} />}
        onConfirm={() => withdraw.mutate()}
        onClose={() => setWithdrawing(false)}
      />
    </>
  );
}

/** A teacher registers for an edition: programmes, learning wishes, travel, unavailable days. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { editionId = '' } = useParams();
  const { me, networkId } = useNetwork();
  const edition = useEdition(editionId);
  const mine = useMyRegistration(editionId);
  const e = edition.data;
  const teaching = me.memberships.find((m) => m.networkId === networkId && m.role === 'teacher' && e?.institutions.some((i) => i.institutionId === m.institutionId));
  return (
    <>
      <p><Link to="/uitwisseling">{t('exchange.detail.back')}</Link></p>
      <PageHeading title={e ? t('exchange.register.title', { name: e.name }) : t('exchange.list.title')} />
      {edition.isPending || mine.isPending ? <Loading /> : null}
      <ErrorMessage error={edition.error ?? mine.error} />
      {e ? (
        <>
          <p className="lead">{t('exchange.register.intro', { start: formatDay(e.windowStart, i18n.language), end: formatDay(e.windowEnd, i18n.language), deadline: formatDay(e.registrationDeadline, i18n.language), hours: e.creditedHours })}</p>
          {e.description ? <p>{e.description}</p> : null}
          {e.status !== 'registration_open' && !mine.data ? (
            <EmptyState title={t('exchange.register.closed')}><p>{t('exchange.register.closedHelp', { status: t(`exchange.status.${e.status}`) })}</p></EmptyState>
          ) : !teaching?.institutionId ? (
            <EmptyState title={t('exchange.register.notParticipating')}><p>{t('exchange.register.notParticipatingHelp')}</p></EmptyState>
          ) : mine.isSuccess ? (
            e.status === 'registration_open' ? <RegisterForm edition={e} existing={mine.data} institutionId={teaching.institutionId} /> : (
              <p className="status status-success">{t('exchange.register.already')} <Link to={`/uitwisseling/mijn/${e.id}`}>{t('exchange.list.mine')}</Link></p>
            )
          ) : null}
        </>
      ) : null}
    </>
  );
}
