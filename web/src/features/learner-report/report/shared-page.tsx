import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { QueryView } from '../../../components/status.tsx';
import { useSharedWithMe } from './queries.ts';
import { formatPeriod } from './period.ts';
import { DataTable } from '../../../components/data-table.tsx';

/** /leerrapporten/gedeeld — reports colleagues shared with me, to read. */
export function SharedWithMePage() {
  const { t, i18n } = useTranslation();
  const shared = useSharedWithMe();
  return (
    <>
      <PageHeading title={t('learnerReport.shared.title')} />
      <p>{t('learnerReport.shared.intro')}</p>
      <QueryView query={shared} emptyTitle={t('learnerReport.shared.empty')} emptyHelp={t('learnerReport.shared.emptyText')}>
        {(list) => (
          <DataTable caption={t('learnerReport.shared.title')} captionHidden columns={[t('learnerReport.shared.author'), t('learnerReport.list.period'), t('learnerReport.list.status'), t('learnerReport.shared.sharedAt')]}>
            {list.map((r) => (
              <tr key={r.id}>
                <th scope="row"><Link to={`/leerrapporten/${r.id}`}>{r.authorName}</Link></th>
                <td>{formatPeriod(r.periodStart, r.periodEnd, i18n.language)}</td>
                <td>{t(`learnerReport.status.${r.status}`)}</td>
                <td>{formatDateTime(r.sharedAt, i18n.language)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <p><Link to="/leerrapporten">{t('learnerReport.editor.backToList')}</Link></p>
    </>
  );
}
