import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/exchange.ts';
import { exchangeMessages } from './messages.ts';
import { executeMatchingRun } from './match/actions.ts';
import { sendScheduledReminders } from './edition/actions.ts';
import { visitLearningCandidates, visitRecordActivities } from './visit/list-learning-candidates.ts';

// The Week van de docentuitwisseling: editions, registrations, matching, visits, the report.
export const exchangeModule: AreaModule = {
  name: 'exchange',
  errors: {
    EDITION_LOCKED: 409,
    EDITION_TRANSITION_NOT_ALLOWED: 409,
    EDITION_PUBLISH_WITH_RUN: 400,
    EDITION_NEEDS_TWO_SIDES: 422,
    REGISTRATION_CLOSED: 409,
    NOT_PARTICIPATING: 422,
    NO_REGISTRATIONS: 422,
    RUN_NOT_FINISHED: 409,
    VISIT_SLOT_NOT_FEASIBLE: 422,
    FEED_NOT_FOUND: 404,
    VISIT_NOT_STARTED: 409,
    EVALUATION_CLOSED: 409,
    CERTIFICATE_NOT_EARNED: 409,
  },
  messages: exchangeMessages,
  tables,
  jobs: { 'matching-run': (deps, data) => executeMatchingRun(deps, String(data.runId)) },
  hourly: [sendScheduledReminders],
  ports: { learnerActivitySources: [visitLearningCandidates], recordActivitySources: [visitRecordActivities] },
};
