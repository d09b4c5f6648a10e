// What other areas may use of the foundation beyond its auth, people and network nouns: the
// participants' evaluation of practice items, for draft examples and the practices' reports.
export { getEvaluationSummaries, getEvaluationSummary } from './evaluation/actions.ts';
export { evaluationSentence, evaluationSummarize } from './evaluation/rules.ts';
export { EVALUATION_SUMMARY_MINIMUM, evaluationSummarySchema, type EvaluationSummary } from './evaluation/schema.ts';
