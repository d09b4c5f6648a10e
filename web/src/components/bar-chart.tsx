import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// A simple horizontal bar chart in SVG: every bar has a text label and value, the whole
// figure has a title, and the same numbers are available as a table for screen readers
// and for people who prefer numbers.

export interface BarSeries {
  label: string;
  className: string;
}

export interface BarRow {
  label: string;
  values: number[];
}

const ROW = 22;
const GAP = 10;
const LABEL = 270;
const LABEL_CHARS = 36;
const WIDTH = 640;

export function BarChart({ title, series, rows, max, unit = '', tableCaption }: { title: string; series: BarSeries[]; rows: BarRow[]; max?: number; unit?: string; tableCaption: string }) {
  const id = useId();
  const { i18n } = useTranslation();
  const formatNumber = (value: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(value);
  const top = Math.max(1, max ?? Math.max(0, ...rows.flatMap((r) => r.values)));
  const groupHeight = series.length * ROW + GAP;
  const height = rows.length * groupHeight + 8;
  const barSpace = WIDTH - LABEL - 60;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">{title}</figcaption>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label}>
              <svg width="14" height="14" className="chart-swatch" focusable="false"><rect width="14" height="14" className={s.className} /></svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" role="img" aria-labelledby={`${id}-title`} focusable="false">
        {rows.map((row, r) => (
          <g key={`${row.label}-${r}`} transform={`translate(0 ${r * groupHeight + 4})`}>
            <text x={LABEL - 8} y={(series.length * ROW) / 2 + 5} textAnchor="end" className="chart-label">
              {row.label.length > LABEL_CHARS ? `${row.label.slice(0, LABEL_CHARS - 1)}…` : row.label}
            </text>
            {row.values.map((value, s) => {
              const w = Math.max(value > 0 ? 2 : 0, (value / top) * barSpace);
              return (
                <g key={s}>
                  <rect x={LABEL} y={s * ROW + 2} width={w} height={ROW - 4} className={series[s]?.className ?? 'bar-1'}>
                    <title>{`${row.label} – ${series[s]?.label ?? ''}: ${formatNumber(value)}${unit}`}</title>
                  </rect>
                  <text x={LABEL + w + 6} y={s * ROW + ROW / 2 + 5} className="chart-value">
                    {`${formatNumber(value)}${unit}`}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <details className="chart-data">
        <summary>{tableCaption}</summary>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{'\u00a0'}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="num">{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={`${row.label}-${r}`}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, s) => (
                    <td key={s} className="num">{`${formatNumber(v)}${unit}`}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
