import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../components/bar-chart.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { useFunnel } from '../queries.ts';
import type { Edition, FunnelRow } from '../types.ts';

const STEPS = ['invited', 'registered', 'matched', 'visited', 'evaluated'] as const;

/** Recruitment funnel: invited → registered → matched → visited → evaluated, per institution and programme. */
export function FunnelSection({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const funnel = useFunnel(edition.id);
  const rows = funnel.data ?? [];
  // A row without programme is the institution's total; a teacher of two programmes counts in both programme rows.
  const institutionRows = rows.filter((r) => r.programmeId === null);
  const totals = STEPS.map((s) => institutionRows.reduce((sum, r) => sum + r[s], 0));
  const byInstitution = new Map<string, FunnelRow[]>();
  for (const r of [...institutionRows, ...rows.filter((x) => x.programmeId !== null)]) byInstitution.set(r.institutionId, [...(byInstitution.get(r.institutionId) ?? []), r]);
  return (
    <section aria-labelledby="funnel-title" className="section">
      <h2 id="funnel-title">{t('exchange.tabs.funnel')}</h2>
      <p>{t('exchange.funnel.intro')}</p>
      {funnel.isPending ? <Loading /> : null}
      <ErrorMessage error={funnel.error} />
      {funnel.data && rows.length === 0 ? <EmptyState title={t('exchange.funnel.empty')}><p>{t('exchange.funnel.emptyHelp')}</p></EmptyState> : null}
      {rows.length > 0 ? (
        <>
          <BarChart
            title={t('exchange.funnel.chartTitle')}
            tableCaption={t('exchange.chart.showTable')}
            series={[{ label: t('exchange.funnel.people'), className: 'bar-1' }]}
            rows={STEPS.map((s, i) => ({ label: t(`exchange.funnel.${s}`), values: [totals[i]!] }))}
          />
          <div className="table-wrap">
            <table>
              <caption>{t('exchange.funnel.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.proposal.institution')}</th>
                  <th scope="col">{t('exchange.funnel.programme')}</th>
                  {STEPS.map((s) => <th key={s} scope="col" className="num">{t(`exchange.funnel.${s}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {[...byInstitution.values()].flatMap((list) => list.map((r, i) => (
                  <tr key={`${r.institutionId}-${r.programmeId ?? 'all'}`}>
                    {i === 0 ? <th scope="rowgroup" rowSpan={list.length}>{r.institutionName}</th> : null}
                    <th scope="row">{r.programmeName ?? t('exchange.funnel.allProgrammes')}</th>
                    {STEPS.map((s) => <td key={s} className="num">{r.programmeId === null ? <strong>{r[s]}</strong> : r[s]}</td>)}
                  </tr>
                )))}
                <tr>
                  <th scope="row" colSpan={2}>{t('exchange.funnel.total')}</th>
                  {totals.map((n, i) => <td key={STEPS[i]} className="num"><strong>{n}</strong></td>)}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
