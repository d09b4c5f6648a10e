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
export const TYPOLOGY_MODEL_FORMAT = 'kruispunt-typology-nb/2';

export interface TypologyModel {
  readonly format: typeof TYPOLOGY_MODEL_FORMAT;
  readonly types: readonly TypologyCode[];
  readonly alpha: number;
  readonly ruleWeight: number;
  /** Multiplies the evidence of source-of-learning cue features (`c:…`). */
  readonly cueWeight: number;
  /** Scores are divided by this before the softmax, so that `confidence` is calibrated. */
  readonly temperature: number;
  readonly docCounts: readonly number[];
  readonly featureTotals: readonly number[];
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/**
 * Why no type is suggested: the text has fewer than two content words, none of its words is
 * known to the model, or it says too little to tell the types apart (ask the teacher for more).
 */
export type TypologyReason = 'TEXT_TOO_SHORT' | 'NO_KNOWN_WORDS' | 'NEEDS_MORE_DETAIL';

/**
 * What the editor should show: one suggestion; the best two types side by side when they are
 * close; or a request to tell more (no type suggested).
 */
export type TypologyState = 'SUGGESTED' | 'TWO_CLOSE' | 'TELL_US_MORE';

/** A readable band for `confidence`: HIGH ≥ 0.75, MEDIUM ≥ 0.5, LOW below. */
export type TypologyConfidenceLevel = 'HIGH' | 'MEDIUM' | 'LOW';

export interface TypologyAlternative {
  readonly type: TypologyCode;
  readonly confidence: number;
}

/** One type to offer the teacher, with the words of the text that speak for it. */
export interface TypologyCandidate {
  readonly type: TypologyCode;
  readonly formal: boolean;
  readonly confidence: number;
  readonly why: readonly string[];
}

interface TypologySuggestionCommon {
  readonly state: TypologyState;
  /**
   * The types to show: one when SUGGESTED, the best two when TWO_CLOSE, and the best guesses
   * (at most two, possibly none) when TELL_US_MORE.
   */
  readonly candidates: readonly TypologyCandidate[];
  /** Source-of-learning cues found in the text (e.g. RECEIVES_COACHING), for the UI to name. */
  readonly cues: readonly string[];
}

export type TypologySuggestion =
  | (TypologySuggestionCommon & {
      readonly type: TypologyCode;
      readonly formal: boolean;
      /** Words and phrases of the input text that weighed most for `type`, strongest first. */
      readonly why: readonly string[];
      /** Estimated probability that `type` is right (0–1), calibrated on the build data. */
      readonly confidence: number;
      readonly confidenceLevel: TypologyConfidenceLevel;
      /** The other types, most likely first (at most three). */
      readonly alternatives: readonly TypologyAlternative[];
      readonly reason: null;
    })
  | (TypologySuggestionCommon & {
      readonly type: null;
      readonly formal: null;
      readonly why: readonly string[];
      readonly confidence: 0;
      readonly confidenceLevel: 'LOW';
      /** When the text says too little: the best guesses, most likely first. */
      readonly alternatives: readonly TypologyAlternative[];
      readonly reason: TypologyReason;
    });

/** A type a teacher confirmed or corrected, kept with the text's features only (never the text). */
export interface TypologyConfirmation {
  readonly type: TypologyCode;
  /** `typologyConfirmationFeatures(text)` at the moment of confirming. */
  readonly features: readonly string[];
}

export interface TypologyActivity {
  readonly id: string;
  readonly text: string;
}

export type TypologyActivitySuggestion = TypologySuggestion & { readonly id: string };
