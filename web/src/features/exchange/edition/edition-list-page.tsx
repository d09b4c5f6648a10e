import { editionIsMatchable, editionIsPublished } from '../../../../../src/domain/exchange/edition/rules.ts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { EditionForm } from './edition-form.tsx';
import { EditionStatusBadge } from './status-badge.tsx';
import { ek, useEditions } from '../queries.ts';
import { formatDay } from '../time.ts';
import type { Edition } from '../types.ts';
import { editionSchema } from '../../../../../src/domain/exchange/edition/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { RowButton } from '../../../components/row-actions.tsx';

const TEACHER_VISIBLE = ['announced', 'registration_open', 'matching', 'published', 'running', 'evaluation', 'closed'];

function CoordinatorEditions({ editions }: { editions: Edition[] }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const copy = useMutation({
    mutationFn: (id: string) => api.post(`/networks/${networkId}/editions/${id}/copy`, {}, editionSchema),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ek(networkId) });
      navigate(`/uitwisseling/beheer/${created.id}`);
    },
  });
  const latest = editions[0];
  return (
    <section aria-labelledby="editions-manage" className="section">
      <div className="section-heading">
        <h2 id="editions-manage">{t('exchange.list.manageTitle')}</h2>
        <div className="button-row">
          {latest ? (
            <button type="button" className="button-secondary" onClick={() => copy.mutate(latest.id)} disabled={copy.isPending}>
              {copy.isPending ? t('common.busy') : t('exchange.list.copyLatest', { name: latest.name })}
            </button>
          ) : null}
          <button type="button" onClick={() => setCreating(true)}>{t('exchange.list.create')}</button>
        </div>
      </div>
      <ErrorMessage error={copy.error} />
      {editions.length === 0 ? (
        <EmptyState title={t('exchange.list.empty')}>
          <p>{t('exchange.list.emptyHelp')}</p>
        </EmptyState>
      ) : (
        <DataTable caption={t('exchange.list.manageTitle')} captionHidden columns={[t('exchange.form.name'), t('exchange.list.status'), t('exchange.list.window'), { label: t('exchange.list.registrations'), className: 'num' }, t('common.actions')]}>
          {editions.map((e) => (
            <tr key={e.id}>
              <th scope="row"><Link to={`/uitwisseling/beheer/${e.id}`}>{e.name}</Link></th>
              <td><EditionStatusBadge status={e.status} /></td>
              <td>{formatDay(e.windowStart, i18n.language)} – {formatDay(e.windowEnd, i18n.language)}</td>
              <td className="num">{e.registrations}</td>
              <td className="actions">
                <RowButton label={t('exchange.list.copy')} name={e.name} onClick={() => copy.mutate(e.id)} disabled={copy.isPending} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="field-hint">{t('exchange.list.copyHelp')}</p>
      <Dialog open={creating} title={t('exchange.list.create')} onClose={() => setCreating(false)}>
        <EditionForm onDone={(created) => { setCreating(false); navigate(`/uitwisseling/beheer/${created.id}`); }} />
      </Dialog>
    </section>
  );
}

function TeacherEditions({ editions }: { editions: Edition[] }) {
  const { t, i18n } = useTranslation();
  const { caps } = useNetwork();
  // "My timetable" only for those who have one in their menu (teachers).
  const teacher = caps.roles.includes('teacher');
  const shown = editions.filter((e) => TEACHER_VISIBLE.includes(e.status));
  return (
    <section aria-labelledby="editions-teacher" className="section">
      <h2 id="editions-teacher">{t('exchange.list.teacherTitle')}</h2>
      <p>{t('exchange.list.teacherIntro')}</p>
      {shown.length === 0 ? (
        <EmptyState title={t('exchange.list.teacherEmpty')}>
          <p>{t('exchange.list.teacherEmptyHelp')}</p>
        </EmptyState>
      ) : (
        <ul className="plain-list">
          {shown.map((e) => (
            <li key={e.id} className="card">
              <h3>{e.name}</h3>
              <p><EditionStatusBadge status={e.status} /> {t('exchange.list.windowText', { start: formatDay(e.windowStart, i18n.language), end: formatDay(e.windowEnd, i18n.language) })}</p>
              {e.description ? <p>{e.description}</p> : null}
              <div className="button-row">
                {e.status === 'registration_open' ? (
                  <Link to={`/uitwisseling/aanmelden/${e.id}`} className="button-link">{t('exchange.list.register')}<span className="sr-only"> {e.name}</span></Link>
                ) : null}
                {editionIsMatchable(e.status) || editionIsPublished(e.status) ? (
                  <Link to={`/uitwisseling/mijn/${e.id}`}>{t('exchange.list.mine')}<span className="sr-only"> {e.name}</span></Link>
                ) : null}
                {teacher ? <Link to="/rooster">{t('exchange.list.timetable')}</Link> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Uitwisseling": coordinators manage editions; teachers find the open ones and their own exchange. */
export function EditionListPage() {
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const editions = useEditions();
  const teacher = caps.roles.includes('teacher');
  return (
    <>
      <PageHeading title={t('exchange.list.title')} />
      <p className="lead">{t('exchange.list.intro')}</p>
      {editions.isPending ? <Loading /> : null}
      <ErrorMessage error={editions.error} />
      {editions.data && caps.manageNetwork ? <CoordinatorEditions editions={editions.data} /> : null}
      {editions.data && (teacher || !caps.manageNetwork) ? <TeacherEditions editions={editions.data} /> : null}
    </>
  );
}
