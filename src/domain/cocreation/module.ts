import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/cocreation.ts';
import { cocreationMessages } from './messages.ts';
import { sendCocreationReminders } from './agreement/send-reminders.ts';

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
};
