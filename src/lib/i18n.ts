// Server-side messages (errors, e-mails, import reports) in Dutch and English. Each area keeps
// its own catalogue beside its code (src/domain/<area>/messages.ts); this file holds the core
// messages the server itself produces (validation, authentication, CSRF) and the translator.
// The browser UI has its own catalogues in web/src; both translate the same SCREAMING_SNAKE codes.
import { IntlMessageFormat } from 'intl-messageformat';

export type Locale = 'nl' | 'en';
export const locales: readonly Locale[] = ['nl', 'en'];

export type Catalogue = Record<string, string>;
/** One catalogue per language; an area's nl and en hold the same keys (a unit test checks it). */
export type Messages = Record<Locale, Catalogue>;
export type Translate = (locale: Locale, code: string, params?: Record<string, string | number>) => string;

export const coreMessages: Messages = {
  nl: {
    VALIDATION_FAILED: "De invoer klopt niet: {details}",
    UNAUTHENTICATED: "Je bent niet ingelogd, of je sessie is verlopen. Log opnieuw in.",
    FORBIDDEN: "Je hebt geen rechten voor deze actie.",
    NOT_FOUND: "Dit bestaat niet (meer), of je hebt er geen toegang toe.",
    CONFLICT: "Dit bestaat al.",
    CSRF_REJECTED: "Dit verzoek kwam niet van Kruispunt zelf en is geweigerd. Herlaad de pagina.",
    PAYLOAD_TOO_LARGE: "Het bestand is te groot.",
    INTERNAL: "Er ging iets mis aan onze kant. Probeer het opnieuw.",
    FIELD_REQUIRED: "is verplicht",
    FIELD_END_BEFORE_START: "eindigt vóór het begint",
    FIELD_TOO_SHORT: "is te kort (minimaal {min})",
    FIELD_TOO_LONG: "is te lang (maximaal {max})",
    FIELD_TOO_SMALL: "is te klein (minimaal {min})",
    FIELD_TOO_BIG: "is te groot (maximaal {max})",
    FIELD_INVALID: "is ongeldig",
    FIELD_INVALID_JSON: "is geen geldige JSON",
    FIELD_INVALID_EMAIL: "is geen geldig e-mailadres",
    FIELD_INVALID_URL: "is geen geldige webadres (begin met https://)",
    FIELD_INVALID_CHOICE: "moet een van deze zijn: {options}",
    FIELD_INVALID_POSTCODE: "is geen Nederlandse postcode (bijv. 3511 AB)",
    FIELD_INVALID_ISCED: "is geen ISCED-F-code (2, 3 of 4 cijfers, bijv. 0613)",
    FIELD_INVALID_BRIN: "is geen BRIN-code (bijv. 25LX)",
    FIELD_INVALID_CHARACTER: "bevat een teken dat niet in tekst mag staan (een NUL-teken)",
    FIELD_NOTHING_TO_CHANGE: "bevat niets om te wijzigen: geef minstens één veld mee",
  },
  en: {
    VALIDATION_FAILED: "The input is not valid: {details}",
    UNAUTHENTICATED: "You are not logged in, or your session has expired. Please log in again.",
    FORBIDDEN: "You are not allowed to do this.",
    NOT_FOUND: "This does not exist (any more), or you have no access to it.",
    CONFLICT: "This already exists.",
    CSRF_REJECTED: "This request did not come from Kruispunt itself and was refused. Reload the page.",
    PAYLOAD_TOO_LARGE: "The file is too large.",
    INTERNAL: "Something went wrong on our side. Please try again.",
    FIELD_REQUIRED: "is required",
    FIELD_END_BEFORE_START: "ends before it starts",
    FIELD_TOO_SHORT: "is too short (at least {min})",
    FIELD_TOO_LONG: "is too long (at most {max})",
    FIELD_TOO_SMALL: "is too small (at least {min})",
    FIELD_TOO_BIG: "is too big (at most {max})",
    FIELD_INVALID: "is invalid",
    FIELD_INVALID_JSON: "is not valid JSON",
    FIELD_INVALID_EMAIL: "is not a valid e-mail address",
    FIELD_INVALID_URL: "is not a valid web address (start with https://)",
    FIELD_INVALID_CHOICE: "must be one of: {options}",
    FIELD_INVALID_POSTCODE: "is not a Dutch postcode (e.g. 3511 AB)",
    FIELD_INVALID_ISCED: "is not an ISCED-F code (2, 3 or 4 digits, e.g. 0613)",
    FIELD_INVALID_BRIN: "is not a BRIN code (e.g. 25LX)",
    FIELD_INVALID_CHARACTER: "contains a character that text may not hold (a NUL character)",
    FIELD_NOTHING_TO_CHANGE: "contains nothing to change: send at least one field",
  },
};

/**
 * A translator over the given catalogues, looked up in order (an area's own first, then the
 * areas it builds on); the core messages come last. A key missing in English falls back on Dutch.
 * Messages are ICU MessageFormat (intl-messageformat): `{name}` fills in a value, and counts use
 * the language's plural rules, e.g. `{count, plural, one {# les} other {# lessen}}`. Plain values
 * are filled in as given (no digit grouping: a year stays 2027); a message that cannot be parsed
 * or lacks a value falls back on plain `{name}` replacement, so a text is always produced.
 */
export function translatorCreate(...catalogues: Messages[]): Translate {
  const all = [...catalogues, coreMessages];
  const merged: Messages = {
    nl: Object.assign({}, ...[...all].reverse().map((c) => c.nl)) as Catalogue,
    en: Object.assign({}, ...[...all].reverse().map((c) => c.en)) as Catalogue,
  };
  const compiled = new Map<string, { format: IntlMessageFormat; counted: Set<string> } | null>();
  const compile = (locale: Locale, template: string) => {
    const key = `${locale}\u0000${template}`;
    if (!compiled.has(key)) {
      try {
        const format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
        compiled.set(key, { format, counted: messageCountedArguments(format.getAst() as unknown as MessageElement[]) });
      } catch {
        compiled.set(key, null);
      }
    }
    return compiled.get(key)!;
  };
  const plain = (template: string, params: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
  return (locale, code, params = {}) => {
    const template = merged[locale][code] ?? merged.nl[code] ?? code;
    if (!template.includes('{')) return template;
    const message = compile(locale, template);
    if (!message) return plain(template, params);
    // Numbers stay numbers only where the language's rules need them (plural, select, number).
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) {
      const counted = message.counted.has(k);
      values[k] = typeof v === 'number' && !counted ? String(v) : counted && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    }
    try {
      const out = message.format.format(values);
      return typeof out === 'string' ? out : plain(template, params);
    } catch {
      return plain(template, params);
    }
  };
}

/** An element of a parsed ICU message, as far as we look at it (the parser's TYPE numbers). */
type MessageElement = { type: number; value?: unknown; options?: Record<string, { value: MessageElement[] }>; children?: MessageElement[] };
const ELEMENT_NUMBER = 2;
const ELEMENT_SELECT = 5;
const ELEMENT_PLURAL = 6;

/** The names of the arguments a message counts or formats as numbers (plural, selectordinal, select, number). */
function messageCountedArguments(elements: readonly MessageElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ((el.type === ELEMENT_PLURAL || el.type === ELEMENT_SELECT || el.type === ELEMENT_NUMBER) && typeof el.value === 'string') into.add(el.value);
    for (const option of Object.values(el.options ?? {})) messageCountedArguments(option.value, into);
    if (el.children) messageCountedArguments(el.children, into);
  }
  return into;
}

/** Picks nl or en from an explicit choice, then Accept-Language; Dutch by default. */
export function localeNegotiate(explicit: string | undefined | null, acceptLanguage: string | undefined | null): Locale {
  if (explicit === 'nl' || explicit === 'en') return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'nl' || tag === 'en') return tag;
  }
  return 'nl';
}

/** A count with its Dutch noun in the right number: nlCount(1, 'ronde', 'rondes') → "1 ronde". */
export function nlCount(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}
