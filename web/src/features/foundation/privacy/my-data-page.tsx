import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { erasurePlanSchema, erasureResultSchema } from '../../../../../src/domain/foundation/privacy/schema.ts';

// "Mijn gegevens": download everything Kruispunt holds about me; see what erasure does, then confirm it.
export function MyDataPage() {
  const { t } = useTranslation();
  const { me } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: ['erasure-plan'], queryFn: () => api.get('/auth/me/erasure', erasurePlanSchema) });
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const erase = useMutation({
    mutationFn: () => api.post('/auth/me/erasure', { email }, erasureResultSchema),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      navigate('/inloggen?verwijderd=1', { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (email.trim().toLowerCase() !== me.email.toLowerCase()) return setErrors({ email: t('myData.confirmMismatch') });
    setErrors({});
    erase.mutate();
  }

  return (
    <>
      <PageHeading title={t('myData.title')} />
      <section aria-labelledby="export-title" className="card section">
        <h2 id="export-title">{t('myData.exportTitle')}</h2>
        <p>{t('myData.exportIntro')}</p>
        <a className="button" href="/api/auth/me/export" download>{t('myData.exportButton')}</a>
      </section>
      <section aria-labelledby="erase-title" className="card section">
        <h2 id="erase-title">{t('myData.eraseTitle')}</h2>
        <p>{t('myData.eraseIntro')}</p>
        <QueryView query={plan} isEmpty={() => false}>
          {(p) => (
            <>
              <DataTable caption={t('myData.planCaption')} columns={[t('myData.table'), t('myData.rows'), t('myData.what'), t('myData.why')]}>
                {p.steps.map((s) => (
                  <tr key={`${s.table}-${s.erase}`}>
                    <td>{s.table}</td>
                    <td>{s.rows}</td>
                    <td>{t(`myData.erase.${s.erase}`)}</td>
                    <td>{s.note}</td>
                  </tr>
                ))}
              </DataTable>
              {p.blockedBy.length ? (
                <p className="status status-error" role="alert">
                  {t('myData.blocked', { networks: p.blockedBy.map((b) => b.networkName).join(', ') })}
                </p>
              ) : (
                <form onSubmit={submit} noValidate className="form">
                  <ErrorMessage error={erase.error} />
                  <TextField
                    label={t('myData.confirmLabel', { email: me.email })}
                    hint={t('myData.confirmHint')}
                    type="email"
                    autoComplete="off"
                    required
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                    error={errors.email}
                  />
                  <SubmitRow busy={erase.isPending} label={t('myData.eraseButton')} />
                </form>
              )}
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
