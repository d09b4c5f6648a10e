import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/foundation.ts';
import { foundationMessages } from './messages.ts';
import { pruneAuthThrottles } from './auth/actions.ts';
import { pruneProviderLogins } from './identity-provider/actions.ts';

// Networks, institutions, programmes, people, accounts, invitations, mail, CSV import, reference data, audit.
export const foundationModule: AreaModule = {
  name: 'foundation',
  errors: {
    INVALID_CREDENTIALS: 401,
    ROLE_NOT_ALLOWED: 403,
    EMAIL_TAKEN: 409,
    INSTITUTION_IN_USE: 409,
    PROGRAMME_IN_USE: 409,
    LAST_COORDINATOR: 409,
    TOKEN_INVALID: 400,
    TOKEN_EXPIRED: 410,
    PASSWORD_TOO_WEAK: 400,
    CSV_UNUSABLE: 422,
    TOO_MANY_ATTEMPTS: 429,
    DATABASE_UNAVAILABLE: 503,
    PASSWORD_LOGIN_DISABLED: 403,
    SECRET_KEY_MISSING: 409,
    PROVIDER_NAME_TAKEN: 409,
    OIDC_PROVIDER_UNKNOWN: 404,
    OIDC_PROVIDER_UNAVAILABLE: 503,
    OIDC_STATE_INVALID: 400,
    OIDC_CODE_INVALID: 400,
    OIDC_TOKEN_INVALID: 401,
    OIDC_TOKEN_EXPIRED: 401,
    OIDC_EMAIL_MISSING: 422,
    OIDC_INSTITUTION_UNKNOWN: 403,
    OIDC_ACCOUNT_EXISTS: 409,
    OIDC_LOGIN_CANCELLED: 400,
  },
  messages: foundationMessages,
  tables,
  hourly: [pruneAuthThrottles, pruneProviderLogins],
};
