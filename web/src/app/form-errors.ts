import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

// Field errors from two sources speak the same codes: the domain's zod schema checked in
// the browser, and the server's VALIDATION_FAILED field issues. Both become
// { field path → translated message }.

export type FieldErrors = Record<string, string>;

const regexCodes: Record<string, string> = { POSTCODE: 'FIELD_INVALID_POSTCODE', ISCED: 'FIELD_INVALID_ISCED', BRIN: 'FIELD_INVALID_BRIN' };
const formatCodes: Record<string, string> = { email: 'FIELD_INVALID_EMAIL', url: 'FIELD_INVALID_URL' };

function issueCode(issue: z.core.$ZodIssue): { code: string; params: Record<string, string | number> } {
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'too_small':
      if (i.origin === 'string' || i.origin === 'array') return { code: Number(i.minimum) === 1 ? 'FIELD_REQUIRED' : 'FIELD_TOO_SHORT', params: { min: Number(i.minimum) } };
      return { code: 'FIELD_TOO_SMALL', params: { min: Number(i.minimum) } };
    case 'too_big':
      return { code: i.origin === 'string' || i.origin === 'array' ? 'FIELD_TOO_LONG' : 'FIELD_TOO_BIG', params: { max: Number(i.maximum) } };
    case 'invalid_type':
      return { code: i.input === undefined ? 'FIELD_REQUIRED' : 'FIELD_INVALID', params: {} };
    case 'invalid_format':
      if (i.format === 'regex') return { code: regexCodes[issue.message] ?? 'FIELD_INVALID', params: {} };
      return { code: formatCodes[String(i.format)] ?? 'FIELD_INVALID', params: {} };
    case 'invalid_value':
      return { code: 'FIELD_INVALID_CHOICE', params: {} };
    default:
      return { code: 'FIELD_INVALID', params: {} };
  }
}

export function fieldErrorsFromZod(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (out[path]) continue;
    const { code, params } = issueCode(issue);
    out[path] = t(`field.${code}`, params);
  }
  return out;
}

/** Field messages of a server error; the server prefixes them with the path, which we drop. */
export function fieldErrorsFromApi(error: unknown, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    if (out[f.path]) continue;
    const key = `field.${f.code}`;
    out[f.path] = t(key, { ...(f.params ?? {}), defaultValue: f.message.replace(/^[^:]*:\s*/, '') });
  }
  return out;
}

/** Parses form input with a domain schema: the value, or field errors. */
export function formParse<S extends z.ZodType>(schema: S, input: unknown, t: TFunction): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: fieldErrorsFromZod(result.error, t) };
}

/** A form's values and a change handler per field: `onChange={set('name')}`. */
export function useFormFields<F extends Record<string, string>>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial);
  const set = (key: keyof F) => (e: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: e.target.value }));
  return { form, setForm, set };
}

/**
 * A form that saves through the API: on submit the input is checked with the domain schema
 * (field errors at once), then `send` gets the parsed value; the server's field errors show
 * the same way.
 */
export function useSchemaForm<S extends z.ZodType, R>(schema: S, send: (input: z.output<S>) => Promise<R>, onSuccess: (result: R) => void) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({ mutationFn: send, onSuccess, onError: (error) => setErrors(fieldErrorsFromApi(error, t)) });
  function submit(event: FormEvent, input: unknown) {
    event.preventDefault();
    const parsed = formParse(schema, input, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value);
  }
  return { errors, setErrors, save, submit };
}
