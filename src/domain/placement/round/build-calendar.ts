import type { Locale } from '../../../lib/i18n.ts';
import type { CalendarEntry } from '../../area-module.ts';
import type { OfferForPlacement } from '../../offer/public.ts';
import { translate } from '../messages.ts';

// Calendar entries of a placement: one entry per planned date of the internship, with a UID that
// is stable per (round, teacher, n-th date) — a move to another internship updates the same
// entries (SEQUENCE raised) and cancels those the new internship has no date for.

export function placementEntryUid(roundId: string, teacherId: string, n: number): string {
  return `placement-${roundId}-${teacherId}-${n}@kruispunt`;
}

export function buildPlacementEntries(
  result: { roundId: string; teacherId: string; sequence: number; updatedAt: Date },
  offer: OfferForPlacement | undefined,
  locale: Locale,
  previous?: OfferForPlacement,
): CalendarEntry[] {
  const sessions = offer?.sessions ?? [];
  const entries: CalendarEntry[] = sessions.map((s, i) => ({
    uid: placementEntryUid(result.roundId, result.teacherId, i + 1), sequence: result.sequence, cancelled: false, start: s.startAt, end: s.endAt,
    summary: translate(locale, 'ICS_PLACEMENT_SUMMARY', { title: offer!.title, host: offer!.hostName }), description: '', location: offer!.place || offer!.hostName, stamp: result.updatedAt,
  }));
  // Dates of the earlier internship the new one does not cover are cancelled under their own UID.
  (previous?.sessions ?? []).slice(sessions.length).forEach((s, j) => entries.push({
    uid: placementEntryUid(result.roundId, result.teacherId, sessions.length + j + 1), sequence: result.sequence, cancelled: true, start: s.startAt, end: s.endAt,
    summary: translate(locale, 'ICS_PLACEMENT_SUMMARY', { title: previous!.title, host: previous!.hostName }), description: '', location: previous!.place || previous!.hostName, stamp: result.updatedAt,
  }));
  return entries;
}
