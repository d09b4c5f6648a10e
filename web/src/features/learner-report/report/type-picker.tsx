import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { activitySuggestText } from './draft.ts';
import { FORMAL_CODES, INFORMAL_CODES, typologyNumber } from './typology.ts';
import type { LearnerReportActivity, TypologyCode, TypologySuggestion } from './types.ts';
import { typologySuggestionSchema } from '../../../../../src/domain/learner-report/report/schema.ts';

/** The activity's text with the words that decided the suggestion marked. */
export function HighlightedText({ text, words }: { text: string; words: readonly string[] }): ReactNode {
  const wanted = words.filter((w) => w.trim() !== '');
  if (wanted.length === 0) return text;
  const pattern = new RegExp(`(${wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return text.split(pattern).map((part, i) => (wanted.includes(part) ? <mark key={i}>{part}</mark> : part));
}

/** The words of the teacher's own text that point to a type, marked in the text. */
function Evidence({ words, text }: { words: readonly string[]; text: string }) {
  const { t } = useTranslation();
  if (words.length === 0) return null;
  return (
    <>
      <p>{t('learnerReport.typePicker.why')}{' '}{words.map((w, i) => <span key={w}>{i > 0 ? ', ' : ''}<mark>{w}</mark></span>)}</p>
      <p className="muted"><HighlightedText text={text} words={words} /></p>
    </>
  );
}

export function TypeName({ code }: { code: TypologyCode }) {
  const { t } = useTranslation();
  return <>{`${typologyNumber(code)}. ${t(`learnerReport.type.${code}`)}`}</>;
}

/**
 * Typing one activity: ask for a suggestion (the words of the teacher's own text that decided
 * it are shown and marked), confirm it, or choose any of the eleven types.
 */
export function TypePicker({ activity, disabled, error, onChange }: {
  activity: LearnerReportActivity;
  disabled: boolean;
  error?: string | undefined;
  onChange: (patch: Pick<LearnerReportActivity, 'type' | 'typeSource' | 'suggestion'>) => void;
}) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const selectId = useId();
  const errorId = useId();
  const [shown, setShown] = useState<TypologySuggestion | null>(null);
  const text = activitySuggestText(activity);
  const suggest = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/typology/suggest`, { text }, typologySuggestionSchema),
    onSuccess: (s) => setShown(s),
  });
  const shownForChoice = shown ? { type: shown.type, why: shown.why.slice(0, 10), confidence: shown.confidence } : activity.suggestion;

  return (
    <div className="type-picker">
      <p>
        <strong>{t('learnerReport.typePicker.current')}</strong>{' '}
        {activity.type ? <TypeName code={activity.type} /> : t('learnerReport.typePicker.none')}
        {activity.type ? (
          <span className="muted">{' '}({t(activity.typeSource === 'suggested' ? 'learnerReport.typePicker.sourceSuggested' : 'learnerReport.typePicker.sourceChosen')})</span>
        ) : null}
      </p>
      <div className="button-row">
        <button type="button" className="button-secondary" disabled={disabled || suggest.isPending} onClick={() => suggest.mutate()}>
          {suggest.isPending ? t('common.busy') : t('learnerReport.typePicker.suggest')}
        </button>
      </div>
      <ErrorMessage error={suggest.error} />
      {shown ? (
        <div className="card" role="region" aria-label={t('learnerReport.typePicker.suggestionLabel')} data-state={shown.state}>
          {shown.state === 'SUGGESTED' && shown.type ? (
            <>
              <p>
                {t('learnerReport.typePicker.suggestion')}{' '}<strong><TypeName code={shown.type} /></strong>{' '}
                ({t(shown.formal ? 'learnerReport.typePicker.formal' : 'learnerReport.typePicker.informal')},{' '}
                {t('learnerReport.typePicker.confidenceLevel', { level: t(`learnerReport.typePicker.level.${shown.confidenceLevel}`), percent: Math.round(shown.confidence * 100) })})
              </p>
              <Evidence words={shown.why} text={text} />
              <div className="button-row">
                <button type="button" disabled={disabled} onClick={() => {
                  onChange({ type: shown.type, typeSource: 'suggested', suggestion: { type: shown.type, why: shown.why.slice(0, 10), confidence: shown.confidence } });
                  setShown(null);
                }}>
                  {t('learnerReport.typePicker.confirm')}
                </button>
              </div>
            </>
          ) : shown.state === 'TWO_CLOSE' && shown.candidates.length > 0 ? (
            <>
              <p>{t('learnerReport.typePicker.twoClose')}</p>
              <ul className="plain-list type-candidates">
                {shown.candidates.slice(0, 2).map((c) => (
                  <li key={c.type} className="card">
                    <p>
                      <strong><TypeName code={c.type} /></strong>{' '}
                      ({t(c.formal ? 'learnerReport.typePicker.formal' : 'learnerReport.typePicker.informal')},{' '}
                      {t('learnerReport.typePicker.confidence', { percent: Math.round(c.confidence * 100) })})
                    </p>
                    <Evidence words={c.why} text={text} />
                    <button type="button" className="button-secondary" disabled={disabled} onClick={() => {
                      onChange({ type: c.type, typeSource: 'suggested', suggestion: { type: c.type, why: c.why.slice(0, 10), confidence: c.confidence } });
                      setShown(null);
                    }}>
                      {t('learnerReport.typePicker.chooseThis')}<span className="sr-only">: <TypeName code={c.type} /></span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p><strong>{t('learnerReport.typePicker.tellUsMore')}</strong></p>
              <p>{t(`learnerReport.typePicker.reason.${shown.reason === 'TEXT_TOO_SHORT' || shown.reason === 'NO_KNOWN_WORDS' ? shown.reason : 'NEEDS_MORE_DETAIL'}`)}</p>
            </>
          )}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={selectId}>{t('learnerReport.typePicker.choose')}</label>
        <select
          id={selectId}
          value={activity.type ?? ''}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            const value = e.target.value as TypologyCode | '';
            if (!value) onChange({ type: null, typeSource: null, suggestion: null });
            else if (shownForChoice && shownForChoice.type === value) onChange({ type: value, typeSource: 'suggested', suggestion: shownForChoice });
            else onChange({ type: value, typeSource: 'chosen', suggestion: shownForChoice ?? null });
          }}
        >
          <option value="">{t('learnerReport.typePicker.noneOption')}</option>
          <optgroup label={t('learnerReport.typePicker.informalGroup')}>
            {INFORMAL_CODES.map((c) => <option key={c} value={c}>{`${typologyNumber(c)}. ${t(`learnerReport.type.${c}`)}`}</option>)}
          </optgroup>
          <optgroup label={t('learnerReport.typePicker.formalGroup')}>
            {FORMAL_CODES.map((c) => <option key={c} value={c}>{`${typologyNumber(c)}. ${t(`learnerReport.type.${c}`)}`}</option>)}
          </optgroup>
        </select>
        {error ? <span className="field-error" id={errorId} role="alert">{error}</span> : null}
      </div>
    </div>
  );
}
