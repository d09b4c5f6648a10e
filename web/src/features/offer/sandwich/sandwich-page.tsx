import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { sandwichSchema, type Sandwich } from '../../../../../src/domain/offer/sandwich/schema.ts';
import { ok, useSandwich } from '../queries.ts';
import { TextArea } from '../text-area.tsx';

const PHASES = ['before', 'during', 'after'] as const;

function SaveForm({ sandwich, path, fields, labelOf, hintOf }: {
  sandwich: Sandwich; path: 'mine' | 'plan'; fields: string[]; labelOf: (f: string) => string; hintOf?: (f: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const initial = (f: string): string => (f === 'learningQuestions' || f === 'notes' ? sandwich.mine?.[f] ?? '' : (sandwich as unknown as Record<string, string | null>)[f] ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f, initial(f)])));
  useEffect(() => { setValues(Object.fromEntries(fields.map((f) => [f, initial(f)]))); }, [sandwich.sessionId]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/offer-sessions/${sandwich.sessionId}/sandwich/${path}`, values, sandwichSchema),
    onSuccess: (s) => queryClient.setQueryData(ok(networkId, 'sandwich', sandwich.sessionId), s),
  });
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      {fields.map((f) => (
        <TextArea key={f} label={labelOf(f)} hint={hintOf?.(f)} value={values[f] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))} />
      ))}
      <ErrorMessage error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('offer.sandwich.saved')}</SuccessMessage> : null}
      <div className="button-row"><button type="submit" disabled={save.isPending}>{save.isPending ? t('common.busy') : t('offer.sandwich.save')}</button></div>
    </form>
  );
}

/** /aanbod/sessie/:sessionId — the sandwich: before (questions, agenda, tasks), during (notes), after (takeaways, feedback). */
export function SandwichPage() {
  const { t, i18n } = useTranslation();
  const { sessionId = '' } = useParams();
  const query = useSandwich(sessionId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <><ErrorMessage error={query.error} /><p><Link to="/aanbod">{t('offer.detail.back')}</Link></p></>;
  const s = query.data;
  const participant = s.role === 'participant' || s.role === 'manager';
  const label = (f: string) => t(`offer.sandwich.${f === 'learningQuestions' ? 'myQuestions' : f}`);
  const hint = (f: string) => ({ learningQuestions: t('offer.sandwich.myQuestionsHint'), notes: t('offer.sandwich.notesHint'), takeaways: t('offer.sandwich.takeawaysHint'), feedback: t('offer.sandwich.feedbackHint') } as Record<string, string>)[f];
  return (
    <>
      <PageHeading title={t('offer.sandwich.title', { title: s.offerTitle })} />
      <p className="lead">{s.hostName} · {formatDateTime(s.startAt, i18n.language)}. {t('offer.sandwich.intro')}</p>
      <ol>
        {PHASES.map((p) => {
          const text = `${t(`offer.sandwich.step${p[0]!.toUpperCase()}${p.slice(1)}`)}${s.phase === p ? ` (${t('offer.sandwich.now')})` : ''}`;
          return (
            <li key={p} aria-current={s.phase === p ? 'step' : undefined}>
              <a href={`#phase-${p}`}>{s.phase === p ? <strong>{text}</strong> : text}</a>
            </li>
          );
        })}
      </ol>
      <section id="phase-before" aria-labelledby="before-title" className="section">
        <h2 id="before-title">{t('offer.sandwich.stepBefore')}</h2>
        {s.preparation ? <p><strong>{t('offer.sandwich.preparation')}:</strong> {s.preparation}</p> : null}
        {s.mine ? <SaveForm sandwich={s} path="mine" fields={['learningQuestions']} labelOf={label} hintOf={hint} /> : null}
        {s.questions ? (
          <>
            <h3>{t('offer.sandwich.questionsOfGroup')}</h3>
            {s.questions.filter((q) => q.learningQuestions).length === 0 ? <p className="muted">{t('offer.sandwich.noQuestions')}</p> : (
              <ul className="plain-list">{s.questions.filter((q) => q.learningQuestions).map((q) => <li key={q.personName}><strong>{q.personName}</strong>: {q.learningQuestions}</li>)}</ul>
            )}
          </>
        ) : null}
        {s.agenda !== null ? <SaveForm sandwich={s} path="plan" fields={['agenda', 'tasks']} labelOf={label} /> : null}
      </section>
      {s.mine ? (
        <section id="phase-during" aria-labelledby="during-title" className="section">
          <h2 id="during-title">{t('offer.sandwich.stepDuring')}</h2>
          <SaveForm sandwich={s} path="mine" fields={['notes']} labelOf={label} hintOf={hint} />
        </section>
      ) : null}
      <section id="phase-after" aria-labelledby="after-title" className="section">
        <h2 id="after-title">{t('offer.sandwich.stepAfter')}</h2>
        {participant ? <SaveForm sandwich={s} path="plan" fields={['takeaways', 'feedback']} labelOf={label} hintOf={hint} /> : (
          <>
            {s.takeaways !== null ? <><h3>{t('offer.sandwich.takeaways')}</h3><p>{s.takeaways || t('offer.sandwich.empty')}</p></> : null}
            {s.feedback !== null ? <><h3>{t('offer.sandwich.feedback')}</h3><p>{s.feedback || t('offer.sandwich.empty')}</p></> : null}
          </>
        )}
      </section>
      <p><Link to={`/aanbod/${s.offerId}`}>{t('offer.detail.back')}</Link></p>
    </>
  );
}
