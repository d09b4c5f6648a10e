import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { BarChart } from '../../../components/bar-chart.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { LastingEffectBlock } from '../../../components/lasting-effect.tsx';
import { useReport } from '../queries.ts';
import type { Edition, FunnelRow } from '../types.ts';

const STEPS = ['invited', 'registered', 'matched', 'visited', 'evaluated'] as const;

/** The edition's report: key figures, participation and evaluation charts, downloads. */
export function ReportSection({ edition }: { edition: Edition }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const report = useReport(edition.id);
  const base = `/api/networks/${networkId}/editions/${edition.id}`;
  const r = report.data;
  const series = STEPS.map((s, i) => ({ label: t(`exchange.funnel.${s}`), className: `bar-${i + 1}` }));
  const participation = (rows: FunnelRow[], label: (row: FunnelRow) => string) => rows.map((row) => ({ label: label(row), values: STEPS.map((s) => row[s]) }));
  const score = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n));
  return (
    <section aria-labelledby="report-title" className="section">
      <div className="section-heading">
        <h2 id="report-title">{t('exchange.tabs.report')}</h2>
        <div className="button-row">
          <a href={`${base}/report.xlsx`} download>{t('exchange.report.xlsx')}</a>
          <a href={`${base}/report.csv`} download>{t('exchange.report.csv')}</a>
        </div>
      </div>
      {report.isPending ? <Loading /> : null}
      <ErrorMessage error={report.error} />
      {r ? (
        <>
          <ul className="stat-list" aria-label={t('exchange.report.figures')}>
            <li className="stat"><span className="stat-value">{r.totals.invited}</span>{t('exchange.funnel.invited')}</li>
            <li className="stat"><span className="stat-value">{r.totals.registered}</span>{t('exchange.funnel.registered')}</li>
            <li className="stat"><span className="stat-value">{r.totals.matched}</span>{t('exchange.funnel.matched')}</li>
            <li className="stat"><span className="stat-value">{r.matchedPercent}%</span>{t('exchange.report.matchedPercent')}</li>
            <li className="stat"><span className="stat-value">{r.visits.done}</span>{t('exchange.report.visitsDone', { planned: r.visits.planned + r.visits.done })}</li>
            <li className="stat"><span className="stat-value">{r.totals.evaluated}</span>{t('exchange.funnel.evaluated')}</li>
            <li className="stat"><span className="stat-value">{r.hours.total}</span>{t('exchange.report.hours', { participants: r.hours.participants })}</li>
          </ul>
          {r.totals.registered === 0 ? <p className="muted">{t('exchange.report.empty')}</p> : null}
          {r.perInstitution.length > 0 ? (
            <BarChart title={t('exchange.report.perInstitution')} tableCaption={t('exchange.chart.showTable')} series={series}
              rows={participation(r.perInstitution, (row) => row.institutionName)} />
          ) : null}
          {r.perProgramme.length > 0 ? (
            <BarChart title={t('exchange.report.perProgramme')} tableCaption={t('exchange.chart.showTable')} series={series}
              rows={participation(r.perProgramme.filter((row) => row.invited + row.registered > 0), (row) => `${row.programmeName ?? ''} (${row.institutionName})`)} />
          ) : null}
          <BarChart
            title={t('exchange.report.visitsChart')} tableCaption={t('exchange.chart.showTable')}
            series={[{ label: t('exchange.report.visitsCount'), className: 'bar-1' }]}
            rows={(['planned', 'done', 'cancelled', 'missed'] as const).map((k) => ({ label: t(`exchange.visitStatus.${k}`), values: [r.visits[k]] }))}
          />
          <h3>{t('exchange.report.evaluationTitle', { count: r.evaluation.count })}</h3>
          {r.evaluation.count === 0 ? <p className="muted">{t('exchange.report.noEvaluations')}</p> : (
            <>
              <BarChart
                title={t('exchange.report.evaluationChart')} tableCaption={t('exchange.chart.showTable')} max={5}
                series={[{ label: t('exchange.report.average'), className: 'bar-3' }]}
                rows={(['overall', 'partnerFit', 'organisation'] as const).map((k) => ({ label: t(`exchange.evaluation.short.${k}`), values: [r.evaluation[k] ?? 0] }))}
              />
              <p>{t('exchange.report.averages', { overall: score(r.evaluation.overall), partnerFit: score(r.evaluation.partnerFit), organisation: score(r.evaluation.organisation) })}{' '}
                {r.evaluation.recommendPercent !== null ? t('exchange.report.recommend', { percent: r.evaluation.recommendPercent }) : ''}</p>
            </>
          )}
          <LastingEffectBlock effect={r.lastingEffect} prefix="exchange.report.effect" />
        </>
      ) : null}
    </section>
  );
}
