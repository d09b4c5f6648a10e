import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../app/session.tsx';
import { BarChart } from '../../components/bar-chart.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../components/status.tsx';
import { useReport } from './queries.ts';
import type { Edition, EditionReport } from './types.ts';

type Row = Record<string, unknown>;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const LABEL_KEYS = ['programmeName', 'institutionName', 'name', 'label'];

function rowLabel(row: Row): string {
  const parts = LABEL_KEYS.filter((k) => k !== 'label' && k !== 'name').map((k) => row[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  if (parts.length) return parts.reverse().join(' – ');
  return String(row.name ?? row.label ?? '');
}

/** The edition's report: key figures, participation and evaluation charts, downloads. */
export function ReportSection({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const report = useReport(edition.id);
  const label = (key: string) => t(`exchange.report.field.${key}`, { defaultValue: key });
  const data: EditionReport | undefined = report.data;
  const stats = data ? Object.entries(data).filter(([, v]) => isNumber(v)) as [string, number][] : [];
  const tables = data ? Object.entries(data).filter(([, v]) => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object') as [string, Row[]][] : [];
  const groups = data ? Object.entries(data).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).some(isNumber)) as [string, Row][] : [];
  const base = `/api/networks/${networkId}/editions/${edition.id}`;
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
      {data && stats.length === 0 && tables.length === 0 ? <EmptyState title={t('exchange.report.empty')} /> : null}
      {stats.length > 0 ? (
        <ul className="stat-list" aria-label={t('exchange.report.figures')}>
          {stats.map(([key, value]) => (
            <li key={key} className="stat" data-key={key}>
              <span className="stat-value">{Number.isInteger(value) ? value : value.toFixed(1)}{/percent/i.test(key) ? '%' : ''}</span>
              {label(key)}
            </li>
          ))}
        </ul>
      ) : null}
      {tables.map(([key, rows]) => {
        const numeric = Object.keys(rows[0]!).filter((k) => isNumber(rows[0]![k]));
        if (numeric.length === 0) return null;
        return (
          <BarChart
            key={key}
            title={label(key)}
            tableCaption={t('exchange.chart.showTable')}
            series={numeric.map((k, i) => ({ label: label(k), className: `bar-${(i % 5) + 1}` }))}
            rows={rows.map((r) => ({ label: rowLabel(r), values: numeric.map((k) => (isNumber(r[k]) ? r[k] : 0)) }))}
          />
        );
      })}
      {groups.map(([key, group]) => {
        const numeric = Object.entries(group).filter(([, v]) => isNumber(v)) as [string, number][];
        return (
          <BarChart
            key={key}
            title={label(key)}
            tableCaption={t('exchange.chart.showTable')}
            series={[{ label: label(key), className: 'bar-3' }]}
            rows={numeric.map(([k, v]) => ({ label: label(k), values: [v] }))}
          />
        );
      })}
    </section>
  );
}
