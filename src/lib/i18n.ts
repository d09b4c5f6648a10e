// Server-side messages (errors, e-mails, import reports) in Dutch and English. The browser
// UI has its own catalogue in web/src/i18n; both translate the same SCREAMING_SNAKE codes.
export type Locale = 'nl' | 'en';
export const locales: readonly Locale[] = ['nl', 'en'];

type Catalogue = Record<string, string>;

const nl: Catalogue = {
  VALIDATION_FAILED: 'De invoer klopt niet: {details}',
  UNAUTHENTICATED: 'Je bent niet ingelogd, of je sessie is verlopen. Log opnieuw in.',
  FORBIDDEN: 'Je hebt geen rechten voor deze actie.',
  NOT_FOUND: 'Dit bestaat niet (meer), of je hebt er geen toegang toe.',
  CONFLICT: 'Dit bestaat al.',
  EMAIL_TAKEN: 'Er bestaat al iemand met dit e-mailadres in dit netwerk.',
  INVALID_CREDENTIALS: 'Het e-mailadres of wachtwoord klopt niet.',
  TOO_MANY_ATTEMPTS: 'Te veel inlogpogingen. Probeer het over {minutes} minuten opnieuw.',
  CSRF_REJECTED: 'Dit verzoek kwam niet van Kruispunt zelf en is geweigerd. Herlaad de pagina.',
  TOKEN_INVALID: 'Deze link is ongeldig of al gebruikt.',
  TOKEN_EXPIRED: 'Deze link is verlopen. Vraag een nieuwe aan.',
  PASSWORD_TOO_WEAK: 'Kies een wachtwoord van minstens 10 tekens.',
  CSV_UNUSABLE: 'Het bestand is niet bruikbaar: {reason}. Er is niets geïmporteerd.',
  PAYLOAD_TOO_LARGE: 'Het bestand is te groot.',
  INSTITUTION_IN_USE: 'Deze instelling heeft nog mensen; verwijder of verplaats hen eerst.',
  PROGRAMME_IN_USE: 'Deze opleiding is nog aan docenten gekoppeld.',
  LAST_COORDINATOR: 'Dit is de laatste netwerkcoördinator; wijs eerst een ander aan.',
  ROLE_NOT_ALLOWED: 'Je mag deze rol niet toekennen.',
  INTERNAL: 'Er ging iets mis aan onze kant. Probeer het opnieuw.',
  // field issues
  FIELD_REQUIRED: 'is verplicht',
  FIELD_TOO_SHORT: 'is te kort (minimaal {min})',
  FIELD_TOO_LONG: 'is te lang (maximaal {max})',
  FIELD_TOO_SMALL: 'is te klein (minimaal {min})',
  FIELD_TOO_BIG: 'is te groot (maximaal {max})',
  FIELD_INVALID: 'is ongeldig',
  FIELD_INVALID_JSON: 'is geen geldige JSON',
  FIELD_INVALID_EMAIL: 'is geen geldig e-mailadres',
  FIELD_INVALID_URL: 'is geen geldige webadres (begin met https://)',
  FIELD_INVALID_CHOICE: 'moet een van deze zijn: {options}',
  FIELD_INVALID_POSTCODE: 'is geen Nederlandse postcode (bijv. 3511 AB)',
  FIELD_INVALID_ISCED: 'is geen ISCED-F-code (2, 3 of 4 cijfers, bijv. 0613)',
  FIELD_UNKNOWN_ISCED: 'is geen bestaande ISCED-F 2013-code',
  FIELD_INVALID_BRIN: 'is geen BRIN-code (bijv. 25LX)',
  FIELD_UNKNOWN_INSTITUTION: 'is geen instelling in dit netwerk',
  FIELD_UNKNOWN_PROGRAMME: 'is geen opleiding van deze instelling',
  FIELD_UNKNOWN_ROLE: 'is geen bekende rol',
  FIELD_INSTITUTION_REQUIRED: 'is verplicht voor deze rol',
  FIELD_DUPLICATE: 'komt eerder in het bestand al voor',
  // csv
  CSV_EMPTY: 'het bestand is leeg',
  CSV_NO_HEADER: 'er is geen kopregel met kolomnamen gevonden',
  CSV_MISSING_COLUMNS: 'deze kolommen ontbreken: {columns}',
  CSV_MALFORMED: 'het bestand is geen geldige CSV ({detail})',
  CSV_TOO_MANY_ROWS: 'het bestand heeft meer dan {max} regels',
  CSV_ROW_TOO_SHORT: 'de regel heeft te weinig kolommen',
  ROW_ACCEPTED_NEW: 'nieuw',
  ROW_ACCEPTED_UPDATED: 'bijgewerkt',
  // e-mail
  MAIL_INVITATION_SUBJECT: 'Uitnodiging voor Kruispunt – {network}',
  MAIL_INVITATION_TEXT:
    'Beste {name},\n\n{inviter} nodigt je uit voor Kruispunt, het platform van {network} voor leren over schoolgrenzen heen.\nJe rol: {role}{institution}.\n\nAccepteer de uitnodiging en kies een wachtwoord via deze link (geldig tot {expires}):\n{link}\n\nMet vriendelijke groet,\nKruispunt',
  MAIL_RESET_SUBJECT: 'Nieuw wachtwoord voor Kruispunt',
  MAIL_RESET_TEXT:
    'Beste {name},\n\nJe hebt gevraagd om een nieuw wachtwoord. Kies het via deze link (één uur geldig):\n{link}\n\nHeb je dit niet gevraagd? Dan kun je deze e-mail negeren.\n\nKruispunt',
  ROLE_network_coordinator: 'netwerkcoördinator',
  ROLE_school_coordinator: 'schoolcoördinator',
  ROLE_teacher: 'docent',
  ROLE_professional: 'professional',
  ROLE_team_lead: 'teamleider',
  ROLE_admin: 'beheerder',
};

const en: Catalogue = {
  VALIDATION_FAILED: 'The input is not valid: {details}',
  UNAUTHENTICATED: 'You are not logged in, or your session has expired. Please log in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'This does not exist (any more), or you have no access to it.',
  CONFLICT: 'This already exists.',
  EMAIL_TAKEN: 'Someone with this e-mail address already exists in this network.',
  INVALID_CREDENTIALS: 'The e-mail address or password is incorrect.',
  TOO_MANY_ATTEMPTS: 'Too many login attempts. Try again in {minutes} minutes.',
  CSRF_REJECTED: 'This request did not come from Kruispunt itself and was refused. Reload the page.',
  TOKEN_INVALID: 'This link is invalid or has already been used.',
  TOKEN_EXPIRED: 'This link has expired. Please request a new one.',
  PASSWORD_TOO_WEAK: 'Choose a password of at least 10 characters.',
  CSV_UNUSABLE: 'The file cannot be used: {reason}. Nothing was imported.',
  PAYLOAD_TOO_LARGE: 'The file is too large.',
  INSTITUTION_IN_USE: 'This institution still has people; remove or move them first.',
  PROGRAMME_IN_USE: 'This programme is still linked to teachers.',
  LAST_COORDINATOR: 'This is the last network coordinator; appoint another one first.',
  ROLE_NOT_ALLOWED: 'You may not grant this role.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
  FIELD_REQUIRED: 'is required',
  FIELD_TOO_SHORT: 'is too short (at least {min})',
  FIELD_TOO_LONG: 'is too long (at most {max})',
  FIELD_TOO_SMALL: 'is too small (at least {min})',
  FIELD_TOO_BIG: 'is too big (at most {max})',
  FIELD_INVALID: 'is invalid',
  FIELD_INVALID_JSON: 'is not valid JSON',
  FIELD_INVALID_EMAIL: 'is not a valid e-mail address',
  FIELD_INVALID_URL: 'is not a valid web address (start with https://)',
  FIELD_INVALID_CHOICE: 'must be one of: {options}',
  FIELD_INVALID_POSTCODE: 'is not a Dutch postcode (e.g. 3511 AB)',
  FIELD_INVALID_ISCED: 'is not an ISCED-F code (2, 3 or 4 digits, e.g. 0613)',
  FIELD_UNKNOWN_ISCED: 'is not an existing ISCED-F 2013 code',
  FIELD_INVALID_BRIN: 'is not a BRIN code (e.g. 25LX)',
  FIELD_UNKNOWN_INSTITUTION: 'is not an institution in this network',
  FIELD_UNKNOWN_PROGRAMME: 'is not a programme of this institution',
  FIELD_UNKNOWN_ROLE: 'is not a known role',
  FIELD_INSTITUTION_REQUIRED: 'is required for this role',
  FIELD_DUPLICATE: 'already appears earlier in the file',
  CSV_EMPTY: 'the file is empty',
  CSV_NO_HEADER: 'no header row with column names was found',
  CSV_MISSING_COLUMNS: 'these columns are missing: {columns}',
  CSV_MALFORMED: 'the file is not valid CSV ({detail})',
  CSV_TOO_MANY_ROWS: 'the file has more than {max} rows',
  CSV_ROW_TOO_SHORT: 'the row has too few columns',
  ROW_ACCEPTED_NEW: 'new',
  ROW_ACCEPTED_UPDATED: 'updated',
  MAIL_INVITATION_SUBJECT: 'Invitation to Kruispunt – {network}',
  MAIL_INVITATION_TEXT:
    'Dear {name},\n\n{inviter} invites you to Kruispunt, the platform of {network} for learning across school walls.\nYour role: {role}{institution}.\n\nAccept the invitation and choose a password via this link (valid until {expires}):\n{link}\n\nKind regards,\nKruispunt',
  MAIL_RESET_SUBJECT: 'New password for Kruispunt',
  MAIL_RESET_TEXT:
    'Dear {name},\n\nYou asked for a new password. Choose it via this link (valid for one hour):\n{link}\n\nDid you not ask for this? Then you can ignore this e-mail.\n\nKruispunt',
  ROLE_network_coordinator: 'network coordinator',
  ROLE_school_coordinator: 'school coordinator',
  ROLE_teacher: 'teacher',
  ROLE_professional: 'professional',
  ROLE_team_lead: 'team lead',
  ROLE_admin: 'administrator',
};

export const catalogues: Record<Locale, Catalogue> = { nl, en };

export function translate(locale: Locale, code: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][code] ?? catalogues.nl[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
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
