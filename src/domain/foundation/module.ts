import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/foundation.ts';
import { foundationMessages } from './messages.ts';
import { pruneAuthThrottles } from './auth/actions.ts';
import { pruneProviderLogins } from './identity-provider/actions.ts';
import { applyRetention } from './retention/actions.ts';

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
    EVALUATION_NOT_PARTICIPANT: 403,
    EVALUATION_NOT_ENDED: 409,
  },
  messages: foundationMessages,
  tables,
  hourly: [pruneAuthThrottles, pruneProviderLogins, applyRetention],
  privacy: {
    tables: {
      people: {
        personColumns: ['id'], erase: 'anonymise', export: true, omitFromExport: ['password_hash'],
        anonymise: { name: 'Verwijderde persoon', email: 'verwijderd-{id}@kruispunt.invalid', password_hash: null, locale: 'nl' },
        note: 'The account: name, e-mail address, password hash and language. On erasure it becomes an anonymous placeholder (erased_at) that records others need can point at.',
      },
      memberships: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s roles per network and institution.' },
      person_programmes: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The programmes the person teaches in.' },
      sessions: { personColumns: ['person_id'], erase: 'delete', export: true, omitFromExport: ['token_hash', 'id_token_hint'], note: 'Login sessions (when, last seen, through which provider).' },
      invitations: {
        personColumns: ['invited_by'], emailColumns: ['email'], erase: 'delete', eraseBy: { invited_by: 'keep-anonymous-placeholder' }, export: true, omitFromExport: ['token_hash'],
        note: 'Invitations to the person are removed; invitations the person sent stay, with an anonymous sender.',
      },
      password_resets: { personColumns: ['person_id'], erase: 'delete', export: true, omitFromExport: ['token_hash'], note: 'Password-reset requests.' },
      mail_outbox: { personColumns: [], emailColumns: ['to'], erase: 'delete', export: true, note: 'Mail sent to the person.' },
      audit_log: { personColumns: ['actor_id'], erase: 'keep-anonymous-placeholder', export: true, note: 'What the person did that is audited; it stays for accountability with an anonymous actor until its retention period ends.' },
      practice_evaluations: {
        personColumns: ['person_id'], erase: 'anonymise', anonymise: { takeaway: '' }, export: true,
        note: 'The person\'s evaluations of company visits, speeddates and co-creation sessions. On erasure the one-line takeaway is emptied; the score stays, without a name, in the item\'s counts.',
      },
      person_identities: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s accounts at identity providers (SURFconext, Entree, eduID).' },
    },
  },
  retention: {
    audit_log: { column: 'at', setting: 'RETENTION_AUDIT_DAYS', note: 'Audit events older than the period are removed.' },
    mail_outbox: { column: 'created_at', setting: 'RETENTION_OUTBOX_DAYS', note: 'Sent and failed mail older than the period is removed.' },
    practice_evaluations: { appliedByArea: true, note: 'Evaluations stay as long as the network, as the figures of its practice reports and examples; only anonymous counts are shown, from three answers on.' },
  },
};
