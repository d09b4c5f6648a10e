import { EVALUATION_QUESTIONS, type Evaluation } from './schema.ts';

// Codes and summaries of evaluation rounds.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A six-character code without look-alike characters (no 0/O, 1/I), from random bytes. */
export function evaluationCode(bytes: Uint8Array): string {
  return [...bytes.slice(0, 6)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

type Answer = { respondent: string; ratings: unknown; comment: string };

export function evaluationSummarise(answers: readonly Answer[]): Pick<Evaluation, 'answers' | 'groups' | 'distribution' | 'comments'> {
  const rating = (a: Answer, q: string) => {
    const v = (a.ratings as Record<string, unknown>)[q];
    return typeof v === 'number' && v >= 1 && v <= 5 ? v : null;
  };
  const groups = (['pupil', 'vo_teacher', 'mbo_teacher'] as const).map((respondent) => {
    const own = answers.filter((a) => a.respondent === respondent);
    return {
      respondent, answers: own.length,
      averages: EVALUATION_QUESTIONS.map((question) => {
        const vals = own.map((a) => rating(a, question)).filter((v): v is number => v !== null);
        return { question, average: vals.length ? Math.round((vals.reduce((s, v) => s + v, 0) / vals.length) * 10) / 10 : null };
      }),
    };
  });
  return {
    answers: answers.length,
    groups,
    distribution: EVALUATION_QUESTIONS.map((question) => ({
      question, counts: [1, 2, 3, 4, 5].map((n) => answers.filter((a) => rating(a, question) === n).length),
    })),
    comments: answers.filter((a) => a.comment.trim() !== '').map((a) => ({ respondent: a.respondent as 'pupil', comment: a.comment })),
  };
}

/**
 * The record activities of one leerlab behind its lasting-effect counts: the guest lessons and the
 * pupils' sessions, each one activity per teacher ('<source>', '<leerlab>:<source>').
 */
export function evaluationEffectItems(leerlabId: string): { source: string; sourceId: string }[] {
  return (['leerlab_guest_lesson', 'leerlab_session'] as const).map((source) => ({ source, sourceId: `${leerlabId}:${source}` }));
}
