import type { CalendarEntry, CalendarEntrySource } from '../../area-module.ts';
import { translate } from '../messages.ts';
import { listStaffSessions, listLocationTexts } from './data.ts';

// The leerlab's sessions in the personal calendar feed of everyone who works in the leerlab:
// the same UID as in the invitations, SEQUENCE raised by every move, cancelled ones kept as cancelled.
export const leerlabCalendarEntries: CalendarEntrySource = {
  source: 'leerlab_session',
  async list(deps, networkId, personId, locale) {
    const rows = await listStaffSessions(deps.db, networkId, personId);
    const locationIds = [...new Set(rows.flatMap((r) => [r.voLocationId, r.mboLocationId]).filter((x): x is string => Boolean(x)))];
    const places = new Map((await listLocationTexts(deps.db, networkId, locationIds)).map((l) => [l.id, l.text]));
    const time = (d: Date) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);
    return rows.map((r): CalendarEntry => ({
      uid: r.session.uid, sequence: r.session.sequence, cancelled: r.session.status === 'cancelled', start: r.session.startAt, end: r.session.endAt, stamp: r.session.updatedAt,
      summary: translate(locale, `ICS_LEERLAB_${r.session.direction.toUpperCase()}`, { leerlab: r.leerlabName, keuzedeel: r.keuzedeelName }),
      description: translate(locale, 'ICS_LEERLAB_DESCRIPTION', { leerlab: r.leerlabName, leave: time(r.session.leaveAt), back: time(r.session.returnBy) }),
      location: places.get((r.session.direction === 'pupils_to_mbo' ? r.mboLocationId : r.voLocationId) ?? '') ?? '',
    }));
  },
};
