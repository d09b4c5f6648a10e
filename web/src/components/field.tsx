import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

// Form fields with a visible label, an optional hint and an error linked by
// aria-describedby and announced (role="alert").

interface Common {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
}

function describedBy(hintId: string, errorId: string, hint?: string, error?: string) {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Messages({ hint, error, hintId, errorId }: { hint?: string | undefined; error?: string | undefined; hintId: string; errorId: string }) {
  return (
    <>
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/** A label, the control it names, and the hint and error the control is described by. */
function Field({ label, error, hint, required, control }: Common & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(hintId, errorId, hint, error), 'aria-required': required || undefined })}
      <Messages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

export function TextField({ label, error, hint, required, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'required'>) {
  return <Field label={label} error={error} hint={hint} required={required} control={(props) => <input {...props} {...input} />} />;
}

export function SelectField({ label, error, hint, required, children, ...select }: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required'> & { children: ReactNode }) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      required={required}
      control={(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** The submit button of a form (“busy” while it is sent), with any further buttons after it. */
export function SubmitRow({ label, busy, disabled, children }: { label: string; busy: boolean; disabled?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" disabled={busy || disabled}>
        {busy ? t('common.busy') : label}
      </button>
      {children}
    </div>
  );
}
