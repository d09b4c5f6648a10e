import { typologyCodeSchema } from '../../../../../src/domain/learner-report/report/schema.ts';
import type { TypologyCode } from './types.ts';

// The eleven types of the typology in protocol order: six informal, five formal. Names are
// translated with `learnerReport.type.<CODE>` (Dutch protocol names and English names).

export const TYPOLOGY_CODES: readonly TypologyCode[] = typologyCodeSchema.options;

const FORMAL: ReadonlySet<TypologyCode> = new Set<TypologyCode>(['PD_PROGRAMME', 'DEGREE_COURSE', 'STRUCTURAL_COACHING', 'CONFERENCE', 'FORMAL_COLLABORATION']);

export function typologyIsFormalCode(code: TypologyCode): boolean {
  return FORMAL.has(code);
}

export const INFORMAL_CODES = TYPOLOGY_CODES.filter((c) => !FORMAL.has(c));
export const FORMAL_CODES = TYPOLOGY_CODES.filter((c) => FORMAL.has(c));

/** The share of informal learning the study found among mbo teachers (75 %). */
export const STUDY_INFORMAL_SHARE = 0.75;

/** Number (1–11) of a type in the typology, for "3. Uitvoeren van taken …". */
export function typologyNumber(code: TypologyCode): number {
  return TYPOLOGY_CODES.indexOf(code) + 1;
}
