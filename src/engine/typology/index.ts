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
} from './types.ts';
export { typologySuggest, typologySuggestMany, TYPOLOGY_MODEL, TYPOLOGY_MIN_CONTENT_WORDS, TYPOLOGY_MAX_WHY } from './suggest.ts';
export {
  typologyModelBuild,
  typologyModelBuildDetailed,
  typologyModelSerialize,
  TYPOLOGY_BUILD_DEFAULTS,
  type TypologyBuildOptions,
  type TypologyBuildResult,
} from './model-build.ts';
export { typologyRuleMatches, TYPOLOGY_RULES, type TypologyRule, type TypologyRuleMatch } from './rules.ts';
export { typologyFold, typologyStem, typologyFeatures, typologyTokenize } from './text.ts';
export { typologyEvaluate, typologyKeywordBaseline, typologyMajorityBaseline, type TypologyEvaluation } from './evaluate.ts';
