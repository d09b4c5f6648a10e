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
    CREDENTIAL_SIGNING_FAILED: 500,
    FOLLOW_UP_ANSWERED: 409,
  },
  messages: recordMessages,
  tables: schema,
  hourly: [sendFollowUps],
};
