import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/field.tsx';
import { activityField, activityWithField, type TextField as DraftTextField } from './draft.ts';
import { TextAreaField } from './text-area-field.tsx';
import { TypePicker } from './type-picker.tsx';
import type { LearnerReportActivity } from './types.ts';

const DESCRIPTION_FIELDS = ['goal', 'involved', 'role', 'setting'] as const;
const ANSWER_FIELDS = [
  { field: 'learningOutcomes', question: 3 },
  { field: 'impact', question: 4 },
  { field: 'explanation', question: 5 },
] as const;

/** Questions 2–5 of the protocol and the type, for one activity chosen from question 1. */
export function ActivityEditor({ activity, index, readOnly, errors, focusOnMount, onChange, onRemove }: {
  activity: LearnerReportActivity;
  /** A newly added activity takes the focus, so keyboard users continue where it appeared. */
  focusOnMount?: boolean;
  index: number;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (next: LearnerReportActivity) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [removing, setRemoving] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnMount) sectionRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const err = (path: string) => errors[`activities.${index}.${path}`];
  const field = (name: DraftTextField) => ({
    value: activityField(activity, name),
    readOnly,
    maxLength: name === 'title' ? 200 : 4000,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(activityWithField(activity, name, e.target.value)),
  });
  const titleShown = activity.title.trim() || t('learnerReport.activity.untitled');
  return (
    <section className="card activity" aria-labelledby={headingId} ref={sectionRef}>
      <h3 id={headingId}>{t('learnerReport.activity.heading', { number: index + 1, title: titleShown })}</h3>
      <TextField label={t('learnerReport.activity.title')} required error={err('title')} {...field('title')} />
      <fieldset className="fieldset">
        <legend>{t('learnerReport.question.2')}</legend>
        <p className="field-hint">{t('learnerReport.question.2hint')}</p>
        {DESCRIPTION_FIELDS.map((d) => (
          <TextAreaField key={d} label={t(`learnerReport.activity.description.${d}`)} rows={2} {...field(`description.${d}`)} />
        ))}
        {err('description') ? <p className="field-error" role="alert">{err('description')}</p> : null}
      </fieldset>
      {ANSWER_FIELDS.map(({ field: name, question }) => (
        <TextAreaField key={name} label={t(`learnerReport.question.${question}`)} hint={t(`learnerReport.question.${question}hint`)} error={err(name)} {...field(name)} />
      ))}
      <h4>{t('learnerReport.activity.typeHeading')}</h4>
      <TypePicker
        activity={activity}
        disabled={readOnly}
        error={err('type') ?? err('typeSource')}
        onChange={(patch) => onChange({ ...activity, ...patch })}
      />
      {!readOnly ? (
        <div className="button-row">
          <button type="button" className="button-danger-outline" onClick={() => setRemoving(true)}>
            {t('learnerReport.activity.remove')}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={removing}
        title={t('learnerReport.activity.removeTitle')}
        message={t('learnerReport.activity.removeText', { title: titleShown })}
        confirmLabel={t('learnerReport.activity.remove')}
        onConfirm={() => { setRemoving(false); onRemove(); }}
        onClose={() => setRemoving(false)}
      />
    </section>
  );
}
