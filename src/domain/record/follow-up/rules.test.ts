import { describe, expect, it } from 'vitest';
import { effectDelayNl, effectPresent, effectSentenceNl } from './rules.ts';

describe('the lasting-effect counts', () => {
  it('hides the three counts below three answers, and never shows fewer asked than answered', () => {
    expect(effectPresent({ asked: 5, changed: 1, partly: 1, unchanged: 0 }, 91)).toEqual({ afterDays: 91, asked: 5, answered: 2, counts: null });
    expect(effectPresent({ asked: 1, changed: 2, partly: 0, unchanged: 1 }, 91)).toEqual({ afterDays: 91, asked: 3, answered: 3, counts: { changed: 2, partly: 0, unchanged: 1 } });
  });

  it('says the delay in weeks or months, singular and plural', () => {
    expect(effectDelayNl(91)).toBe('3 maanden later');
    expect(effectDelayNl(30)).toBe('4 weken later');
    expect(effectDelayNl(7)).toBe('1 week later');
    expect(effectDelayNl(365)).toBe('12 maanden later');
    expect(effectDelayNl(60)).toBe('2 maanden later');
  });

  it('writes the draft sentence with the right verb for one and for more', () => {
    const e = (changed: number, partly: number, unchanged: number) => effectPresent({ asked: 20, changed, partly, unchanged }, 91);
    expect(effectSentenceNl(e(0, 0, 0))).toBe('');
    expect(effectSentenceNl(e(1, 0, 0))).toBe('3 maanden later antwoordde 1 docent op de vraag wat ze nu anders denken of doen; te weinig om de antwoorden te tellen.');
    expect(effectSentenceNl(e(5, 7, 5))).toBe('3 maanden later zeiden 12 van de 17 docenten die antwoordden dat ze iets anders denken of doen (5 duidelijk, 7 deels).');
    expect(effectSentenceNl(e(0, 1, 2))).toBe('3 maanden later zei 1 van de 3 docenten die antwoordden dat ze iets anders denken of doen (0 duidelijk, 1 deels).');
    expect(effectSentenceNl(e(0, 0, 4))).toBe('3 maanden later zei geen van de 4 docenten die antwoordden dat ze iets anders denken of doen.');
  });
});
