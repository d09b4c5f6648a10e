import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/page-heading.tsx';
import { providerLoginErrorCodes } from '../../../../../src/domain/foundation/identity-provider/schema.ts';

/** Where a login through an identity provider ends when it is refused: says why, and what to do. */
export function LoginFailedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const raw = params.get('code') ?? '';
  const code = (providerLoginErrorCodes as readonly string[]).includes(raw) ? raw : 'UNKNOWN';
  return (
    <>
      <PageHeading title={t('loginFailed.title')} />
      <div className="card" role="alert">
        <p>{t(`loginFailed.${code}`)}</p>
      </div>
      <p><Link to="/inloggen">{t('loginFailed.again')}</Link></p>
    </>
  );
}
