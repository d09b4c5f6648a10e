import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { useSharedWithMe } from './queries.ts';
import { formatPeriod } from './period.ts';

/** /leerrapporten/gedeeld — reports colleagues shared with me, to read. */
export function SharedWithMePage() {
  const { t, i18n } = useTranslation();
  const shared = useSharedWithMe();
  return (
    <>
      <PageHeading title={t('learnerReport.shared.title')} />
      <p>{t('learnerReport.shared.intro')}</p>
      {shared.isPending ? <Loading /> : null}
      <ErrorMessage error={shared.error} />
      {shared.data && shared.data.length === 0 ? (
        <EmptyState title={t('learnerReport.shared.empty')}>
          <p>{t('learnerReport.shared.emptyText')}</p>
        </EmptyState>
      ) : null}
      {shared.data && shared.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('learnerReport.shared.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('learnerReport.shared.author')}</th>
                <th scope="col">{t('learnerReport.list.period')}</th>
                <th scope="col">{t('learnerReport.list.status')}</th>
                <th scope="col">{t('learnerReport.shared.sharedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {shared.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link to={`/leerrapporten/${r.id}`}>{r.authorName}</Link></th>
                  <td>{formatPeriod(r.periodStart, r.periodEnd, i18n.language)}</td>
                  <td>{t(`learnerReport.status.${r.status}`)}</td>
                  <td>{formatDateTime(r.sharedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p><Link to="/leerrapporten">{t('learnerReport.editor.backToList')}</Link></p>
    </>
  );
}
