import { translatorCreate, type Messages } from '../../lib/i18n.ts';
import { foundationMessages } from '../foundation/messages.ts';

// The example area's server messages, Dutch and English.
export const exampleMessages: Messages = {
  nl: {
    EXAMPLE_SOURCE_NOT_FINISHED: "Hiervan kan pas een praktijkvoorbeeld worden gemaakt als het is afgelopen (een uitwisselingsweek in evaluatie of afgesloten; een leerlab, bedrijfsbezoek, speeddate of co-creatiesessie voorbij).",
    FEED_TITLE: "Praktijkvoorbeelden — Kruispunt",
    EXAMPLE_ATTACHMENT_NAME: "Het bestand heeft geen bruikbare naam met een extensie (zoals verslag.pdf).",
    EXAMPLE_ATTACHMENT_EMPTY: "Het bestand is leeg.",
    EXAMPLE_ATTACHMENT_TOO_LARGE: "Het bestand is te groot: een bijlage mag hoogstens 10 MB zijn.",
    EXAMPLE_ATTACHMENT_TYPE: "Dit soort bestand kan geen bijlage zijn, of de inhoud past niet bij de naam. Toegestaan zijn PDF, afbeeldingen (PNG, JPG, GIF, WebP), Word, Excel en PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, odp), CSV en platte tekst.",
    EXAMPLE_ATTACHMENT_LIMIT: "Dit voorbeeld heeft al het maximale aantal bijlagen (10). Verwijder er eerst een.",
  },
  en: {
    EXAMPLE_SOURCE_NOT_FINISHED: "A practice example can be made of this once it is over (an exchange week in evaluation or closed; a leerlab, company visit, speeddate or co-creation session past).",
    FEED_TITLE: "Practice examples — Kruispunt",
    EXAMPLE_ATTACHMENT_NAME: "The file has no usable name with an extension (such as report.pdf).",
    EXAMPLE_ATTACHMENT_EMPTY: "The file is empty.",
    EXAMPLE_ATTACHMENT_TOO_LARGE: "The file is too large: an attachment may be at most 10 MB.",
    EXAMPLE_ATTACHMENT_TYPE: "This kind of file cannot be an attachment, or its content does not match its name. Allowed are PDF, images (PNG, JPG, GIF, WebP), Word, Excel and PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, odp), CSV and plain text.",
    EXAMPLE_ATTACHMENT_LIMIT: "This example already has the maximum number of attachments (10). Remove one first.",
  },
};

export const translate = translatorCreate(exampleMessages, foundationMessages);
