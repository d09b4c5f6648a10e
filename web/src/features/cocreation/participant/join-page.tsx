import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { joinResultSchema } from '../../../../../src/domain/cocreation/participant/schema.ts';

/** Joining from a phone: the code (from the QR link or typed) and a name; nothing else. */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const join = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const joined = await api.post('/cocreation/join', { code, ...(name.trim() ? { displayName: name } : {}) }, joinResultSchema);
      void navigate(`/meedoen/${joined.sessionId}`);
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ') : t('cocreation.error'));
    }
  };
  return (
    <>
      <PageHeading title={t('cocreation.join.title')} />
      <p>{t('cocreation.join.intro')}</p>
      <form className="form" onSubmit={join}>
        <div className="field">
          <label htmlFor="join-code">{t('cocreation.join.code')}</label>
          <input id="join-code" value={code} onChange={(e) => setCode(e.target.value)} required maxLength={20} autoCapitalize="characters" autoComplete="off" style={{ fontSize: '1.4rem', letterSpacing: '0.15em' }} />
        </div>
        <div className="field">
          <label htmlFor="join-name">{t('cocreation.join.name')}</label>
          <input id="join-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="nickname" />
          <p className="field-hint">{t('cocreation.join.nameHint')}</p>
        </div>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="button-row"><button type="submit" className="button">{t('cocreation.join.submit')}</button></div>
      </form>
    </>
  );
}
