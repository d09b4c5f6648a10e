// Dutch text handling for the typology model: folding (lowercase, no diacritics) that keeps
// every character at its position, tokens with their place in the original text, a light
// suffix-stripping stemmer, compound splitting on known heads, and the feature set
// (unigrams, compound parts, bigrams) with the surface text each feature came from.
// Stop words: our own list joined with the Snowball Dutch list (`@orama/stopwords`).
import { stopwords as SNOWBALL_DUTCH_STOPWORDS } from '@orama/stopwords/dutch';

export interface TypologyToken {
  /** Folded form as it appears (lowercase, no diacritics). */
  readonly folded: string;
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  readonly stopword: boolean;
}

export interface TypologyFeature {
  readonly key: string;
  /** The text span the feature came from, exactly as in the input. */
  readonly surface: string;
  /** Where `surface` starts in the input. */
  readonly start: number;
}

const STOPWORDS: ReadonlySet<string> = new Set([
  ...(
    'aan al alle alles als andere ben bij da daar daarna daarom dan dat de deze die dit doen door ' +
    'dus een eens elk elke en enz er erg even ge gedaan geen haar had hadden heb hebben heeft hem het hier ' +
    'hij hoe hun ieder iedere ik in is je jij jou jouw kan kon kunnen maar me meer met mij mijn ' +
    'moest moet na naar niet nog nu of om onder ons onze ook op over te tegen ten ter tot toe ' +
    'toen u uit van vanaf vandaag veel voor waar wanneer want waren was wat we wel werd weer ' +
    'wie wij word wordt worden zal ze zelf zich zij zijn zo zodat zou zoals'
  ).split(' '),
  ...SNOWBALL_DUTCH_STOPWORDS.map((w) => typologyFold(w)),
]);

export function typologyIsStopword(folded: string): boolean {
  return STOPWORDS.has(folded);
}

/** The part of `surface` from its first to its last content word ('' when it has none). */
export function typologyTrimStopwords(surface: string): string {
  const folded = typologyFold(surface);
  const words = [...folded.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => !STOPWORDS.has(m[0]) && !/^\d+$/.test(m[0]));
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return '';
  return surface.slice(first.index, last.index + last[0].length);
}

/**
 * Lowercase, strip diacritics, and keep the string length: position i of the result stands
 * for UTF-16 code unit i of the input, so matches map back to the teacher's own words.
 */
export function typologyFold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      out += ' ';
      continue;
    }
    const mapped = text[i]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += mapped.length === 0 ? ' ' : mapped[0]!;
  }
  return out;
}

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && 'aeiouy'.includes(ch);
}

/** A light Dutch stemmer: plural and inflection endings, participles, doubled consonants. */
export function typologyStem(word: string): string {
  let s = word;
  if (s.length <= 3 || /\d/.test(s)) return s;
  if (s.endsWith('heden')) return `${s.slice(0, -5)}heid`;
  const original = s;
  if (s.endsWith('s') && s.length >= 5 && !isVowel(s[s.length - 2]) && !'sj'.includes(s[s.length - 2]!)) {
    s = s.slice(0, -1);
  }
  if (s.endsWith('ingen')) s = s.slice(0, -2);
  else if (s.endsWith('en') && s.length >= 5 && !isVowel(s[s.length - 3])) s = s.slice(0, -2);
  else if (s.endsWith('e') && s.length >= 5 && !isVowel(s[s.length - 2])) s = s.slice(0, -1);
  // past participle ge…d / ge…t, and past tense …de / …te
  if (s.length >= 7 && s.startsWith('ge') && /[dt]$/.test(s) && !isVowel(s[s.length - 2])) {
    s = s.slice(2, -1);
  } else if (/(de|te)$/.test(original) && /[^aeiou][dt]$/.test(s) && s.length >= 5) {
    s = s.slice(0, -1);
  } else if (s.length >= 8 && /^(be|ver|ont|her)/.test(s) && /[^aeiou][dt]$/.test(s)) {
    s = s.slice(0, -1); // beoordeeld → beoordeel, verbeterd → verbeter
  }
  if (s.length >= 6 && s.endsWith('eer')) s = `${s.slice(0, -3)}er`;
  // one vowel for a doubled one before the final consonant: beoordeel/beoordel, taak/taken
  s = s.replace(/(?<=[^aeiou])(aa|ee|oo|uu)(?=[^aeiou]$)/, (v) => v[0]!);
  if (/(bb|dd|ff|gg|kk|ll|mm|nn|pp|rr|ss|tt)$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** Heads that Dutch compounds in this domain end with (stemmed), longest first. */
const COMPOUND_HEADS = [
  'leergemeenschap', 'bijeenkomst', 'conferentie', 'vergadering', 'begeleiding', 'coordinator',
  'programma', 'opleiding', 'symposium', 'onderzoek', 'evaluatie', 'reflectie', 'commissie',
  'workshop', 'training', 'coaching', 'netwerk', 'gesprek', 'traject', 'webinar', 'congres',
  'overleg', 'project', 'artikel', 'cursus', 'module', 'middag', 'ochtend', 'bezoek', 'studie',
  'master', 'coach', 'stage', 'groep', 'team', 'kring', 'boek', 'dag', 'les',
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** Splits a stemmed compound on known heads, e.g. `teamoverleg` → `team`, `overleg`. */
export function typologySplitCompound(stem: string, depth = 0): string[] {
  if (depth > 2) return [];
  for (const head of COMPOUND_HEADS) {
    if (!stem.endsWith(head) || stem === head) continue;
    let modifier = stem.slice(0, -head.length);
    if (modifier.length < (head.length <= 3 ? 5 : 3)) continue;
    if (modifier.endsWith('-')) modifier = modifier.slice(0, -1);
    if (modifier.length >= 5 && modifier.endsWith('s') && !isVowel(modifier[modifier.length - 2])) {
      modifier = modifier.slice(0, -1);
    }
    const modifierStem = typologyStem(modifier);
    return [modifierStem, head, ...typologySplitCompound(modifierStem, depth + 1)];
  }
  return [];
}

export function typologyTokenize(text: string): TypologyToken[] {
  const folded = typologyFold(text);
  const tokens: TypologyToken[] = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    const start = m.index;
    if (word.length < 2 && !/\d/.test(word)) continue;
    tokens.push({
      folded: word,
      stem: typologyStem(word),
      start,
      end: start + word.length,
      stopword: STOPWORDS.has(word) || /^\d+$/.test(word),
    });
  }
  return tokens;
}

/** Content tokens: the words that carry meaning (no stop words, no bare numbers). */
export function typologyContentTokens(text: string): TypologyToken[] {
  return typologyTokenize(text).filter((t) => !t.stopword);
}

const CLAUSE_BREAK = /[.,;:!?()[\]/"“”]/;

/**
 * Features of a text: `w:<stem>` for every content word and for the parts of known
 * compounds, `b:<stem> <stem>` for neighbouring content words within one clause. A feature
 * occurring more than once keeps its first surface.
 */
export function typologyFeatures(text: string): TypologyFeature[] {
  const tokens = typologyContentTokens(text);
  const seen = new Map<string, { surface: string; start: number }>();
  const add = (key: string, surface: string, start: number): void => {
    if (!seen.has(key)) seen.set(key, { surface, start });
  };
  tokens.forEach((token, i) => {
    const surface = text.slice(token.start, token.end);
    add(`w:${token.stem}`, surface, token.start);
    for (const part of typologySplitCompound(token.stem)) add(`w:${part}`, surface, token.start);
    const next = tokens[i + 1];
    if (next && !CLAUSE_BREAK.test(text.slice(token.end, next.start))) {
      add(`b:${token.stem} ${next.stem}`, text.slice(token.start, next.end), token.start);
    }
  });
  return [...seen].map(([key, { surface, start }]) => ({ key, surface, start }));
}
