// Transparent keyword rules: words and phrases that by themselves point at one type (mostly
// the formal ones, where a single word such as "webinar" or "congres" decides). Patterns run
// on folded text (lowercase, no diacritics); each match adds the model's rule weight to the
// type's score and is shown in `why` as the teacher wrote it.
import type { TypologyCode } from './types.ts';
import { typologyFold } from './text.ts';

export interface TypologyRule {
  readonly id: string;
  readonly type: TypologyCode;
  readonly pattern: RegExp;
}

export interface TypologyRuleMatch {
  readonly rule: string;
  readonly type: TypologyCode;
  /** The whole words covering the match, exactly as in the input. */
  readonly surface: string;
  readonly start: number;
}

const B = '(?<![\\p{L}\\p{N}])'; // start of a word
const E = '(?![\\p{L}\\p{N}])'; // end of a word

function rule(id: string, type: TypologyCode, source: string): TypologyRule {
  return { id, type, pattern: new RegExp(source, 'gu') };
}

export const TYPOLOGY_RULES: readonly TypologyRule[] = [
  // formal: professional development programmes
  rule('PD_WEBINAR', 'PD_PROGRAMME', 'webinar'),
  rule('PD_WORKSHOP', 'PD_PROGRAMME', 'workshop'),
  rule('PD_STUDY_DAY', 'PD_PROGRAMME', '(studie|scholings|professionaliserings)(dag|middag|ochtend)'),
  rule('PD_TRAINING', 'PD_PROGRAMME', 'training(?!sbureau)|(bij|na)?scholing'),
  rule('PD_E_LEARNING', 'PD_PROGRAMME', `${B}e-?learning`),
  rule('PD_MASTERCLASS', 'PD_PROGRAMME', 'masterclass'),
  rule('PD_SHORT_COURSE', 'PD_PROGRAMME', `${B}(online )?cursus(?!sen met studiepunt)|leergang`),
  // formal: courses for a degree or credits
  rule('DC_MASTER', 'DEGREE_COURSE', `${B}(pre|post)?master(?!class)`),
  rule('DC_CREDITS', 'DEGREE_COURSE', `${B}(ects|studiepunt)`),
  rule('DC_TEACHER_EDUCATION', 'DEGREE_COURSE', 'lerarenopleiding|pabo|(eerste|tweede)graads|bevoegdheid'),
  rule('DC_PDG', 'DEGREE_COURSE', `${B}pdg${E}|getuigschrift`),
  rule('DC_THESIS', 'DEGREE_COURSE', 'scriptie|afstudeer|tentamen|promotieonderzoek'),
  rule('DC_DEGREE', 'DEGREE_COURSE', 'bachelor|associate degree|deeltijd(opleiding|studie)|open universiteit|minor'),
  // formal: structural coaching
  rule('SC_TRAJECTORY', 'STRUCTURAL_COACHING', '(coachings?|begeleidings|inductie)(traject|programma)'),
  rule('SC_PEER_COACHING', 'STRUCTURAL_COACHING', 'peer-?coach'),
  rule('SC_MY_COACH', 'STRUCTURAL_COACHING', `${B}(mijn|vaste|een externe|de beeld|loopbaan|team|didactisch)[ -]?coach`),
  rule('SC_COACHED', 'STRUCTURAL_COACHING', `${B}(word|werd|wordt) (\\p{L}+ )?(gecoacht|begeleid)`),
  rule('SC_SUPERVISION', 'STRUCTURAL_COACHING', 'supervisi|intervisie|werkplekbegeleider|beeldcoach|video-interactiebegeleiding'),
  // formal: conferences
  rule('CO_CONGRESS', 'CONFERENCE', 'congres|conferentie|symposium'),
  rule('CO_KEYNOTE', 'CONFERENCE', 'keynote|parallelsessie|onderwijsdagen'),
  // formal: formal collaboration
  rule('FC_PLG', 'FORMAL_COLLABORATION', `${B}plg${E}|professionele leergemeenschap|leergemeenschap`),
  rule('FC_NETWORK', 'FORMAL_COLLABORATION', 'docentennetwerk|vaknetwerk|leernetwerk|kennisnetwerk|netwerk van (docenten|bpv)'),
  rule('FC_TEAMS', 'FORMAL_COLLABORATION', `leerteam|kenniskring|datateam|lesson study|community of practice|docentontwikkelteam|${B}leerlab`),
  // informal: information sources
  rule('IS_READING', 'INFORMATION_SOURCES', `${B}(gelezen|lezen|las|ingelezen|doorgelezen|vakliteratuur|literatuur|podcast|vakblad)`),
  // informal: experimenting and innovating
  rule('EI_TRYING', 'EXPERIMENTING_INNOVATING', `${B}((ge)?experiment|uitgeprobeerd|uitproberen|uitgetest|pilot|geprobeerd)`),
  // informal: reflecting and evaluating
  rule('RE_REFLECTING', 'REFLECTING_EVALUATING', `${B}((ge)?reflect|terug(gekeken|kijken|blik)|logboek|collegiale consultatie|herzien|zelfevaluatie)`),
  // informal: interaction
  rule('IC_MEETING', 'INTERACTION_COLLABORATION', 'teamvergadering|teamoverleg|sectievergadering|feedback (ontvangen|gekregen)'),
  // informal: tasks and roles
  rule('TR_COORDINATING', 'TASKS_ROLES', `coordinator|${B}(coordiner|gecoordineerd)|${B}collega'?s coachen`),
  // informal: teaching and coaching
  rule('TC_TEACHING', 'TEACHING_COACHING', `${B}(les(sen)? (gegeven|geven|gaf)|lesgegeven|lesgeven|co-teaching|stagebezoek|studenten (coachen|begeleid))`),
];

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}'-]/u.test(ch);
}

/** All rule matches in a text, in order of position. */
export function typologyRuleMatches(
  text: string,
  rules: readonly TypologyRule[] = TYPOLOGY_RULES,
): TypologyRuleMatch[] {
  const folded = typologyFold(text);
  const matches: TypologyRuleMatch[] = [];
  for (const r of rules) {
    for (const m of folded.matchAll(r.pattern)) {
      let start = m.index;
      let end = start + m[0].length;
      while (start > 0 && isWordChar(folded[start - 1])) start--;
      while (end < folded.length && isWordChar(folded[end])) end++;
      matches.push({ rule: r.id, type: r.type, surface: text.slice(start, end).replace(/^['-]+|['-]+$/g, ''), start });
    }
  }
  return matches.sort((a, b) => a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
