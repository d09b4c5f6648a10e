import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../../src/domain/record/entry/schema.ts';
import { formatHours } from '../queries.ts';

/** One norm of the re-registration period as a bar: hours done against the hours needed. */
function NormBar({ label, done, norm }: { label: string; done: number; norm: number }) {
  const { t, i18n } = useTranslation();
  const met = done >= norm;
  const text = t('record.totals.ofNorm', { done: formatHours(done, i18n.language), norm: formatHours(norm, i18n.language) });
  return (
    <div className="progress-wrap">
      <span>
        <strong>{label}</strong>{' '}
        <span className={`badge ${met ? 'badge-accepted' : 'badge-pending'}`}>{met ? t('record.totals.met') : t('record.totals.toGo', { hours: formatHours(Math.max(0, norm - done), i18n.language) })}</span>
      </span>
      <progress max={norm} value={Math.min(done, norm)} aria-label={`${label}: ${text}`}>{text}</progress>
      <span className="muted">{text}</span>
    </div>
  );
}

/** Totals over the four-year period against the norm, and per school year as the register counts them. */
export function TotalsSection({ view }: { view: RecordView }) {
  const { t, i18n } = useTranslation();
  const p = view.totals.period;
  const h = (n: number) => formatHours(n, i18n.language);
  return (
    <section aria-labelledby="record-totals-title" className="section">
      <h2 id="record-totals-title">{t('record.totals.title')}</h2>
      <div className="card">
        <p>
          {t('record.totals.period', { first: p.firstSchoolYear, last: p.lastSchoolYear })}{' '}
          <span className={`badge ${p.met ? 'badge-accepted' : 'badge-pending'}`}>{p.met ? t('record.totals.periodMet') : t('record.totals.periodNotMet')}</span>
        </p>
        <div style={{ display: 'grid', gap: '1rem' }}>
          <NormBar label={t('record.totals.allHours')} done={p.hours} norm={p.norm.hours} />
          <NormBar label={t('record.totals.primaryHours')} done={p.primaryProcessHours} norm={p.norm.primaryProcessHours} />
          {p.norm.subjectSpecificHours !== null ? <NormBar label={t('record.totals.subjectHours')} done={p.subjectSpecificHours} norm={p.norm.subjectSpecificHours} /> : null}
        </div>
        <p className="field-hint" style={{ marginTop: '1rem' }}>{view.secondary ? t('record.totals.normSecondary') : t('record.totals.normOther')}</p>
      </div>
      <div className="table-wrap" style={{ marginTop: '1rem' }}>
        <table>
          <caption>{t('record.totals.perYear')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('record.totals.schoolYear')}</th>
              <th scope="col" className="num">{t('record.totals.hours')}</th>
              <th scope="col" className="num">{t('record.totals.contact')}</th>
              <th scope="col" className="num">{t('record.totals.selfStudy')}</th>
              <th scope="col" className="num">{t('record.totals.primary')}</th>
              <th scope="col" className="num">{t('record.totals.other')}</th>
              <th scope="col" className="num">{t('record.totals.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {view.totals.schoolYears.length === 0 ? (
              <tr><td colSpan={7} className="muted">{t('record.totals.noYears')}</td></tr>
            ) : view.totals.schoolYears.map((y) => (
              <tr key={y.schoolYear}>
                <th scope="row">{y.schoolYear}</th>
                <td className="num">{h(y.hours)}</td>
                <td className="num">{h(y.contactHours)}</td>
                <td className="num">{h(y.selfStudyHours)}</td>
                <td className="num">{h(y.primaryProcessHours)}</td>
                <td className="num">{h(y.otherHours)}</td>
                <td className="num">{h(y.subjectSpecificHours)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('record.totals.fourYears')}</th>
              <td className="num"><strong>{h(p.hours)}</strong></td>
              <td className="num">{h(p.contactHours)}</td>
              <td className="num">{h(p.selfStudyHours)}</td>
              <td className="num">{h(p.primaryProcessHours)}</td>
              <td className="num">{h(p.otherHours)}</td>
              <td className="num">{h(p.subjectSpecificHours)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
