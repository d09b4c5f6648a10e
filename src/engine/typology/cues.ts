// Cues for the SOURCE of the learning — who or what the teacher learned from — which is what
// the study's researchers typed by, rather than words that happen to appear. Each cue is a
// transparent pattern on folded text (lowercase, no diacritics); a cue that matches becomes the
// feature `c:<CUE>`, and a few combinations that the naive Bayes model cannot form by itself
// become `c:<CUE>+<CUE>` (e.g. something read AND discussed in a meeting is interaction, read
// alone it is an information source).
import { typologyFold } from './text.ts';

export const TYPOLOGY_CUES = [
  'GIVES_COACHING',
  'RECEIVES_COACHING',
  'RECURRING',
  'STUDENTS',
  'COLLEAGUES',
  'INSIDE_COURSE',
  'MEETING',
  'READ_OR_WATCHED',
  'ALONE',
  'NEW_APPROACH',
  'LOOKING_BACK',
  'LARGE_EVENT',
  'SESSION_FORMAT',
  'ORGANISING_ROLE',
  'GROUP_OF_PEERS',
] as const;

export type TypologyCue = (typeof TYPOLOGY_CUES)[number];

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const W = '(?:\\p{L}+ )'; // one word and a space

const CUE_PATTERNS: Readonly<Record<TypologyCue, string>> = {
  GIVES_COACHING: [
    `${B}(ik )?(coach|begeleid|help|ondersteun)(\\p{L}*)? (\\p{L}+ ){0,2}(nieuwe |startende |jonge )?(collega|starter|stagiair|lio|zij-instromer)`,
    `${B}collega'?s? (coachen|begeleiden|inwerken|helpen)`,
    `${B}(ingewerkt|inwerken)`,
    `${B}(als|ben) (\\p{L}+ )?(coach|mentor|maatje|begeleider|praktijkopleider|werkplekbegeleider) (van|voor) `,
    `${B}(workshop|training|presentatie|sessie) (gegeven|verzorgd) (aan|voor) collega`,
  ].join('|'),
  RECEIVES_COACHING: [
    `${B}(met|van|door) (mijn|een|de|onze) (vaste |eigen |externe |ervaren )?(coach|begeleider|mentor|schoolopleider|werkplekbegeleider|loopbaanadviseur|adviseur)`,
    `${B}(mijn|vaste|eigen|externe) (coach|begeleider|mentor|schoolopleider|werkplekbegeleider)`,
    `${B}(word|werd|ben|wordt) ${W}{0,3}(gecoacht|begeleid)`,
    `${B}(coacht|begeleidt|helpt|bezoekt) (mij|me)${B}`,
    `${B}(krijg|kreeg|ontvang|gekregen) ${W}?(coaching|begeleiding)`,
    `${B}(coaching|begeleidings|inductie|starters|introductie|loopbaan)(traject|programma|begeleiding|gesprek)`,
    `${B}(coachings?gesprek|beeldbegeleid|beeldcoach|videocoach|video-coach)`,
  ].join('|'),
  RECURRING: [
    `${B}(elke|iedere|om de) ${W}?(dag|week|weken|maand|maanden|kwartaal|periode)`,
    `${B}(wekelijks|tweewekelijks|maandelijks|driewekelijks)`,
    `${B}(\\d+|een|twee|drie|vier|vijf|zes)( ?x| keer) per (week|maand|jaar|periode|kwartaal)`,
    `${B}(het hele|heel het|dit hele) (jaar|schooljaar|halfjaar)`,
    `${B}vaste (afspraak|afspraken|momenten|cyclus|groep|bijeenkomsten|planning|jaarplanning)`,
    `${B}(vier|vijf|zes|zeven|acht|tien) (sessies|gesprekken|afspraken|keer)`,
  ].join('|'),
  STUDENTS: `${B}(student|studenten|leerling|leerlingen|klas|klassen|groep|stagiair|stagiaires|deelnemers|bbl|bol|mentorklas|mentorstudent)`,
  COLLEAGUES: `${B}(collega|collega's|team|teamleden|sectie|vakgroep|docenten)`,
  INSIDE_COURSE: [
    `${B}(voor|van|in|binnen) (mijn|de|onze) (studie|opleiding|master|masteropleiding|bachelor|premaster|deeltijdopleiding|deeltijdstudie)`,
    `${B}\\d+ ?(ec|ects|studiepunten)${E}`,
    `${B}(college|colleges|hoorcollege|tentamen|tentamens|thesis|scriptie|eindwerk|essay|paper|onderzoeksvoorstel|onderzoeksplan|onderzoeksopzet|literatuurstudie|literatuurhoofdstuk)`,
    `${B}(hogeschool|universiteit|open universiteit|hbo-opleiding|universitaire)`,
    `${B}(afstudeer(onderzoek|project|opdracht)|eindopdracht)`,
  ].join('|'),
  MEETING: [
    `(overleg|vergadering|teambijeenkomst|teamdag|teammiddag|sectieoverleg|werkoverleg)`,
    `${B}(besproken|bespraken|bespreken|gediscussieerd|discussie|uitgewisseld|uitwisselen|gedeeld|doorgepraat|gesproken|gepraat|afgestemd)`,
  ].join('|'),
  READ_OR_WATCHED: `${B}((ge|door|in)?lezen|gelezen|doorgelezen|ingelezen|las|boek|boeken|artikel|artikelen|stuk uit|vakblad|vakbladen|literatuur|rapport|handboek|handleiding|podcast|aflevering|afleveringen|filmpjes|video'?s|documentaire|youtube|blogs?|website|internet|opgezocht|uitgezocht|bestudeerd|beluisterd|geluisterd|doorgewerkt|doorgenomen)`,
  ALONE: `${B}(in mijn eentje|alleen|thuis|zelf|op eigen initiatief|in de trein|in de auto|onderweg|vakantie|op de bank|'s avonds)`,
  NEW_APPROACH: [
    `${B}(voor het eerst|nooit eerder|nog nooit|eerste keer|nieuwe (werkvorm|aanpak|manier|opzet|vorm)|zelf bedacht|zelf gemaakt|eens wat anders)`,
    `${B}(ontworpen|ontwikkeld|ingevoerd|omgegooid|opgezet|ingezet|uitgeprobeerd|uitgetest|getest|geexperimenteerd|experiment)`,
  ].join('|'),
  LOOKING_BACK: `${B}(terug(gekeken|gezien|geblikt|bekeken|kijken|blik)|nabesproken|nagesproken|nagedacht|opgeschreven wat|wat (goed|beter|mis) ging|patroon|geanalyseerd|doorgelicht|tegen het licht|bijgesteld|naast (die van )?vorig jaar|zelfevaluatie|reflectie|opname van mezelf|mezelf (terug|gefilmd))`,
  LARGE_EVENT: [
    `${B}(tweedaags|tweedaagse|driedaags|driedaagse|landelijk|landelijke|nationaal|nationale|internationaal|internationale|europese|uit het hele land|uit heel|van heel)`,
    `${B}(honderden|duizend|\\d{3,} (deelnemers|bezoekers|man|mensen)|plenair|plenaire|parallel|parallelle|deelsessies|stands|beursvloer|informatiemarkt|lezingen|sprekers|presentaties|posterpresentatie)`,
  ].join('|'),
  SESSION_FORMAT: `${B}(dagdelen|dagdeel|bijeenkomsten|certificaat|trainer|oefenen|oefeningen|rollenspel|rollenspellen|e-module|module|online sessie|aangemeld|ingeschreven|academie|opleidingscentrum|extern bureau|huiswerk)`,
  ORGANISING_ROLE: `${B}(georganiseerd|organiseer|organiseren|organisatie van|geregeld|regel|verantwoordelijk|eindverantwoordelijk|coordin|voorzitter|secretaris|lid van|namens|rol van|taak|contactpersoon|ambassadeur|commissie)`,
  GROUP_OF_PEERS: [
    `${B}(onderzoeksgroep|werkplaats|platform|netwerk|community|ontwikkelteam|werkgroep|lectoraat|lector|onderzoeker|docent-onderzoeker|docentonderzoeker)`,
    `${B}(met|van) (\\p{L}+ )?(scholen|roc'?s) (uit|in) (de|het|onze)`,
    `${B}(komen|komt) ${W}{0,4}(bij elkaar|samen)`,
  ].join('|'),
};

const COMPILED: readonly { cue: TypologyCue; pattern: RegExp }[] = TYPOLOGY_CUES.map((cue) => ({
  cue,
  pattern: new RegExp(CUE_PATTERNS[cue], 'gu'),
}));

/** Pairs of cues whose combination says more than each alone (naive Bayes cannot combine). */
const COMBINATIONS: readonly (readonly [TypologyCue, TypologyCue])[] = [
  ['READ_OR_WATCHED', 'MEETING'],
  ['READ_OR_WATCHED', 'ALONE'],
  ['READ_OR_WATCHED', 'INSIDE_COURSE'],
  ['RECEIVES_COACHING', 'RECURRING'],
  ['GIVES_COACHING', 'COLLEAGUES'],
  ['GROUP_OF_PEERS', 'RECURRING'],
  ['NEW_APPROACH', 'STUDENTS'],
  ['LOOKING_BACK', 'STUDENTS'],
  ['LARGE_EVENT', 'SESSION_FORMAT'],
  ['INSIDE_COURSE', 'NEW_APPROACH'],
];

export interface TypologyCueMatch {
  /** `CUE` or `CUE+CUE` for a combination. */
  readonly cue: string;
  /** The words that matched (first match), exactly as in the input. */
  readonly surface: string;
  readonly start: number;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}'-]/u.test(ch);
}

/** The cues that occur in a text, each once (first occurrence), plus the cue combinations. */
export function typologyCueMatches(text: string): TypologyCueMatch[] {
  const folded = typologyFold(text);
  const found = new Map<TypologyCue, TypologyCueMatch>();
  for (const { cue, pattern } of COMPILED) {
    pattern.lastIndex = 0;
    const m = pattern.exec(folded);
    if (!m) continue;
    let start = m.index;
    let end = start + m[0].length;
    while (end > start && !isWordChar(folded[end - 1])) end--;
    while (start > 0 && isWordChar(folded[start - 1])) start--;
    while (end < folded.length && isWordChar(folded[end])) end++;
    found.set(cue, { cue, surface: text.slice(start, end), start });
  }
  const out = [...found.values()];
  for (const [a, b] of COMBINATIONS) {
    const ma = found.get(a);
    const mb = found.get(b);
    if (ma && mb) out.push({ cue: `${a}+${b}`, surface: ma.surface, start: ma.start });
  }
  return out;
}
