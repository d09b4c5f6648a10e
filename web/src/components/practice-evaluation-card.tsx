import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useNetwork } from '../app/session.tsx';
import { ErrorMessage, SuccessMessage } from './status.tsx';
import { SubmitRow } from './field.tsx';
import { EVALUATION_TAKEAWAY_MAX, evaluationMineSchema, evaluationSummarySchema } from '../../../src/domain/foundation/evaluation/schema.ts';

/** Practices whose finished items their participants evaluate (the server's evaluationSources). */
export type PracticeEvaluationSource = 'company_visit' | 'speeddate_event' | 'cocreation_session';

const url = (networkId: string, source: string, id: string) => `/networks/${networkId}/evaluations/${source}/${id}`;
const key = (networkId: string, source: string, id: string, what: 'mine' | 'summary') => [networkId, 'evaluation', source, id, what];

/**
 * The participant's short evaluation of a finished company visit, speeddate or co-creation session:
 * "Hoe waardevol was dit voor je werk?" 1–5 and "Wat neem je mee?". Shows only to someone who took
 * part, once it is over for them; the answer can be changed. `networkId` is a prop, so public pages
 * (a co-creation participant's phone page) can show it too; `named` puts the item's title in the heading
 * (the home page, where several may show).
 */
export function PracticeEvaluationCard({ source, id, networkId, named = false }: { source: PracticeEvaluationSource; id: string; networkId: string; named?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: key(networkId, source, id, 'mine'), queryFn: () => api.get(url(networkId, source, id), evaluationMineSchema), retry: false });
  const [score, setScore] = useState<number | null>(null);
  const [takeaway, setTakeaway] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (body: { score: number; takeaway: string }) => api.put(url(networkId, source, id), body, evaluationMineSchema),
    onSuccess: (answer) => {
      queryClient.setQueryData(key(networkId, source, id, 'mine'), answer);
      void queryClient.invalidateQueries({ queryKey: key(networkId, source, id, 'summary') });
    },
  });
  if (!mine.data || mine.data.status !== 'open') return null;
  const answer = mine.data.answer;
  const chosen = score ?? answer?.score ?? null;
  const text = takeaway ?? answer?.takeaway ?? '';
  const titleId = `evaluation-${id}`;
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(chosen === null);
    if (chosen !== null) save.mutate({ score: chosen, takeaway: text });
  }
  return (
    <section aria-labelledby={titleId} className="section card">
      <h2 id={titleId}>{named ? t('evaluation.titleOf', { title: mine.data.title }) : t('evaluation.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {missing ? <p className="status status-error" role="alert">{t('evaluation.missing')}</p> : null}
        <ErrorMessage error={save.error} />
        <fieldset>
          <legend>{t('evaluation.question')}</legend>
          <div className="rating radio-group">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="radio">
                <input type="radio" name={`evaluation-score-${id}`} value={n} checked={chosen === n} onChange={() => { setScore(n); setMissing(false); }} />
                {t(`evaluation.score${n}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`evaluation-takeaway-${id}`}>{t('evaluation.takeaway')}</label>
          <input id={`evaluation-takeaway-${id}`} type="text" maxLength={EVALUATION_TAKEAWAY_MAX} value={text} onChange={(e) => setTakeaway(e.target.value)} />
          <p className="muted">{t('evaluation.anonymous')}</p>
        </div>
        {save.isSuccess ? <SuccessMessage>{t('evaluation.saved')}</SuccessMessage> : null}
        <SubmitRow busy={save.isPending} label={answer ? t('evaluation.update') : t('evaluation.submit')} />
      </form>
    </section>
  );
}

/** The answers of an item together, for its organiser: count, mean, distribution and the one-liners, without names, from three answers on. */
export function PracticeEvaluationSummary({ source, id }: { source: PracticeEvaluationSource; id: string }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const summary = useQuery({ queryKey: key(networkId, source, id, 'summary'), queryFn: () => api.get(`${url(networkId, source, id)}/summary`, evaluationSummarySchema), retry: false });
  if (!summary.data) return null;
  const s = summary.data;
  const titleId = `evaluation-summary-${id}`;
  const mean = s.mean === null ? '' : s.mean.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section aria-labelledby={titleId} className="section card">
      <h2 id={titleId}>{t('evaluation.summaryTitle')}</h2>
      {!s.shown ? <p className="muted">{t('evaluation.summaryHidden', { count: s.count, minimum: s.minimum })}</p> : (
        <>
          <p>{t('evaluation.summaryMean', { count: s.count, mean })}</p>
          <table>
            <caption>{t('evaluation.question')}</caption>
            <thead><tr><th scope="col">{t('evaluation.scoreColumn')}</th><th scope="col">{t('evaluation.answersColumn')}</th></tr></thead>
            <tbody>
              {s.distribution.map((n, i) => <tr key={i}><th scope="row">{t(`evaluation.score${i + 1}`)}</th><td>{n}</td></tr>)}
            </tbody>
          </table>
          {s.takeaways.length ? (
            <>
              <h3>{t('evaluation.takeawaysTitle', { count: s.takeaways.length })}</h3>
              <ul>{s.takeaways.map((x, i) => <li key={i}>{x}</li>)}</ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
