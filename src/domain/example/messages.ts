import { translatorCreate, type Messages } from '../../lib/i18n.ts';
import { foundationMessages } from '../foundation/messages.ts';

// The example area's server messages, Dutch and English.
export const exampleMessages: Messages = {
  nl: {
    EXAMPLE_SOURCE_NOT_FINISHED: "Van deze editie kan pas een praktijkvoorbeeld worden gemaakt als ze klaar is (evaluatie of afgesloten).",
    FEED_TITLE: "Praktijkvoorbeelden — Kruispunt",
  },
  en: {
    EXAMPLE_SOURCE_NOT_FINISHED: "A practice example can be made of this edition once it is finished (evaluation or closed).",
    FEED_TITLE: "Practice examples — Kruispunt",
  },
};

export const translate = translatorCreate(exampleMessages, foundationMessages);
