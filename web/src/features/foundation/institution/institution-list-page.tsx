import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { QueryView } from '../../../components/status.tsx';
import { InstitutionForm } from './institution-form.tsx';
import { useInstitutions } from './queries.ts';

export function InstitutionListPage() {
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const navigate = useNavigate();
  const institutions = useInstitutions();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeading title={t('institution.listTitle')}>
        {caps.manageNetwork ? (
          <button type="button" onClick={() => setCreating(true)}>
            {t('institution.add')}
          </button>
        ) : null}
      </PageHeading>
      <p>{t('institution.listIntro')}</p>
      <QueryView query={institutions} emptyTitle={t('institution.empty')} emptyHelp={caps.manageNetwork ? t('institution.emptyHelpManager') : t('institution.emptyHelp')}>
        {(list) => (
          <DataTable
            caption={t('institution.tableCaption', { count: list.length })}
            columns={[
              t('institution.name'), t('institution.kind'), t('institution.brin'),
              { label: t('institution.locations'), className: 'num' }, { label: t('institution.programmes'), className: 'num' }, { label: t('institution.people'), className: 'num' },
            ]}
          >
            {list.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link to={`/instellingen/${i.id}`}>{i.name}</Link>
                </th>
                <td>{t(`kind.${i.kind}`)}</td>
                <td>{i.brin ?? '—'}</td>
                <td className="num">{i.locationCount}</td>
                <td className="num">{i.programmeCount}</td>
                <td className="num">{i.peopleCount}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <Dialog open={creating} title={t('institution.add')} onClose={() => setCreating(false)}>
        <InstitutionForm
          onDone={(created) => {
            setCreating(false);
            navigate(`/instellingen/${created.id}`);
          }}
        />
      </Dialog>
    </>
  );
}
