import type { RecordActivity, RecordActivitySource } from '../../area-module.ts';
import { offerListForPlacement } from '../../offer/public.ts';
import { zonedDate } from '../../../lib/time.ts';
import { translate } from '../messages.ts';
import { listPersonResults } from './data.ts';

// A teacher's internship in the professional record: once the last planned date of the place
// they were given has passed, the offer's credited hours count (all contact hours, outside the
// primary process). An internship without dates, or still under way, counts nothing yet.
export const placementRecordActivities: RecordActivitySource = {
  source: 'placement',
  async list(deps, networkId, personId) {
    const mine = (await listPersonResults(deps.db, networkId, personId)).filter((r) => r.offerId);
    if (mine.length === 0) return [];
    const offers = await offerListForPlacement(deps.db, networkId);
    const now = deps.now();
    const out: RecordActivity[] = [];
    for (const r of mine) {
      const offer = offers.find((o) => o.id === r.offerId);
      const first = offer?.sessions[0];
      const last = offer?.sessions.at(-1);
      if (!offer || !first || !last || last.endAt > now || offer.creditedHours <= 0) continue;
      out.push({
        source: 'placement', sourceId: `${r.roundId}:${personId}`,
        title: translate('nl', 'RECORD_PLACEMENT_TITLE', { title: offer.title, host: offer.hostName }),
        date: zonedDate(first.startAt), hours: offer.creditedHours, contactHours: offer.creditedHours, primaryProcess: false,
        link: `/docentstages/${r.roundId}`,
      });
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  },
};
