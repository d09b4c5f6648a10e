import { translatorCreate, type Messages } from '../../lib/i18n.ts';
import { calendarMessages } from '../calendar/messages.ts';
import { foundationMessages } from '../foundation/messages.ts';

// The placement area's server messages, Dutch and English.
export const placementMessages: Messages = {
  nl: {
    PLACEMENT_OFFER_NO_PLACES: "Het aanbod „{title}” heeft geen plaatsen; geef het plaatsen of laat het buiten deze ronde.",
    PLACEMENT_RANK_TWICE: "Je noemt een aanbod twee keer in je rangorde; elk aanbod mag er één keer in staan.",
    PLACEMENT_OFFER_NOT_IN_ROUND: "Een aanbod in je rangorde hoort niet bij deze ronde (of bij een ander netwerk).",
    PLACEMENT_TOO_MANY_RANKS: "Je kunt in deze ronde hoogstens {max} docentstages rangschikken.",
    PLACEMENT_PUBLISHED: "Deze ronde is gepubliceerd; de uitkomst verandert niet meer.",
    PLACEMENT_NOT_APPLIED: "Deze docent heeft deze docentstage niet in de rangorde gezet.",
    PLACEMENT_OFFER_FULL: "„{title}” zit vol; verplaats iemand alleen naar een stage met plek.",
    FIELD_UNKNOWN_OFFER: "is geen aanbod van dit netwerk",
    FIELD_NOT_AN_INTERNSHIP: "is geen docentstage",
    MAIL_PLACEMENT_PLACED_SUBJECT: "Je docentstage: {round}",
    MAIL_PLACEMENT_PLACED_TEXT: "Beste {name},\n\nJe bent geplaatst bij {offer} ({host}), jouw keuze nummer {rank}.\n\n{link}\n\nKruispunt",
    MAIL_PLACEMENT_WAITLIST_SUBJECT: "Je docentstage: {round} — wachtlijst",
    MAIL_PLACEMENT_WAITLIST_TEXT: "Beste {name},\n\nHelaas is er geen plek voor je bij de stages van je keuze. Je staat op de wachtlijst. Er is nog plek bij:\n{left}\n\n{link}\n\nKruispunt",
  },
  en: {
    PLACEMENT_OFFER_NO_PLACES: "The offer “{title}” has no places; give it places or leave it out of this round.",
    PLACEMENT_RANK_TWICE: "Your ranking names an offer twice; each offer may appear once.",
    PLACEMENT_OFFER_NOT_IN_ROUND: "An offer in your ranking is not part of this round (or belongs to another network).",
    PLACEMENT_TOO_MANY_RANKS: "You can rank at most {max} teacher internships in this round.",
    PLACEMENT_PUBLISHED: "This round has been published; its outcome no longer changes.",
    PLACEMENT_NOT_APPLIED: "This teacher did not rank this teacher internship.",
    PLACEMENT_OFFER_FULL: "“{title}” is full; only move someone to an internship with room.",
    FIELD_UNKNOWN_OFFER: "is not an offer of this network",
    FIELD_NOT_AN_INTERNSHIP: "is not a teacher internship",
    MAIL_PLACEMENT_PLACED_SUBJECT: "Your teacher internship: {round}",
    MAIL_PLACEMENT_PLACED_TEXT: "Dear {name},\n\nYou have a place at {offer} ({host}), your choice number {rank}.\n\n{link}\n\nKruispunt",
    MAIL_PLACEMENT_WAITLIST_SUBJECT: "Your teacher internship: {round} — waitlist",
    MAIL_PLACEMENT_WAITLIST_TEXT: "Dear {name},\n\nUnfortunately there is no place for you at the internships you chose. You are on the waitlist. Places are left at:\n{left}\n\n{link}\n\nKruispunt",
  },
};

/** Translates with this area's messages, then those of the areas it builds on, then the core. */
export const translate = translatorCreate(placementMessages, calendarMessages, foundationMessages);
