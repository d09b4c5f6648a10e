import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/offer.ts';
import { offerMessages } from './messages.ts';
import { sendSandwichReminders } from './sandwich/send-reminders.ts';
import { offerCalendarEntries, offerLearningCandidates, offerRecordActivities } from './registration/list-activities.ts';
import { teamLearningCandidates, teamRecordActivities } from './team/list-team-activities.ts';

// Leren buiten de school: the company directory, offers with places and waitlists, requests,
// the sandwich method, teacher design teams; their activities credit hours and become learner-report activities.
export const offerModule: AreaModule = {
  name: 'offer',
  errors: {
    OFFER_FULL: 409,
    OFFER_DEADLINE_PASSED: 409,
    OFFER_SESSION_CANCELLED: 409,
    OFFER_SESSION_PAST: 409,
    OFFER_ALREADY_REGISTERED: 409,
    OFFER_TIMETABLE_CLASH: 409,
    OFFER_CAPACITY_BELOW_REGISTERED: 409,
    OFFER_KIND_NOT_FOR_HOST: 422,
    OFFER_NOT_ON_REQUEST: 409,
    OFFER_REQUEST_DECIDED: 409,
    OFFER_NO_SANDWICH: 409,
  },
  messages: offerMessages,
  tables,
  hourly: [sendSandwichReminders],
  ports: {
    learnerActivitySources: [...offerLearningCandidates, teamLearningCandidates],
    recordActivitySources: [offerRecordActivities, teamRecordActivities],
    calendarEntrySources: [offerCalendarEntries],
  },
};
