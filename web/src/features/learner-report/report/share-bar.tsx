import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STUDY_INFORMAL_SHARE } from './typology.ts';
import { DataTable } from '../../../components/data-table.tsx';

const WIDTH = 640;
const BAR_Y = 28;
const BAR_H = 34;

/**
 * The informal/formal split as one stacked bar with the study's 75 % informal as a reference
 * line; the same numbers follow as a table.
 */
export function InformalShareBar({ informal, formal }: { informal: number; formal: number }) {
  const { t } = useTranslation();
  const id = useId();
  const total = informal + formal;
  const share = total ? informal / total : 0;
  const percent = Math.round(share * 100);
  const reference = Math.round(STUDY_INFORMAL_SHARE * 100);
  const x = share * WIDTH;
  const refX = STUDY_INFORMAL_SHARE * WIDTH;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">{t('learnerReport.insight.shareTitle', { percent, reference })}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        <li><svg width="14" height="14" className="chart-swatch" focusable="false"><rect width="14" height="14" className="bar-1" /></svg>{t('learnerReport.chart.informal')}</li>
        <li><svg width="14" height="14" className="chart-swatch" focusable="false"><rect width="14" height="14" className="bar-2" /></svg>{t('learnerReport.chart.formal')}</li>
      </ul>
      <svg viewBox={`0 0 ${WIDTH} 96`} className="chart-svg" role="img" aria-labelledby={`${id}-title`} focusable="false">
        <rect x={0} y={BAR_Y} width={x} height={BAR_H} className="bar-1" />
        <rect x={x} y={BAR_Y} width={WIDTH - x} height={BAR_H} className="bar-2" />
        <line x1={refX} x2={refX} y1={BAR_Y - 10} y2={BAR_Y + BAR_H + 10} stroke="#1a1a1a" strokeWidth={3} strokeDasharray="6 4" />
        <text x={refX - 6} y={BAR_Y - 14} textAnchor="end" className="chart-value">{t('learnerReport.insight.referenceLabel', { reference })}</text>
        <text x={4} y={BAR_Y + BAR_H + 26} className="chart-value">{t('learnerReport.insight.informalCount', { count: informal, percent })}</text>
        <text x={WIDTH - 4} y={BAR_Y + BAR_H + 26} textAnchor="end" className="chart-value">{t('learnerReport.insight.formalCount', { count: formal, percent: total ? 100 - percent : 0 })}</text>
      </svg>
      <details className="chart-data">
        <summary>{t('learnerReport.chart.showTable')}</summary>
        <DataTable caption={t('learnerReport.insight.shareCaption')} captionHidden columns={['\u00a0', { label: t('learnerReport.chart.activities'), className: 'num' }, { label: t('learnerReport.insight.shareColumn'), className: 'num' }, { label: t('learnerReport.insight.studyColumn'), className: 'num' }]}>
          <tr>
            <th scope="row">{t('learnerReport.chart.informal')}</th>
            <td className="num">{informal}</td>
            <td className="num">{`${percent}%`}</td>
            <td className="num">{`${reference}%`}</td>
          </tr>
          <tr>
            <th scope="row">{t('learnerReport.chart.formal')}</th>
            <td className="num">{formal}</td>
            <td className="num">{`${total ? 100 - percent : 0}%`}</td>
            <td className="num">{`${100 - reference}%`}</td>
          </tr>
        </DataTable>
      </details>
    </figure>
  );
}
