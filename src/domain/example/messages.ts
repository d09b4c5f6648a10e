import { translatorCreate, type Messages } from '../../lib/i18n.ts';
import { foundationMessages } from '../foundation/messages.ts';

// The example area's server messages, Dutch and English.
export const exampleMessages: Messages = {
  nl: {
    EXAMPLE_SOURCE_NOT_FINISHED: "Hiervan kan pas een praktijkvoorbeeld worden gemaakt als het is afgelopen (een uitwisselingsweek in evaluatie of afgesloten; een leerlab, bedrijfsbezoek, speeddate of co-creatiesessie voorbij).",
    FEED_TITLE: "Praktijkvoorbeelden — Kruispunt",
  },
  en: {
    EXAMPLE_SOURCE_NOT_FINISHED: "A practice example can be made of this once it is over (an exchange week in evaluation or closed; a leerlab, company visit, speeddate or co-creation session past).",
    FEED_TITLE: "Practice examples — Kruispunt",
  },
};

export const translate = translatorCreate(exampleMessages, foundationMessages);
