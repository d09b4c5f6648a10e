import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { ErrorMessage, Loading, EmptyState } from '../../../components/status.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { auditKindsSchema, auditPageSchema } from '../../../../../src/domain/foundation/network/schema.ts';

// The audit log for the beheerder and the network coordinator: filters, pages, CSV download.
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const [filter, setFilter] = useState({ action: '', entity: '', from: '', to: '' });
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const kinds = useQuery({ queryKey: nk(networkId, 'audit-kinds'), queryFn: () => api.get(`/networks/${networkId}/audit/kinds`, auditKindsSchema) });
  const pages = useInfiniteQuery({
    queryKey: nk(networkId, 'audit', query.toString()),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams(query);
      if (pageParam) q.set('cursor', pageParam);
      return api.get(`/networks/${networkId}/audit?${q.toString()}`, auditPageSchema);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (key: keyof typeof filter) => (e: { target: { value: string } }) => setFilter({ ...filter, [key]: e.target.value });

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <form className="form card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('audit.filters')}>
        <SelectField label={t('audit.action')} value={filter.action} onChange={set('action')}>
          <option value="">{t('audit.all')}</option>
          {(kinds.data?.actions ?? []).map((a) => <option key={a} value={a}>{a}</option>)}
        </SelectField>
        <SelectField label={t('audit.entity')} value={filter.entity} onChange={set('entity')}>
          <option value="">{t('audit.all')}</option>
          {(kinds.data?.entities ?? []).map((a) => <option key={a} value={a}>{a}</option>)}
        </SelectField>
        <TextField label={t('audit.from')} type="date" value={filter.from} onChange={set('from')} />
        <TextField label={t('audit.to')} type="date" value={filter.to} onChange={set('to')} />
      </form>
      <p><a className="button-secondary button" href={`/api/networks/${networkId}/audit.csv?${query.toString()}`} download>{t('audit.csv')}</a></p>
      <ErrorMessage error={pages.error} />
      {pages.isPending ? <Loading /> : entries.length === 0 ? <EmptyState title={t('audit.empty')} /> : (
        <DataTable caption={t('audit.caption')} captionHidden columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.entity'), t('audit.data')]}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, i18n.language)}</td>
              <td>{e.actorName ?? '—'}</td>
              <td>{e.action}</td>
              <td>{e.entity}</td>
              <td><code className="audit-data">{e.data == null ? '' : JSON.stringify(e.data)}</code></td>
            </tr>
          ))}
        </DataTable>
      )}
      {pages.hasNextPage ? (
        <button type="button" className="button-secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('audit.more')}</button>
      ) : null}
    </>
  );
}
