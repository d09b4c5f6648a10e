import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { internshipForms, offerInputSchema, offerKinds, offerSchema } from '../../../../../src/domain/offer/offer/schema.ts';
import { localToIso, ok } from '../queries.ts';
import { TextArea } from '../text-area.tsx';

/** /aanbod/nieuw — a host publishes an offer: kind, texts, fields, places, deadline, hours, a first session or "on request". */
export function OfferFormPage() {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const companyHost = caps.roles.includes('professional');
  const [form, setForm] = useState({
    kind: companyHost ? 'masterclass' : 'school_visit', title: '', description: '', fields: '', capacity: '12', deadline: '', hours: '4', preparation: '',
    onRequest: false, start: '', end: '', internshipForm: 'exploratory',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const save = useMutation({
    mutationFn: (input: unknown) => api.post(`/networks/${networkId}/offers`, input, offerSchema),
    onSuccess: (offer) => { void queryClient.invalidateQueries({ queryKey: ok(networkId) }); void navigate(`/aanbod/${offer.id}`); },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      kind: form.kind, title: form.title, description: form.description,
      iscedCodes: form.fields.split(',').map((s) => s.trim()).filter(Boolean), capacity: Number(form.capacity), deadline: form.deadline || null,
      creditedHours: Number(form.hours), preparation: form.preparation, onRequest: form.onRequest,
      internshipForm: form.kind === 'teacher_internship' ? form.internshipForm : null,
      sessions: form.onRequest || !form.start ? [] : [{ startAt: localToIso(form.start), endAt: localToIso(form.end) }],
    };
    const parsed = formParse(offerInputSchema, input, t);
    if (!parsed.ok) { setErrors(parsed.errors); return; }
    setErrors({});
    save.mutate(parsed.value);
  };
  return (
    <>
      <PageHeading title={t('offer.form.title')} />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField label={t('offer.form.kind')} value={form.kind} onChange={set('kind')} error={errors.kind}>
          {offerKinds.map((k) => <option key={k} value={k}>{t(`offer.kind.${k}`)}</option>)}
        </SelectField>
        <TextField label={t('offer.form.titleField')} value={form.title} onChange={set('title')} error={errors.title} required />
        <TextArea label={t('offer.form.description')} value={form.description} onChange={set('description')} />
        <TextField label={t('offer.form.fields')} hint={t('offer.form.fieldsHint')} value={form.fields} onChange={set('fields')} error={errors.iscedCodes ?? errors['iscedCodes.0']} />
        {form.kind === 'teacher_internship' ? (
          <SelectField label={t('offer.form.internshipForm')} value={form.internshipForm} onChange={set('internshipForm')}>
            {internshipForms.map((f) => <option key={f} value={f}>{t(`offer.internshipForm.${f}`)}</option>)}
          </SelectField>
        ) : null}
        <TextField label={t('offer.form.capacity')} type="number" min={1} max={500} value={form.capacity} onChange={set('capacity')} error={errors.capacity} required />
        <TextField label={t('offer.form.deadline')} type="date" value={form.deadline} onChange={set('deadline')} error={errors.deadline} />
        <TextField label={t('offer.form.hours')} type="number" min={0} max={80} step={0.5} value={form.hours} onChange={set('hours')} error={errors.creditedHours} />
        <TextArea label={t('offer.form.preparation')} value={form.preparation} onChange={set('preparation')} />
        <label className="checkbox">
          <input type="checkbox" checked={form.onRequest} onChange={(e) => setForm((f) => ({ ...f, onRequest: e.target.checked }))} /> {t('offer.form.onRequest')}
        </label>
        {!form.onRequest ? (
          <>
            <TextField label={t('offer.form.start')} type="datetime-local" value={form.start} onChange={set('start')} error={errors.sessions ?? errors['sessions.0.startAt']} required />
            <TextField label={t('offer.form.end')} type="datetime-local" value={form.end} onChange={set('end')} error={errors['sessions.0.endAt']} required />
          </>
        ) : null}
        <ErrorMessage error={save.error && Object.keys(errors).length === 0 ? save.error : null} />
        <SubmitRow label={t('offer.form.submit')} busy={save.isPending} />
      </form>
    </>
  );
}
