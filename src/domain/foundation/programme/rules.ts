import { getIscedField } from '../reference/data.ts';

/** True when the code is an existing ISCED-F 2013 field (broad, narrow or detailed). */
export function programmeIscedKnown(code: string): boolean {
  return getIscedField(code) !== undefined;
}
