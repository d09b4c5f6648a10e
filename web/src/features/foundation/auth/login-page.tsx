import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { loginInputSchema } from '../../../../../src/domain/foundation/auth/schema.ts';
import { api } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, SuccessMessage } from '../../../components/status.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { useMe } from '../../../app/session.tsx';
import { demoInfoSchema } from '../../../../../src/domain/foundation/auth/schema.ts';
import { meSchema } from '../../../../../src/domain/foundation/person/schema.ts';
import { loginProviderSchema } from '../../../../../src/domain/foundation/identity-provider/schema.ts';
import { z } from 'zod';

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const me = useMe();
  const demo = useQuery({ queryKey: ['demo'], queryFn: () => api.get('/demo', demoInfoSchema), staleTime: Infinity });
  const providers = useQuery({ queryKey: ['login-providers'], queryFn: () => api.get('/auth/providers', z.array(loginProviderSchema)), staleTime: 60_000 });

  const login = useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post('/auth/login', input, meSchema),
    onSuccess: (me) => {
      queryClient.setQueryData(['me'], me);
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(loginInputSchema, { email, password }, t);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    login.mutate(parsed.value);
  }

  if (me.data && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <>
      <PageHeading title={t('login.title')} />
      {params.get('verwijderd') === '1' ? <SuccessMessage>{t('login.erased')}</SuccessMessage> : null}
      <p>{t('login.intro')}</p>
      {providers.data && providers.data.length > 0 ? (
        <section className="card login-providers" aria-labelledby="providers-title">
          <h2 id="providers-title">{t('login.providersTitle')}</h2>
          <ul className="demo-list">
            {providers.data.map((p) => (
              <li key={p.id}>
                <a className="button" href={`/api/auth/oidc/${p.id}/start`}>{t('login.providerButton', { name: p.name })}</a>
              </li>
            ))}
          </ul>
          <p>{t('login.orPassword')}</p>
        </section>
      ) : null}
      <form onSubmit={submit} noValidate className="form card">
        <ErrorMessage error={login.error} />
        <TextField label={t('login.email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <TextField label={t('login.password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <SubmitRow busy={login.isPending} label={t('login.submit')}>
          <Link to="/wachtwoord-vergeten">{t('login.forgot')}</Link>
        </SubmitRow>
      </form>
      {demo.data?.demo ? (
        <section className="card demo-logins" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('login.demoTitle')}</h2>
          <p>{t('login.demoIntro', { password: demo.data.logins[0]?.password ?? '' })}</p>
          <ul className="demo-list">
            {demo.data.logins.map((l) => (
              <li key={l.email}>
                <button type="button" className="button-secondary" disabled={login.isPending} onClick={() => login.mutate({ email: l.email, password: l.password })}>
                  {t('login.demoAs', { role: t(`role.${l.role}`) })}
                </button>
                <span className="demo-email">{l.email}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
