import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status.tsx';
import { blankActivity } from './draft.ts';
import { useCandidates } from './queries.ts';
import type { LearnerReportActivity, LearnerReportCandidate } from './types.ts';

function activityFromCandidate(c: LearnerReportCandidate): LearnerReportActivity {
  const a = blankActivity(c.title.slice(0, 200));
  return {
    ...a,
    description: { ...a.description, ...Object.fromEntries(Object.entries(c.prefill.description).filter(([, v]) => typeof v === 'string')) },
    learningOutcomes: c.prefill.learningOutcomes ?? '',
    origin: { source: c.source, sourceId: c.sourceId },
  };
}

/** Activities the teacher did in Kruispunt during the period, offered as pre-filled entries. */
export function CandidatesSection({ periodStart, periodEnd, full, usedSourceIds, onAdd }: {
  periodStart: string; periodEnd: string; full: boolean; usedSourceIds: string[]; onAdd: (a: LearnerReportActivity) => void;
}) {
  const { t, i18n } = useTranslation();
  const candidates = useCandidates(periodStart, periodEnd);
  const open = (candidates.data ?? []).filter((c) => !usedSourceIds.includes(c.sourceId));
  if (candidates.isPending || (!candidates.isError && open.length === 0)) return null;
  const date = (d: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d.slice(0, 10)}T00:00:00Z`));
  return (
    <section className="section" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('learnerReport.candidates.title')}</h2>
      <ErrorMessage error={candidates.error} />
      <ul className="plain-list">
        {open.map((c) => (
          <li key={`${c.source}-${c.sourceId}`}>
            {t(`learnerReport.candidates.source.${c.source}`, { title: c.title, date: date(c.date) })}{' '}
            <button type="button" className="button-small button-secondary" disabled={full} onClick={() => onAdd(activityFromCandidate(c))}>
              {t('learnerReport.candidates.add')}<span className="sr-only">: {c.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
