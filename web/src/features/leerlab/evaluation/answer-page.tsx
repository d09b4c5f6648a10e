import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { evaluationPublicSchema, EVALUATION_QUESTIONS, respondentSchema } from '../../../../../src/domain/leerlab/evaluation/schema.ts';

/** The code on the screen: typed here (or opened from the QR link). */
export function EvaluationCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(`/leerlab/evaluatie/${code.trim().toUpperCase()}`);
  };
  return (
    <>
      <PageHeading title={t('leerlab.answer.title')} />
      <p className="lead">{t('leerlab.answer.codeLead')}</p>
      <form className="form" onSubmit={submit}>
        <TextField label={t('leerlab.answer.code')} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" maxLength={6} required />
        <SubmitRow label={t('leerlab.answer.open')} busy={false} disabled={code.trim().length !== 6} />
      </form>
    </>
  );
}

/** The anonymous questions: who you are as a group, five ratings, an optional comment. No account, no name. */
export function EvaluationAnswerPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const form = useQuery({ queryKey: ['leerlab-evaluation', code], queryFn: () => api.get(`/leerlab-evaluations/${code}`, evaluationPublicSchema), retry: false });
  const [respondent, setRespondent] = useState<string>('pupil');
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const send = useMutation({ mutationFn: () => api.post(`/leerlab-evaluations/${code}/answers`, { respondent, ratings, comment }) });
  const complete = EVALUATION_QUESTIONS.every((q) => ratings[q]);
  return (
    <>
      <PageHeading title={t('leerlab.answer.title')} />
      <QueryView query={form}>
        {(f) => send.isSuccess ? <SuccessMessage>{t('leerlab.answer.thanks')}</SuccessMessage> : !f.open ? <p className="status status-warning">{t('leerlab.answer.closed')}</p> : (
          <form className="form" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
            <p className="lead">{t('leerlab.answer.lead', { name: f.name, leerlab: f.leerlabName })}</p>
            <p className="muted">{t('leerlab.answer.anonymous')}</p>
            <fieldset className="radio-group">
              <legend>{t('leerlab.answer.who')}</legend>
              {respondentSchema.options.map((r) => (
                <label key={r} className="radio"><input type="radio" name="respondent" value={r} checked={respondent === r} onChange={() => setRespondent(r)} /> {t(`leerlab.answer.respondent.${r}`)}</label>
              ))}
            </fieldset>
            {f.questions.map((q) => (
              <fieldset key={q} className="radio-group rating">
                <legend>{t(`leerlab.question.${q}`)}</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="radio"><input type="radio" name={q} value={n} checked={ratings[q] === n} onChange={() => setRatings({ ...ratings, [q]: n })} /> {t(`leerlab.answer.scale.${n}`)}</label>
                ))}
              </fieldset>
            ))}
            <div className="field">
              <label htmlFor="ll-comment">{t('leerlab.answer.comment')}</label>
              <p className="field-hint" id="ll-comment-hint">{t('leerlab.answer.commentHint')}</p>
              <textarea id="ll-comment" aria-describedby="ll-comment-hint" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </div>
            <ErrorMessage error={send.error} />
            <SubmitRow label={t('leerlab.answer.send')} busy={send.isPending} disabled={!complete} />
          </form>
        )}
      </QueryView>
    </>
  );
}
