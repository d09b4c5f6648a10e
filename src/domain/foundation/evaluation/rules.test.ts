import { describe, expect, it } from 'vitest';
import { evaluationSentence, evaluationSummarize } from './rules.ts';

describe('evaluationSummarize', () => {
  it('shows only the count below three answers', () => {
    expect(evaluationSummarize([{ score: 5, takeaway: 'Naam van mijn collega' }, { score: 1, takeaway: '' }])).toEqual({ count: 2, minimum: 3, shown: false, mean: null, distribution: [], takeaways: [] });
    expect(evaluationSummarize([])).toMatchObject({ count: 0, shown: false });
  });

  it('gives the mean to one decimal, answers per score and the sorted, non-empty one-liners from three on', () => {
    const s = evaluationSummarize([{ score: 5, takeaway: ' Zorgrobot ' }, { score: 4, takeaway: '' }, { score: 4, takeaway: 'Aan de slag met sensoren' }]);
    expect(s).toEqual({ count: 3, minimum: 3, shown: true, mean: 4.3, distribution: [0, 0, 0, 2, 1], takeaways: ['Aan de slag met sensoren', 'Zorgrobot'] });
  });

  it('does not depend on the order of the answers', () => {
    const a = [{ score: 1, takeaway: 'b' }, { score: 3, takeaway: 'a' }, { score: 2, takeaway: 'c' }, { score: 5, takeaway: '' }];
    expect(evaluationSummarize([...a].reverse())).toEqual(evaluationSummarize(a));
  });
});

describe('evaluationSentence', () => {
  it('writes the figures in Dutch with a decimal comma, and nothing below three answers', () => {
    expect(evaluationSentence(evaluationSummarize(Array.from({ length: 14 }, (_, i) => ({ score: i < 4 ? 5 : 4, takeaway: '' })))))
      .toBe('14 deelnemers gaven gemiddeld 4,3 uit 5 op de vraag hoe waardevol het was voor hun werk.');
    expect(evaluationSentence(evaluationSummarize([{ score: 4, takeaway: '' }]))).toBe('');
  });
});
