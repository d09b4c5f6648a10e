import { zonedDate } from '../../../lib/time.ts';
import type { CalendarEntrySource, RecordActivitySource } from '../../area-module.ts';
import { translate } from '../messages.ts';
import { listPersonParticipations } from './data.ts';
import { buildSpeeddateEntry, speeddateEndAt } from './build-calendar.ts';

// What speeddates give the rest of Kruispunt: hours for whoever was there (checked in) once the
// event is over, and every invitation in the personal calendar feed.

export const speeddateRecordActivities: RecordActivitySource = {
  source: 'speeddate',
  async list(deps, networkId, personId) {
    const now = deps.now();
    return (await listPersonParticipations(deps.db, networkId, personId))
      .filter((r) => r.participant.status === 'arrived' && speeddateEndAt(r.event) <= now)
      .map((r) => {
        const hours = Math.round(((speeddateEndAt(r.event).getTime() - r.event.startAt.getTime()) / 3_600_000) * 2) / 2;
        return {
          source: 'speeddate', sourceId: `${r.event.id}:${personId}`, title: translate('nl', 'SPEEDDATE_RECORD_TITLE', { title: r.event.title }),
          date: zonedDate(r.event.startAt), hours, contactHours: hours, primaryProcess: false, link: `/speeddates/${r.event.id}`,
        };
      });
  },
};

export const speeddateCalendarEntries: CalendarEntrySource = {
  source: 'speeddate',
  async list(deps, networkId, personId, locale) {
    return (await listPersonParticipations(deps.db, networkId, personId)).map((r) => buildSpeeddateEntry(r.event, personId, r.participant.status, locale));
  },
};
