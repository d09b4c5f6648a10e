import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, timestamp, pgEnum, doublePrecision, uniqueIndex, index, boolean, integer, jsonb, check,
} from 'drizzle-orm/pg-core';

// Every tenant-owned table carries network_id; every query filters on it.

export const institutionKind = pgEnum('institution_kind', ['vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'company', 'other']);
export const role = pgEnum('role', [
  'network_coordinator', 'school_coordinator', 'teacher', 'professional', 'team_lead', 'admin',
]);

export const networks = pgTable('networks', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: institutionKind('kind').notNull(),
  brin: text('brin'),
  website: text('website'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('institutions_network_name').on(t.networkId, sql`lower(${t.name})`)]);

export const locations = pgTable('locations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  address: text('address').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('locations_institution').on(t.networkId, t.institutionId)]);

export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  iscedCode: text('isced_code').notNull(),
  level: text('level').notNull(),
  code: text('code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('programmes_institution_name_level').on(t.networkId, t.institutionId, sql`lower(${t.name})`, t.level)]);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('nl'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when the person asked for erasure: the row stays as an anonymous placeholder for records others need. */
  erasedAt: timestamp('erased_at', { withTimezone: true }),
}, (t) => [uniqueIndex('people_email').on(sql`lower(${t.email})`)]);

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
  role: role('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('memberships_unique').on(t.networkId, t.personId, t.role, sql`coalesce(${t.institutionId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  index('memberships_person').on(t.personId),
]);

export const personProgrammes = pgTable('person_programmes', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
}, (t) => [uniqueIndex('person_programmes_pk').on(t.personId, t.programmeId), index('person_programmes_network').on(t.networkId)]);

// Sessions, invitations, password resets, login throttling, mail outbox and audit log.
// Secrets (session and invitation tokens) are stored only as SHA-256 hashes.

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when the person's roles changed: the next request gets a new token and this one ends. */
  rotate: boolean('rotate').notNull().default(false),
  /** The identity provider the session came through, and the ID token to end the provider's session with. */
  providerId: uuid('provider_id').references(() => identityProviders.id, { onDelete: 'set null' }),
  idTokenHint: text('id_token_hint'),
}, (t) => [index('sessions_person').on(t.personId), index('sessions_last_seen').on(t.lastSeenAt)]);

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: role('role').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: uuid('invited_by').references(() => people.id, { onDelete: 'set null' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('invitations_network').on(t.networkId)]);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Throttling of logins (per account, and per account and IP address) and of password-reset mail
 * (per address, per IP address): one row per key, claimed under a row lock before the password is
 * checked, so parallel requests cannot slip past the limit. Growing delays instead of a hard lock.
 */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  /** Claims since the last success or quiet period. */
  attempts: integer('attempts').notNull().default(0),
  /** How many delays in a row; the next delay doubles. */
  level: integer('level').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('auth_throttle_last_at').on(t.lastAt)]);

export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  /** An iCalendar invitation (METHOD:REQUEST or CANCEL) sent with the message. */
  ical: text('ical'),
  icalMethod: text('ical_method'),
  status: text('status').notNull(),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('mail_outbox_network').on(t.networkId, t.createdAt)]);

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
  actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  data: jsonb('data'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('audit_log_network').on(t.networkId, t.at), index('audit_log_at').on(t.at)]);

// ---- Login through identity providers (OpenID Connect: SURFconext, Entree, eduID) ----

export const identityProviders = pgTable('identity_providers', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  /** The label on the login button. */
  name: text('name').notNull(),
  /** surfconext, entree, eduid or other: sets the default claim names. */
  kind: text('kind').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** AES-256-GCM with KRUISPUNT_SECRET_KEY; never returned by the API. */
  clientSecretEncrypted: text('client_secret_encrypted').notNull(),
  scopes: text('scopes').notNull(),
  /** The claim that names the person's institution (schac_home_organization, an Entree organisation claim …). */
  organisationClaim: text('organisation_claim').notNull(),
  emailClaim: text('email_claim').notNull(),
  nameClaim: text('name_claim').notNull(),
  /** A verified e-mail address may link a first login to an existing account. */
  linkVerifiedEmail: boolean('link_verified_email').notNull().default(false),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('identity_providers_network_name').on(t.networkId, sql`lower(${t.name})`)]);

/** Which institutions may use a provider, by the value the organisation claim gives for them. */
export const identityProviderInstitutions = pgTable('identity_provider_institutions', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  providerId: uuid('provider_id').notNull().references(() => identityProviders.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  organisation: text('organisation').notNull(),
  /** The institution's people must log in through this provider (password login refused). */
  required: boolean('required').notNull().default(false),
}, (t) => [
  uniqueIndex('identity_provider_institutions_pk').on(t.providerId, t.institutionId),
  uniqueIndex('identity_provider_institutions_org').on(t.providerId, sql`lower(${t.organisation})`),
  index('identity_provider_institutions_network').on(t.networkId),
]);

/** A login in progress: state, nonce and PKCE verifier kept server-side, single use, minutes long. */
export const oidcLoginStates = pgTable('oidc_login_states', {
  stateHash: text('state_hash').primaryKey(),
  /** Hash of the browser-binding cookie set when the login started. */
  browserHash: text('browser_hash').notNull(),
  providerId: uuid('provider_id').notNull().references(() => identityProviders.id, { onDelete: 'cascade' }),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  invitationTokenHash: text('invitation_token_hash'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('oidc_login_states_expires').on(t.expiresAt)]);

/** A person's account at a provider (the provider's subject), linked on the first login. */
export const personIdentities = pgTable('person_identities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  providerId: uuid('provider_id').notNull().references(() => identityProviders.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('person_identities_subject').on(t.providerId, t.subject), index('person_identities_person').on(t.personId)]);

// ---- A participant's short evaluation of a finished practice item (company visit, speeddate, co-creation session) ----

/**
 * One answer per person and item: "Hoe waardevol was dit voor je werk?" (1–5) and optionally "Wat neem je
 * mee?". The item belongs to a practice (`source`, as its evaluationSources port names it); foundation
 * never reads the practice's tables. Summaries show only from three answers on, without names.
 */
export const practiceEvaluations = pgTable('practice_evaluations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  itemId: uuid('item_id').notNull(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  score: integer('score').notNull(),
  takeaway: text('takeaway').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('practice_evaluations_person').on(t.networkId, t.source, t.itemId, t.personId),
  index('practice_evaluations_person_id').on(t.personId),
  check('practice_evaluations_score', sql`${t.score} between 1 and 5`),
]);
