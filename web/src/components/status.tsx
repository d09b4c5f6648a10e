import type { ReactNode } from 'react';
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

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** What QueryView needs of a TanStack query. */
export interface QueryLike<T> {
  isPending: boolean;
  error: unknown;
  data: T | undefined;
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * The loading, error and empty states of one query, then its data: the loading line while
 * it is under way, the error when it failed, `empty` when it came back empty, else `children`.
 */
export function QueryView<T>({ query, empty, emptyTitle, emptyHelp, isEmpty = isEmptyList, children }: {
  query: QueryLike<T>;
  /** The empty state, or its title and one paragraph of help. */
  empty?: ReactNode;
  emptyTitle?: string;
  emptyHelp?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { data } = query;
  if (emptyTitle !== undefined) empty = <EmptyState title={emptyTitle}>{emptyHelp !== undefined ? <p>{emptyHelp}</p> : null}</EmptyState>;
  return (
    <>
      {query.isPending ? <Loading /> : null}
      <ErrorMessage error={query.error} />
      {data !== undefined && isEmpty(data) ? empty : null}
      {data !== undefined && !isEmpty(data) ? children(data) : null}
    </>
  );
}
