import type { AreaModule } from '../area-module.ts';
import * as schema from '../../db/schema/record.ts';
import { recordMessages } from './messages.ts';
import { sendFollowUps } from './follow-up/send-follow-ups.ts';

// The teacher's professional record: every activity of every practice (through the
// record-activity port) and by hand, totals against the register's norm, exports, the
// lasting-effect question, and Open Badges 3.0 credentials signed per network.
export const recordModule: AreaModule = {
  name: 'record',
  errors: {
    RECORD_ACTIVITY_NOT_COMPLETED: 409,
    RECORD_ACTIVITY_HAS_BADGE: 409,
    CREDENTIAL_SIGNING_FAILED: 500,
    FOLLOW_UP_ANSWERED: 409,
    RECORD_EVIDENCE_NAME: 400,
    RECORD_EVIDENCE_EMPTY: 400,
    RECORD_EVIDENCE_TOO_LARGE: 413,
    RECORD_EVIDENCE_TYPE: 400,
    RECORD_EVIDENCE_LIMIT: 409,
  },
  messages: recordMessages,
  tables: schema,
  hourly: [sendFollowUps],
  // The personal data of the record's tables, for export and erasure (spread so the declaration
  // also fits a module contract without a privacy field).
  ...{
    privacy: {
      tables: {
        record_manual_activities: { personColumns: ['person_id'], export: true, erase: 'delete', note: 'Activities the teacher added by hand, with their evidence.' },
        record_evidence_files: { personColumns: ['person_id'], export: true, exportFile: { bytes: 'bytes', name: 'name' }, erase: 'delete', note: 'Evidence files of the activities the teacher added by hand (a certificate, a photo, a list); the export holds the files themselves (up to 100 MB in all; beyond that they are listed and stay downloadable from the record).' },
        record_entry_settings: { personColumns: ['person_id'], export: true, erase: 'delete', note: "The teacher's choices per activity (shown to the team lead, classification)." },
        record_follow_ups: { personColumns: ['person_id'], export: true, erase: 'delete', note: 'Which lasting-effect questions were asked and answered (the answer itself lives in the learner report; the counts per practice hold no person).' },
        credentials: { personColumns: ['person_id', 'revoked_by'], export: true, erase: 'delete', eraseBy: { revoked_by: 'keep-anonymous-placeholder' }, note: 'Badges issued to the teacher; once erased, Kruispunt no longer knows whether one was revoked.' },
      },
    },
  },
};
