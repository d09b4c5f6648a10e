import { editionIsPublished } from '../../../../../src/domain/exchange/edition/rules.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { editionInputSchema } from '../../../../../src/domain/exchange/edition/schema.ts';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { SelectField, TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { useInstitutions } from '../../foundation/institution/queries.ts';
import { ek } from '../queries.ts';
import { dateAdd, mondayOf, todayInZone } from '../time.ts';
import type { Edition } from '../types.ts';
import { editionSchema } from '../../../../../src/domain/exchange/edition/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';

type Side = 'a' | 'b' | '';
interface AvoidRow { weekday: string; start: string; end: string }

const WEEKDAYS = [1, 2, 3, 4, 5];

function initialForm(edition: Edition | undefined) {
  const monday = dateAdd(mondayOf(todayInZone()), 7 * 6);
  return {
    name: edition?.name ?? '',
    description: edition?.description ?? '',
    sideALabel: edition?.sideALabel ?? 'mbo',
    sideBLabel: edition?.sideBLabel ?? 'hbo',
    windowStart: edition?.windowStart ?? monday,
    windowEnd: edition?.windowEnd ?? dateAdd(monday, 4),
    announcementDate: edition?.announcementDate ?? todayInZone(),
    registrationDeadline: edition?.registrationDeadline ?? dateAdd(monday, -14),
    creditedHours: String(edition?.creditedHours ?? 8),
    groupSize: edition?.groupSize ?? 'pair',
    avoidFirstLesson: edition?.rules.avoidFirstLesson ?? false,
    avoidLastLesson: edition?.rules.avoidLastLesson ?? false,
    dayStart: edition?.rules.dayStart ?? '08:00',
    dayEnd: edition?.rules.dayEnd ?? '17:30',
    maxVisitsPerDay: String(edition?.rules.maxVisitsPerDay ?? 1),
    maxGuestsPerHostPerDay: String(edition?.rules.maxGuestsPerHostPerDay ?? 1),
    hostCapacity: String(edition?.rules.hostCapacity ?? 1),
  };
}

/** Creates or edits an edition: dates, sides and institutions, the scheduling rules. */
export function EditionForm({ edition, onDone }: { edition?: Edition; onDone: (edition: Edition) => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const institutions = useInstitutions();
  const [form, setForm] = useState(() => initialForm(edition));
  const [sides, setSides] = useState<Record<string, Side> | null>(() =>
    edition ? Object.fromEntries(edition.institutions.map((i) => [i.institutionId, i.side])) : null,
  );
  const [avoid, setAvoid] = useState<AvoidRow[]>(() => (edition?.rules.avoid ?? []).map((a) => ({ weekday: String(a.weekday), start: a.start, end: a.end })));
  const [errors, setErrors] = useState<FieldErrors>({});
  const locked = edition ? editionIsPublished(edition.status) : false;

  const sideOf = (id: string, kind: string): Side => (sides ? sides[id] ?? '' : kind === 'mbo' ? 'a' : kind === 'hbo' ? 'b' : '');
  const save = useMutation({
    mutationFn: (input: unknown) =>
      edition ? api.patch(`/networks/${networkId}/editions/${edition.id}`, input, editionSchema) : api.post(`/networks/${networkId}/editions`, input, editionSchema),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ek(networkId) });
      onDone(saved);
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const check = (key: 'avoidFirstLesson' | 'avoidLastLesson') => (e: { target: { checked: boolean } }) => setForm({ ...form, [key]: e.target.checked });

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = (institutions.data ?? []).map((i) => ({ institutionId: i.id, side: sideOf(i.id, i.kind) })).filter((i) => i.side !== '');
    const input = {
      name: form.name, description: form.description, sideALabel: form.sideALabel, sideBLabel: form.sideBLabel,
      institutions: chosen,
      windowStart: form.windowStart, windowEnd: form.windowEnd, announcementDate: form.announcementDate, registrationDeadline: form.registrationDeadline,
      creditedHours: Number(form.creditedHours), groupSize: form.groupSize,
      rules: {
        avoidFirstLesson: form.avoidFirstLesson, avoidLastLesson: form.avoidLastLesson, dayStart: form.dayStart, dayEnd: form.dayEnd,
        avoid: avoid.map((a) => ({ weekday: Number(a.weekday), start: a.start, end: a.end })),
        maxVisitsPerDay: Number(form.maxVisitsPerDay), maxGuestsPerHostPerDay: Number(form.maxGuestsPerHostPerDay), hostCapacity: Number(form.hostCapacity),
      },
    };
    const parsed = formParse(editionInputSchema, input, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    const value: Record<string, unknown> = { ...parsed.value };
    if (locked) {
      for (const key of ['windowStart', 'windowEnd', 'institutions', 'rules', 'groupSize']) delete value[key];
    }
    save.mutate(value);
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={save.error} />
      {locked ? <p className="status status-warning">{t('exchange.form.locked')}</p> : null}
      <TextField label={t('exchange.form.name')} hint={t('exchange.form.nameHint')} required value={form.name} onChange={set('name')} error={errors.name} />
      <div className="field">
        <label htmlFor="edition-description">{t('exchange.form.description')}</label>
        <textarea id="edition-description" rows={3} value={form.description} onChange={set('description')} />
      </div>
      <fieldset>
        <legend>{t('exchange.form.dates')}</legend>
        <div className="filters">
          <TextField label={t('exchange.form.windowStart')} type="date" required disabled={locked} value={form.windowStart} onChange={set('windowStart')} error={errors.windowStart} />
          <TextField label={t('exchange.form.windowEnd')} type="date" required disabled={locked} value={form.windowEnd} onChange={set('windowEnd')} error={errors.windowEnd} hint={t('exchange.form.windowHint')} />
          <TextField label={t('exchange.form.announcementDate')} type="date" required value={form.announcementDate} onChange={set('announcementDate')} error={errors.announcementDate} />
          <TextField label={t('exchange.form.registrationDeadline')} type="date" required value={form.registrationDeadline} onChange={set('registrationDeadline')} error={errors.registrationDeadline} hint={t('exchange.form.deadlineHint')} />
        </div>
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('exchange.form.sides')}</legend>
        <div className="filters">
          <TextField label={t('exchange.form.sideALabel')} required value={form.sideALabel} onChange={set('sideALabel')} error={errors.sideALabel} />
          <TextField label={t('exchange.form.sideBLabel')} required value={form.sideBLabel} onChange={set('sideBLabel')} error={errors.sideBLabel} />
        </div>
        {institutions.isPending ? <Loading /> : null}
        <ErrorMessage error={institutions.error} />
        {institutions.data ? (
          <DataTable caption={t('exchange.form.institutionsCaption')} columns={[t('institution.name'), t('institution.kind'), t('exchange.form.side')]}>
            {institutions.data.filter((i) => i.kind !== 'company').map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.name}</th>
                <td>{t(`kind.${i.kind}`)}</td>
                <td>
                  <label className="sr-only" htmlFor={`side-${i.id}`}>{t('exchange.form.sideOf', { name: i.name })}</label>
                  <select id={`side-${i.id}`} value={sideOf(i.id, i.kind)} onChange={(e) => {
                    const base = sides ?? Object.fromEntries((institutions.data ?? []).map((x) => [x.id, sideOf(x.id, x.kind)]));
                    setSides({ ...base, [i.id]: e.target.value as Side });
                  }}>
                    <option value="">{t('exchange.form.sideNone')}</option>
                    <option value="a">{form.sideALabel || 'A'}</option>
                    <option value="b">{form.sideBLabel || 'B'}</option>
                  </select>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {errors.institutions ? <p className="field-error" role="alert">{errors.institutions}</p> : null}
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('exchange.form.rules')}</legend>
        <div className="filters">
          <TextField label={t('exchange.form.creditedHours')} type="number" min={0} max={200} value={form.creditedHours} onChange={set('creditedHours')} error={errors.creditedHours} />
          <SelectField label={t('exchange.form.groupSize')} value={form.groupSize} onChange={set('groupSize')}>
            <option value="pair">{t('exchange.form.pair')}</option>
            <option value="trio">{t('exchange.form.trio')}</option>
          </SelectField>
          <TextField label={t('exchange.form.dayStart')} type="time" value={form.dayStart} onChange={set('dayStart')} error={errors['rules.dayStart']} />
          <TextField label={t('exchange.form.dayEnd')} type="time" value={form.dayEnd} onChange={set('dayEnd')} error={errors['rules.dayEnd']} />
          <TextField label={t('exchange.form.maxVisitsPerDay')} type="number" min={1} max={4} value={form.maxVisitsPerDay} onChange={set('maxVisitsPerDay')} error={errors['rules.maxVisitsPerDay']} />
          <TextField label={t('exchange.form.maxGuestsPerHostPerDay')} type="number" min={1} max={4} value={form.maxGuestsPerHostPerDay} onChange={set('maxGuestsPerHostPerDay')} error={errors['rules.maxGuestsPerHostPerDay']} />
          <TextField label={t('exchange.form.hostCapacity')} type="number" min={1} max={5} value={form.hostCapacity} onChange={set('hostCapacity')} error={errors['rules.hostCapacity']} />
        </div>
        <div className="checkbox-group">
          <label className="checkbox"><input type="checkbox" checked={form.avoidFirstLesson} onChange={check('avoidFirstLesson')} />{t('exchange.form.avoidFirstLesson')}</label>
          <label className="checkbox"><input type="checkbox" checked={form.avoidLastLesson} onChange={check('avoidLastLesson')} />{t('exchange.form.avoidLastLesson')}</label>
        </div>
        <fieldset className="section">
          <legend>{t('exchange.form.avoid')}</legend>
          <p className="field-hint">{t('exchange.form.avoidHint')}</p>
          {avoid.length === 0 ? <p className="muted">{t('exchange.form.avoidEmpty')}</p> : null}
          {avoid.map((row, index) => (
            <div key={index} className="filters">
              <SelectField label={t('exchange.form.weekday')} value={row.weekday} onChange={(e) => setAvoid(avoid.map((a, i) => (i === index ? { ...a, weekday: e.target.value } : a)))}>
                {WEEKDAYS.map((d) => <option key={d} value={d}>{t(`exchange.weekday.${d}`)}</option>)}
              </SelectField>
              <TextField label={t('exchange.form.from')} type="time" value={row.start} onChange={(e) => setAvoid(avoid.map((a, i) => (i === index ? { ...a, start: e.target.value } : a)))} error={errors[`rules.avoid.${index}.start`]} />
              <TextField label={t('exchange.form.until')} type="time" value={row.end} onChange={(e) => setAvoid(avoid.map((a, i) => (i === index ? { ...a, end: e.target.value } : a)))} error={errors[`rules.avoid.${index}.end`]} />
              <div className="button-row">
                <button type="button" className="button-danger-outline button-small" onClick={() => setAvoid(avoid.filter((_, i) => i !== index))}>
                  {t('exchange.form.avoidRemove', { n: index + 1 })}
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="button-secondary button-small" onClick={() => setAvoid([...avoid, { weekday: '1', start: '15:00', end: '16:00' }])}>
            {t('exchange.form.avoidAdd')}
          </button>
        </fieldset>
      </fieldset>
      <SubmitRow busy={save.isPending} label={edition ? t('common.save') : t('exchange.list.create')} />
    </form>
  );
}
