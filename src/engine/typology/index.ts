// Learner-report typology suggestion: public surface of the module.
export {
  TYPOLOGY_TYPES,
  TYPOLOGY_CODES,
  typologyIsCode,
  typologyIsFormal,
  type TypologyCode,
  type TypologySplit,
  type TypologyLabelledItem,
  type TypologyModel,
  type TypologyReason,
  type TypologyAlternative,
  type TypologySuggestion,
  type TypologyActivity,
  type TypologyActivitySuggestion,
  type TypologyState,
  type TypologyConfidenceLevel,
  type TypologyCandidate,
  type TypologyConfirmation,
  TYPOLOGY_MODEL_FORMAT,
} from './types.ts';
export {
  typologySuggest,
  typologySuggestMany,
  typologyConfidenceLevel,
  TYPOLOGY_MODEL,
  TYPOLOGY_MIN_CONTENT_WORDS,
  TYPOLOGY_MAX_WHY,
  TYPOLOGY_STATE_THRESHOLDS,
} from './suggest.ts';
export { typologyModelAdapt, typologyConfirmationFeatures, TYPOLOGY_ADAPT_DEFAULTS, type TypologyAdaptOptions } from './adapt.ts';
export { typologyCueMatches, TYPOLOGY_CUES, type TypologyCue, type TypologyCueMatch } from './cues.ts';
export {
  typologyModelBuild,
  typologyModelBuildDetailed,
  typologyModelSerialize,
  TYPOLOGY_BUILD_DEFAULTS,
  type TypologyBuildOptions,
  type TypologyBuildResult,
} from './model-build.ts';
export { typologyRuleMatches, TYPOLOGY_RULES, type TypologyRule, type TypologyRuleMatch } from './rules.ts';
export { typologyFold, typologyStem, typologyFeatures, typologyTokenize, typologyTrimStopwords, typologyIsStopword } from './text.ts';
export { typologyEvaluate, typologyKeywordBaseline, typologyMajorityBaseline, type TypologyEvaluation } from './evaluate.ts';
