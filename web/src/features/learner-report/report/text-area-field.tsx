import { useId, type TextareaHTMLAttributes } from 'react';

/** A multi-line answer with a visible label, an optional hint and its error next to it. */
export function TextAreaField({ label, hint, error, ...rest }: { label: string; hint?: string | undefined; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
      {hint ? <span className="field-hint" id={hintId}>{hint}</span> : null}
      {error ? <span className="field-error" id={errorId} role="alert">{error}</span> : null}
    </div>
  );
}
