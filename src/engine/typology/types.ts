// The learner-report typology: six informal and five formal kinds of professional-learning
// activity, in the order of the research protocol (1–11).

export const TYPOLOGY_TYPES = [
  { order: 1, code: 'TEACHING_COACHING', formal: false },
  { order: 2, code: 'INTERACTION_COLLABORATION', formal: false },
  { order: 3, code: 'TASKS_ROLES', formal: false },
  { order: 4, code: 'INFORMATION_SOURCES', formal: false },
  { order: 5, code: 'EXPERIMENTING_INNOVATING', formal: false },
  { order: 6, code: 'REFLECTING_EVALUATING', formal: false },
  { order: 7, code: 'PD_PROGRAMME', formal: true },
  { order: 8, code: 'DEGREE_COURSE', formal: true },
  { order: 9, code: 'STRUCTURAL_COACHING', formal: true },
  { order: 10, code: 'CONFERENCE', formal: true },
  { order: 11, code: 'FORMAL_COLLABORATION', formal: true },
] as const;

export type TypologyCode = (typeof TYPOLOGY_TYPES)[number]['code'];

export const TYPOLOGY_CODES: readonly TypologyCode[] = TYPOLOGY_TYPES.map((t) => t.code);

export function typologyIsCode(value: unknown): value is TypologyCode {
  return typeof value === 'string' && (TYPOLOGY_CODES as readonly string[]).includes(value);
}

export function typologyIsFormal(code: TypologyCode): boolean {
  return TYPOLOGY_TYPES.some((t) => t.code === code && t.formal);
}

export type TypologySplit = 'build' | 'heldout';

/** One labelled activity text of the data set the model is built from. */
export interface TypologyLabelledItem {
  readonly id?: string;
  readonly text: string;
  readonly type: TypologyCode;
  readonly split: TypologySplit;
  readonly source?: string;
}

/**
 * A multinomial naive Bayes model over binary feature presence, stored as counts so that a
 * rebuild is byte-for-byte comparable. `features[f][i]` is the number of build documents of
 * type `types[i]` that contain feature `f`.
 */
export interface TypologyModel {
  readonly format: 'kruispunt-typology-nb/1';
  readonly types: readonly TypologyCode[];
  readonly alpha: number;
  readonly ruleWeight: number;
  /** Scores are divided by this before the softmax, so that `confidence` is calibrated. */
  readonly temperature: number;
  readonly docCounts: readonly number[];
  readonly featureTotals: readonly number[];
  readonly features: Readonly<Record<string, readonly number[]>>;
}

export type TypologyReason = 'TEXT_TOO_SHORT' | 'NO_KNOWN_WORDS';

export interface TypologyAlternative {
  readonly type: TypologyCode;
  readonly confidence: number;
}

export type TypologySuggestion =
  | {
      readonly type: TypologyCode;
      readonly formal: boolean;
      /** Words and phrases of the input text that weighed most for `type`, strongest first. */
      readonly why: readonly string[];
      /** Share of the posterior for `type` (0–1). */
      readonly confidence: number;
      /** The other types, most likely first (at most three). */
      readonly alternatives: readonly TypologyAlternative[];
      readonly reason: null;
    }
  | {
      readonly type: null;
      readonly formal: null;
      readonly why: readonly string[];
      readonly confidence: 0;
      readonly alternatives: readonly TypologyAlternative[];
      readonly reason: TypologyReason;
    };

export interface TypologyActivity {
  readonly id: string;
  readonly text: string;
}

export type TypologyActivitySuggestion = TypologySuggestion & { readonly id: string };
