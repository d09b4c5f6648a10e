import { EVALUATION_SUMMARY_MINIMUM, type EvaluationSummary } from './schema.ts';

// Pure rules of the participants' evaluation: the summary of the answers, and its sentence in a
// draft practice example.

/** The summary of an item's answers; figures only from the minimum count on (nobody is recognisable). */
export function evaluationSummarize(answers: readonly { score: number; takeaway: string }[], minimum = EVALUATION_SUMMARY_MINIMUM): EvaluationSummary {
  const count = answers.length;
  if (count < minimum) return { count, minimum, shown: false, mean: null, distribution: [], takeaways: [] };
  const distribution = [0, 0, 0, 0, 0];
  for (const a of answers) distribution[a.score - 1]! += 1;
  const mean = Math.round((answers.reduce((s, a) => s + a.score, 0) / count) * 10) / 10;
  // Sorted, so their order does not tell who answered when.
  const takeaways = answers.map((a) => a.takeaway.trim()).filter(Boolean).sort((x, y) => x.localeCompare(y, 'nl'));
  return { count, minimum, shown: true, mean, distribution, takeaways };
}

/** The figures in a draft example's story, in Dutch ("14 deelnemers gaven gemiddeld 4,3 uit 5 …"); '' below the minimum. */
export function evaluationSentence(summary: EvaluationSummary): string {
  if (!summary.shown || summary.mean === null) return '';
  const mean = summary.mean.toFixed(1).replace('.', ',');
  return `${summary.count} deelnemers gaven gemiddeld ${mean} uit 5 op de vraag hoe waardevol het was voor hun werk.`;
}
