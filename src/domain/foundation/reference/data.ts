import isced from './data/isced-f-2013.json' with { type: 'json' };
import type { IscedField } from './schema.ts';

export type { IscedField };

// ISCED-F 2013 fields of education (UNESCO), Dutch and English labels; see
// src/domain/foundation/reference/data/README.md for source and licence.

const fields = isced as IscedField[];
const byCode = new Map(fields.map((f) => [f.code, f]));

export function listIscedFields(): IscedField[] {
  return fields;
}

export function getIscedField(code: string): IscedField | undefined {
  return byCode.get(code);
}

export function getIscedLabel(code: string, locale: 'nl' | 'en'): string | null {
  const field = byCode.get(code);
  if (!field) return null;
  return (locale === 'nl' ? field.nl : field.en) ?? field.en;
}
