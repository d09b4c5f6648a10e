import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { useSchemaForm } from '../../../app/form-errors.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { recordManualInputSchema, recordViewSchema, RECORD_HOURS_MAX, type RecordEntry, type RecordManualInput } from '../../../../../src/domain/record/entry/schema.ts';
import { rk } from '../queries.ts';

const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/**
 * Adds an activity by hand, with its evidence, or edits one in place (PATCH with only the fields
 * that changed, so its certificate, badge and choices keep pointing to it); an activity that
 * already has a badge keeps its facts (the badge names them) and only its classification and note change.
 */
export function ActivityDialog({ open, entry, onClose, onSaved }: { open: boolean; entry: RecordEntry | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const locked = Boolean(entry?.credential && !entry.credential.revoked);
  const [form, setForm] = useState(() => ({
    title: entry?.title ?? '', date: entry?.date.slice(0, 10) ?? '', hours: entry ? String(entry.hours) : '', contactHours: entry ? String(entry.contactHours) : '',
    primaryProcess: entry?.primaryProcess ?? true, subjectSpecific: entry?.subjectSpecific ?? false, evidenceUrl: entry?.evidenceUrl ?? '', evidenceNote: entry?.evidenceNote ?? '',
  }));
  const text = (key: 'title' | 'date' | 'hours' | 'contactHours' | 'evidenceUrl' | 'evidenceNote') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: rk(networkId) });
  const { errors, setErrors, save, submit } = useSchemaForm(recordManualInputSchema, async (input: RecordManualInput) => {
    if (!entry) return api.post(`/networks/${networkId}/record/activities`, input, recordViewSchema);
    const editable = locked ? (['primaryProcess', 'subjectSpecific', 'evidenceNote'] as const) : (Object.keys(input) as (keyof RecordManualInput)[]);
    const current: RecordManualInput = { ...entry, date: entry.date.slice(0, 10) };
    const changes = Object.fromEntries(editable.filter((k) => input[k] !== current[k]).map((k) => [k, input[k]]));
    if (Object.keys(changes).length === 0) return null;
    return api.patch(`/networks/${networkId}/record/activities/${entry.sourceId}`, changes, recordViewSchema);
  }, () => {
    void refresh();
    onSaved(entry ? t('record.form.updated') : t('record.form.added'));
    onClose();
  });
  return (
    <Dialog open={open} title={entry ? t('record.form.editTitle') : t('record.form.addTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => {
        const hours = toNumber(form.hours);
        const contactHours = form.contactHours.trim() === '' ? 0 : toNumber(form.contactHours);
        if (Number.isFinite(hours) && Number.isFinite(contactHours) && contactHours > hours) {
          event.preventDefault();
          setErrors({ contactHours: t('record.form.contactExceeds') });
          return;
        }
        submit(event, { ...form, hours, contactHours, evidenceUrl: form.evidenceUrl.trim() || null });
      }}>
        {locked ? <p className="status status-warning">{t('record.form.locked')}</p> : null}
        <TextField label={t('record.form.title')} value={form.title} onChange={text('title')} error={errors.title} required disabled={locked} maxLength={200} />
        <TextField label={t('record.form.date')} type="date" value={form.date} onChange={text('date')} error={errors.date} required disabled={locked} />
        <TextField label={t('record.form.hours')} inputMode="decimal" value={form.hours} onChange={text('hours')} error={errors.hours} hint={t('record.form.hoursHint', { max: RECORD_HOURS_MAX })} required disabled={locked} />
        <TextField label={t('record.form.contactHours')} inputMode="decimal" value={form.contactHours} onChange={text('contactHours')} error={errors.contactHours} hint={t('record.form.contactHint')} disabled={locked} />
        <fieldset>
          <legend>{t('record.form.classification')}</legend>
          <div className="checkbox-group">
            <label className="checkbox"><input type="checkbox" checked={form.primaryProcess} onChange={(e) => setForm((f) => ({ ...f, primaryProcess: e.target.checked }))} /> {t('record.form.primaryProcess')}</label>
            <label className="checkbox"><input type="checkbox" checked={form.subjectSpecific} onChange={(e) => setForm((f) => ({ ...f, subjectSpecific: e.target.checked }))} /> {t('record.form.subjectSpecific')}</label>
          </div>
        </fieldset>
        <TextField label={t('record.form.evidenceUrl')} type="url" value={form.evidenceUrl} onChange={text('evidenceUrl')} error={errors.evidenceUrl} hint={t('record.form.evidenceUrlHint')} disabled={locked} />
        <div className="field">
          <label htmlFor="record-evidence-note">{t('record.form.evidenceNote')}</label>
          <textarea id="record-evidence-note" rows={3} value={form.evidenceNote} onChange={text('evidenceNote')} maxLength={2000}
            aria-invalid={errors.evidenceNote ? true : undefined} aria-describedby={errors.evidenceNote ? 'record-evidence-note-error' : undefined} />
          {errors.evidenceNote ? <span className="field-error" id="record-evidence-note-error" role="alert">{errors.evidenceNote}</span> : null}
        </div>
        <ErrorMessage error={Object.keys(errors).length ? null : save.error} />
        <SubmitRow label={entry ? t('record.form.save') : t('record.form.add')} busy={save.isPending}>
          <button type="button" className="button-secondary" onClick={onClose}>{t('common.cancel')}</button>
        </SubmitRow>
      </form>
    </Dialog>
  );
}
