import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/exchange.ts';
import { exchangeMessages } from './messages.ts';
import { executeMatchingRun } from './match/actions.ts';
import { sendScheduledReminders } from './edition/actions.ts';
import { visitLearningCandidates, visitRecordActivities } from './visit/list-learning-candidates.ts';
import { editionExampleDraftSource } from './edition/build-example-draft.ts';

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
    MATCH_INPUT_REJECTED: 422,
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
  ports: { learnerActivitySources: [visitLearningCandidates], recordActivitySources: [visitRecordActivities], exampleDraftSources: [editionExampleDraftSource] },
  privacy: {
    tables: {
      edition_invites: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'Who was invited to an edition and reminded.' },
      registrations: {
        personColumns: ['person_id'], personArrayColumns: ['preferred_person_ids'], erase: 'anonymise', export: true,
        anonymise: { wishes: [], preferred_person_ids: [], unavailable_dates: [], note: '' },
        note: 'The registration stays for the edition\'s counts; wishes, preferred partners, unavailable dates and the note are removed.',
      },
      pair_rules: { personColumns: ['a_person_id', 'b_person_id'], erase: 'delete', export: true, note: 'Pinned or forbidden pairs that name the person are removed.' },
      matching_runs: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'A run keeps its saved input so it can be reproduced; who started it becomes anonymous.' },
      exchange_pairs: { personColumns: ['a_person_id', 'b_person_id'], erase: 'keep-anonymous-placeholder', export: true, note: 'A published pair is in the partner\'s history: it stays with an anonymous placeholder.' },
      visits: { personColumns: ['observer_id', 'host_id', 'checked_in_by'], erase: 'keep-anonymous-placeholder', export: true, note: 'A visit is in the partner\'s history and the edition\'s counts: it stays with an anonymous placeholder.' },
      visit_reflections: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s reflections after a visit are removed.' },
      edition_evaluations: { personColumns: ['person_id'], erase: 'anonymise', anonymise: { best_part: '', improve: '' }, export: true, note: 'The scores stay for the edition\'s report; the written answers are removed.' },
      calendar_feeds: { personColumns: ['person_id'], erase: 'delete', export: true, omitFromExport: ['token_hash'], note: 'The personal calendar feed is revoked and removed.' },
      timetable_sources: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'Where the person\'s timetable came from (a feed address or a file name).' },
    },
  },
};
