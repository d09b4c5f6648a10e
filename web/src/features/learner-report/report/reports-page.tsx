import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { BarChart } from '../../../components/bar-chart.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { EmptyState, ErrorMessage, Loading, QueryView } from '../../../components/status.tsx';
import { lk, reportsBase, useHistory, useMyReports } from './queries.ts';
import { typologyNumber } from './typology.ts';
import { formatPeriod } from './period.ts';
import { learnerReportSchema } from '../../../../../src/domain/learner-report/report/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';

/** /leerrapporten — my reports, my learning per type and per period, the portfolio and the conversation sheet. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reports = useMyReports();
  const history = useHistory();
  const base = `/api${reportsBase(networkId)}`;
  const create = useMutation({
    mutationFn: () => api.post(reportsBase(networkId), {}, learnerReportSchema),
    onSuccess: (r) => {
      queryClient.setQueryData(lk(networkId, 'report', r.id), r);
      void queryClient.invalidateQueries({ queryKey: lk(networkId, 'mine') });
      navigate(`/leerrapporten/${r.id}`);
    },
  });
  const h = history.data;
  const typed = h ? h.byType.reduce((n, x) => n + x.count, 0) : 0;
  return (
    <>
      <PageHeading title={t('learnerReport.list.title')}>
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? t('common.busy') : t('learnerReport.list.new')}
        </button>
      </PageHeading>
      <p className="lead">{t('learnerReport.list.intro')}</p>
      <ul className="link-list">
        <li>{t('learnerReport.list.questionHow')}</li>
        <li>{t('learnerReport.list.questionSupport')}</li>
      </ul>
      <ErrorMessage error={create.error} />

      <section className="section" aria-labelledby="mine-title">
        <div className="section-heading">
          <h2 id="mine-title">{t('learnerReport.list.mine')}</h2>
          <Link to="/leerrapporten/gedeeld">{t('learnerReport.list.sharedLink')}</Link>
        </div>
        <QueryView query={reports} emptyTitle={t('learnerReport.list.empty')} emptyHelp={t('learnerReport.list.emptyText')}>
          {(list) => (
            <DataTable caption={t('learnerReport.list.mine')} captionHidden columns={[t('learnerReport.list.period'), t('learnerReport.list.status'), { label: t('learnerReport.list.activities'), className: 'num' }, t('learnerReport.list.sharedWith'), t('learnerReport.list.updated')]}>
              {list.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link to={`/leerrapporten/${r.id}`}>{formatPeriod(r.periodStart, r.periodEnd, i18n.language)}</Link></th>
                  <td><span className={`badge ${r.status === 'completed' ? 'badge-done' : 'badge-pending'}`}>{t(`learnerReport.status.${r.status}`)}</span></td>
                  <td className="num">{r.activityCount}</td>
                  <td>{r.shares.length ? r.shares.map((s) => s.personName).join(', ') : <span className="muted">{t('learnerReport.list.private')}</span>}</td>
                  <td>{formatDateTime(r.updatedAt, i18n.language)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </section>

      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('learnerReport.history.title')}</h2>
        {history.isPending ? <Loading /> : null}
        <ErrorMessage error={history.error} />
        {h && typed === 0 ? (
          <EmptyState title={t('learnerReport.history.empty')}>
            <p>{t('learnerReport.history.emptyText')}</p>
          </EmptyState>
        ) : null}
        {h && typed > 0 ? (
          <>
            <BarChart
              title={t('learnerReport.history.byType')}
              tableCaption={t('learnerReport.chart.showTable')}
              series={[{ label: t('learnerReport.chart.activities'), className: 'bar-1' }]}
              rows={h.byType.map((x) => ({ label: `${typologyNumber(x.type)}. ${t(`learnerReport.type.${x.type}`)}`, values: [x.count] }))}
            />
            <BarChart
              title={t('learnerReport.history.byPeriod')}
              tableCaption={t('learnerReport.chart.showTable')}
              series={[
                { label: t('learnerReport.chart.informal'), className: 'bar-1' },
                { label: t('learnerReport.chart.formal'), className: 'bar-2' },
              ]}
              rows={h.byPeriod.map((p) => ({ label: formatPeriod(p.periodStart, p.periodEnd, i18n.language), values: [p.informal, p.formal] }))}
            />
          </>
        ) : null}
      </section>

      <section className="section" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('learnerReport.list.downloads')}</h2>
        <ul className="link-list">
          <li><a href={`${base}/portfolio.pdf`} download>{t('learnerReport.list.portfolio')}</a></li>
          <li><a href={`${base}/conversation-sheet.pdf?locale=nl`} download hrefLang="nl">{t('learnerReport.list.sheetNl')}</a></li>
          <li><a href={`${base}/conversation-sheet.pdf?locale=en`} download hrefLang="en">{t('learnerReport.list.sheetEn')}</a></li>
        </ul>
      </section>
    </>
  );
}
