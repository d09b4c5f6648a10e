import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="status status-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed request: the server's translated message, or our own for network trouble. */
export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK_ERROR') return t('error.network');
    if (error.code === 'RESPONSE_INVALID') return t('error.response');
    return error.message || t('error.generic');
  }
  return t('error.generic');
}

export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="status status-error" role="alert" id={id}>
      {errorText(error, t)}
    </p>
  );
}

export function SuccessMessage({ children }: { children: string }) {
  return (
    <p className="status status-success" role="status">
      {children}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}
