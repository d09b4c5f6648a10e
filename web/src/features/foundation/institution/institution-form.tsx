import { useTranslation } from 'react-i18next';
import { institutionInputSchema, institutionKinds, institutionSchema } from '../../../../../src/domain/foundation/institution/schema.ts';
import { api } from '../../../api/client.ts';
import type { Institution } from '../../../api/types.ts';
import { useInvalidateNetwork, useNetwork } from '../../../app/session.tsx';
import { useFormFields, useSchemaForm } from '../../../app/form-errors.ts';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';

/** Adds an institution (without `institution`) or edits one. */
export function InstitutionForm({ institution, onDone }: { institution?: Institution; onDone: (saved: Institution) => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const { form, set } = useFormFields({ name: institution?.name ?? '', kind: institution?.kind ?? 'mbo', brin: institution?.brin ?? '', website: institution?.website ?? '' });
  const { errors, save, submit } = useSchemaForm(
    institutionInputSchema,
    (input) =>
      institution
        ? api.patch(`/networks/${networkId}/institutions/${institution.id}`, input, institutionSchema)
        : api.post(`/networks/${networkId}/institutions`, input, institutionSchema),
    (saved) => {
      void invalidate();
      onDone(saved);
    },
  );
  return (
    <form onSubmit={(e) => submit(e, { name: form.name, kind: form.kind, brin: form.brin.trim() || null, website: form.website.trim() || null })} noValidate className="form">
      <ErrorMessage error={save.error} />
      <TextField label={t('institution.name')} required value={form.name} onChange={set('name')} error={errors.name} />
      <SelectField label={t('institution.kind')} required value={form.kind} onChange={set('kind')} error={errors.kind}>
        {institutionKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('institution.brin')} hint={t('institution.brinHint')} value={form.brin} onChange={set('brin')} error={errors.brin} />
      <TextField label={t('institution.website')} hint={t('institution.websiteHint')} type="url" value={form.website} onChange={set('website')} error={errors.website} />
      <SubmitRow busy={save.isPending} label={institution ? t('common.save') : t('institution.create')} />
    </form>
  );
}
