import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/placement.ts';
import { placementMessages } from './messages.ts';
import { listPlacementCalendarEntries } from './round/actions.ts';
import { placementRecordActivities } from './round/list-activities.ts';

// Placement of teacher internships: rounds over docentstage offers, rankings, the companies'
// answers, both engine modes side by side, adjustments and publishing with a waitlist.
export const placementModule: AreaModule = {
  name: 'placement',
  errors: {
    PLACEMENT_OFFER_NO_PLACES: 422,
    PLACEMENT_RANK_TWICE: 422,
    PLACEMENT_OFFER_NOT_IN_ROUND: 422,
    PLACEMENT_TOO_MANY_RANKS: 422,
    PLACEMENT_PUBLISHED: 409,
    PLACEMENT_NOT_APPLIED: 422,
    PLACEMENT_OFFER_FULL: 409,
    PLACEMENT_NOT_PUBLISHED: 409,
  },
  messages: placementMessages,
  tables,
  ports: {
    calendarEntrySources: [{ source: 'placement', list: listPlacementCalendarEntries }],
    recordActivitySources: [placementRecordActivities],
  },
  privacy: {
    tables: {
      placement_rounds: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'A round belongs to the network; its organiser becomes anonymous.' },
      placement_rankings: { personColumns: ['teacher_id'], erase: 'delete', export: true, note: 'The person\'s ranking is removed.' },
      placement_responses: { personColumns: ['teacher_id'], erase: 'delete', export: true, note: 'Companies\' answers about the person are removed.' },
      placement_results: { personColumns: ['teacher_id'], erase: 'keep-anonymous-placeholder', export: true, note: 'The place stays counted for the offer; it no longer names the person.' },
    },
  },
};
