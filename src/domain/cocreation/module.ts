import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/cocreation.ts';
import { cocreationMessages } from './messages.ts';
import { sendCocreationReminders } from './agreement/send-reminders.ts';
import { cocreationExampleDraftSource } from './session/build-example-draft.ts';
import { cocreationEvaluationSource } from './session/read-evaluation-item.ts';

// Gezamenlijk beroepsbeeld: live, facilitated five-step co-creation sessions and the versioned
// professional profile (with its praatplaat) they produce.
export const cocreationModule: AreaModule = {
  name: 'cocreation',
  errors: {
    COCREATION_CODE_UNKNOWN: 404,
    COCREATION_CODE_EXPIRED: 410,
    COCREATION_SESSION_ENDED: 410,
    COCREATION_NOT_JOINED: 401,
    COCREATION_STEP_CLOSED: 409,
    COCREATION_RATE_LIMITED: 429,
    COCREATION_DOT_BUDGET: 422,
    COCREATION_NOT_IN_SUBGROUP: 403,
    COCREATION_TEXT_TOO_LONG: 422,
    COCREATION_DECIDED: 409,
    COCREATION_SETUP_LOCKED: 409,
  },
  messages: cocreationMessages,
  tables,
  hourly: [sendCocreationReminders],
  ports: { exampleDraftSources: [cocreationExampleDraftSource], evaluationSources: [cocreationEvaluationSource] },
  privacy: {
    tables: {
      cocreation_sessions: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'A session belongs to the network; its facilitator becomes anonymous.' },
      cocreation_participants: {
        personColumns: ['person_id'], erase: 'anonymise', export: true, omitFromExport: ['token_hash'],
        anonymise: { display_name: 'Deelnemer', person_id: null },
        note: 'The participant stays for the shared result, without a name or a link to the person.',
      },
      cocreation_statements: { personColumns: [], through: { column: 'participant_id', table: 'cocreation_participants', personColumn: 'person_id' }, erase: 'keep-anonymous-placeholder', export: true, note: 'Statements are part of the group\'s result; they stay under the anonymous participant.' },
      cocreation_marks: { personColumns: [], through: { column: 'participant_id', table: 'cocreation_participants', personColumn: 'person_id' }, erase: 'keep-anonymous-placeholder', export: true, note: 'Marks count in the group\'s result, anonymously.' },
      cocreation_attachments: { personColumns: [], through: { column: 'participant_id', table: 'cocreation_participants', personColumn: 'person_id' }, erase: 'keep-anonymous-placeholder', export: true, note: 'Attachments count in the group\'s result, anonymously.' },
      cocreation_proposal_edits: { personColumns: [], through: { column: 'participant_id', table: 'cocreation_participants', personColumn: 'person_id' }, erase: 'keep-anonymous-placeholder', export: true, note: 'Edits of a shared proposal stay, anonymously.' },
      cocreation_votes: { personColumns: [], through: { column: 'participant_id', table: 'cocreation_participants', personColumn: 'person_id' }, erase: 'keep-anonymous-placeholder', export: true, note: 'Dots count in the decision, anonymously.' },
      cocreation_consents: { personColumns: [], through: { column: 'participant_id', table: 'cocreation_participants', personColumn: 'person_id' }, erase: 'keep-anonymous-placeholder', export: true, note: 'Consents and objections count in the decision, anonymously.' },
      cocreation_proposals: { personColumns: ['decided_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'Who recorded a decision becomes anonymous.' },
      cocreation_agreements: { personColumns: [], emailColumns: ['owner_email'], erase: 'anonymise', anonymise: { owner_name: '', owner_email: null }, export: true, note: 'An agreement stays; the person as its owner (name and address) is removed.' },
      cocreation_profile_versions: { personColumns: ['created_by'], erase: 'keep-anonymous-placeholder', export: false, note: 'A profile version belongs to the network; its author becomes anonymous.' },
    },
  },
};
