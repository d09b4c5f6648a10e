import { useTranslation } from 'react-i18next';
import { TypeName } from './type-picker.tsx';
import type { LearnerReport } from './types.ts';

function Answer({ text }: { text: string }) {
  const { t } = useTranslation();
  if (text.trim() === '') return <p className="muted">{t('learnerReport.view.noAnswer')}</p>;
  return <p>{text.split('\n').map((line, i) => <span key={i}>{i > 0 ? <br /> : null}{line}</span>)}</p>;
}

/** A report to read: a completed one of the author, or one a colleague shared (read-only). */
export function ReportView({ report }: { report: LearnerReport }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="section" aria-labelledby="inventory-title">
        <h2 id="inventory-title">{t('learnerReport.question.1')}</h2>
        {report.inventory.length === 0 ? <p className="muted">{t('learnerReport.view.noAnswer')}</p> : (
          <ul>{report.inventory.map((line, i) => <li key={i}>{line}</li>)}</ul>
        )}
      </section>
      {report.activities.map((a, i) => (
        <section key={a.id} className="section card" aria-labelledby={`activity-${a.id}`}>
          <h2 id={`activity-${a.id}`}>{t('learnerReport.activity.heading', { number: i + 1, title: a.title })}</h2>
          <p><strong>{t('learnerReport.activity.typeHeading')}:</strong> {a.type ? <TypeName code={a.type} /> : t('learnerReport.typePicker.none')}</p>
          <h3>{t('learnerReport.question.2')}</h3>
          <dl className="facts">
            {(['goal', 'involved', 'role', 'setting'] as const).map((d) => (
              <div key={d}>
                <dt>{t(`learnerReport.activity.description.${d}`)}</dt>
                <dd>{a.description[d].trim() || '—'}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('learnerReport.question.3')}</h3>
          <Answer text={a.learningOutcomes} />
          <h3>{t('learnerReport.question.4')}</h3>
          <Answer text={a.impact} />
          <h3>{t('learnerReport.question.5')}</h3>
          <Answer text={a.explanation} />
        </section>
      ))}
    </>
  );
}
