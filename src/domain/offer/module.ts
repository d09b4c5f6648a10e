import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/offer.ts';
import { offerMessages } from './messages.ts';
import { sendSandwichReminders } from './sandwich/send-reminders.ts';
import { offerCalendarEntries, offerLearningCandidates, offerRecordActivities } from './registration/list-activities.ts';
import { teamLearningCandidates, teamRecordActivities } from './team/list-team-activities.ts';
import { companyVisitExampleDraftSource } from './offer/build-example-draft.ts';
import { companyVisitEvaluationSource } from './offer/read-evaluation-item.ts';

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
    exampleDraftSources: [companyVisitExampleDraftSource],
    evaluationSources: [companyVisitEvaluationSource],
  },
  privacy: {
    tables: {
      offer_companies: { personColumns: [], personArrayColumns: ['contact_person_ids'], erase: 'keep-anonymous-placeholder', export: true, note: 'The company profile stays; the person is removed from its contacts.' },
      offers: { personColumns: ['created_by', 'host_contact_id'], erase: 'keep-anonymous-placeholder', eraseBy: { host_contact_id: 'anonymise' }, anonymise: { host_contact_id: null }, export: true, note: 'An offer belongs to its institution; the person stops being its contact.' },
      offer_registrations: { personColumns: ['person_id'], erase: 'anonymise', anonymise: { learning_questions: '', notes: '' }, export: true, note: 'The place stays for the offer\'s counts; learning questions and notes are removed.' },
      offer_teams: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: true, note: 'The team belongs to its members; the person stops being named as its founder.' },
      offer_team_members: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person leaves the team.' },
      offer_team_products: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: true, note: 'A product stays with the team.' },
      offer_requests: { personColumns: ['person_id'], erase: 'anonymise', anonymise: { message: '', preferred_dates: [] }, export: true, note: 'The request stays for the host; its message and dates are removed.' },
    },
  },
};
