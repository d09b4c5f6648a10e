import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { TextField } from '../../../components/field.tsx';
import { ErrorMessage, Loading, QueryView } from '../../../components/status.tsx';
import { personSchema } from '../../../../../src/domain/foundation/person/schema.ts';
import { useRecord } from '../queries.ts';
import { TotalsSection } from './totals-section.tsx';
import { EntryList } from './entry-list.tsx';

/** /dossier/team — a team lead (or coordinator) picks a teacher of their institution. */
export function TeamRecordsPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const [filter, setFilter] = useState('');
  const people = useQuery({ queryKey: nk(networkId, 'people'), queryFn: () => api.get(`/networks/${networkId}/people`, z.array(personSchema)), enabled: Boolean(networkId) });
  const teachers = (people.data ?? []).filter((p) => p.roles.some((r) => r.role === 'teacher'))
    .filter((p) => !filter.trim() || p.name.toLowerCase().includes(filter.trim().toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <p><Link to="/dossier">{t('record.lead.back')}</Link></p>
      <PageHeading title={t('record.lead.listTitle')} />
      <p className="lead">{t('record.lead.listIntro')}</p>
      <div className="filters">
        <TextField label={t('record.lead.filter')} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <QueryView query={{ ...people, data: people.data ? teachers : undefined }} emptyTitle={t('record.lead.noTeachers')}>
        {(list) => (
          <ul className="link-list">
            {list.map((p) => (
              <li key={p.id}>
                <Link to={`/dossier/persoon/${p.id}`}>{p.name}</Link>{' '}
                <span className="muted">{[...new Set(p.roles.map((r) => r.institutionName).filter(Boolean))].join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}

/** /dossier/persoon/:personId — a teacher's record as a team lead sees it: totals and what the teacher chose to show. */
export function PersonRecordPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const record = useRecord(personId);
  return (
    <>
      <p><Link to="/dossier/team">{t('record.lead.backToList')}</Link></p>
      <PageHeading title={record.data ? t('record.lead.title', { name: record.data.person.name }) : t('record.lead.listTitle')} />
      {record.isPending ? <Loading /> : null}
      <ErrorMessage error={record.error} />
      {record.data ? (
        <>
          <p className="status status-warning">{record.data.access === 'lead' ? t('record.lead.privacy') : t('record.lead.own')}</p>
          <TotalsSection view={record.data} />
          <EntryList view={{ ...record.data, access: 'lead' }} />
        </>
      ) : null}
    </>
  );
}
