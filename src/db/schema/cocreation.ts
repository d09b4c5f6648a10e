import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, date, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { networks, people, institutions } from './foundation.ts';

// Gezamenlijk beroepsbeeld: a facilitated, live five-step co-creation session of a network
// (statements and marks, attaching statements to the framework's domains, subgroup proposals
// written together, dot vote and consent, follow-up agreements), and the versioned profile it
// produces. All live state is here; app servers only push it on (LISTEN/NOTIFY + SSE).

export const cocreationSessions = pgTable('cocreation_sessions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** The profile being sharpened, e.g. "startende mbo-docent na twee jaar"; versions are counted per name. */
  profileName: text('profile_name').notNull(),
  /** Domain[] ({ key, label, description }) — the framework the session works with. */
  framework: jsonb('framework').notNull(),
  /** Minutes per step (five numbers). */
  stepMinutes: jsonb('step_minutes').notNull(),
  dotBudget: integer('dot_budget').notNull().default(3),
  /** 0 = lobby (joining), 1–5 the steps, 6 = ended. */
  step: integer('step').notNull().default(0),
  stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
  /** The proposal shown on the projector in step 4. */
  currentProposalId: uuid('current_proposal_id'),
  /** Short join code (unambiguous letters and digits). */
  code: text('code').notNull(),
  codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }).notNull(),
  /** Increases by one with every change; every screen knows how far it is. */
  seq: integer('seq').notNull().default(0),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
}, (t) => [uniqueIndex('cocreation_sessions_code').on(t.code), index('cocreation_sessions_network').on(t.networkId, t.createdAt)]);

export const cocreationSubgroups = pgTable('cocreation_subgroups', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => cocreationSessions.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: text('name').notNull(),
}, (t) => [index('cocreation_subgroups_session').on(t.sessionId)]);

export const cocreationParticipants = pgTable('cocreation_participants', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => cocreationSessions.id, { onDelete: 'cascade' }),
  /** SHA-256 of the participant's secret token (the cookie holds the token). */
  tokenHash: text('token_hash').notNull(),
  displayName: text('display_name').notNull(),
  /** Set when a logged-in person joined as themselves. */
  personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
  institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'set null' }),
  subgroupId: uuid('subgroup_id').references(() => cocreationSubgroups.id, { onDelete: 'set null' }),
  /** Writes in the current rate window (a flood from one phone is refused, the session runs on). */
  rateWindowStart: timestamp('rate_window_start', { withTimezone: true }).notNull().defaultNow(),
  rateCount: integer('rate_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cocreation_participants_token').on(t.tokenHash), index('cocreation_participants_session').on(t.sessionId)]);

export const cocreationStatements = pgTable('cocreation_statements', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => cocreationSessions.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => cocreationParticipants.id, { onDelete: 'cascade' }),
  domainKey: text('domain_key').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('cocreation_statements_session').on(t.sessionId, t.createdAt)]);

export const cocreationMarks = pgTable('cocreation_marks', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  statementId: uuid('statement_id').notNull().references(() => cocreationStatements.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => cocreationParticipants.id, { onDelete: 'cascade' }),
  /** agree | disagree | unsure */
  mark: text('mark').notNull(),
}, (t) => [primaryKey({ columns: [t.statementId, t.participantId] })]);

/** Step 2: a participant attaches a statement to a domain of the framework. */
export const cocreationAttachments = pgTable('cocreation_attachments', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  statementId: uuid('statement_id').notNull().references(() => cocreationStatements.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => cocreationParticipants.id, { onDelete: 'cascade' }),
  domainKey: text('domain_key').notNull(),
}, (t) => [primaryKey({ columns: [t.statementId, t.participantId, t.domainKey] })]);

export const cocreationProposals = pgTable('cocreation_proposals', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => cocreationSessions.id, { onDelete: 'cascade' }),
  subgroupId: uuid('subgroup_id').references(() => cocreationSubgroups.id, { onDelete: 'set null' }),
  domainKey: text('domain_key').notNull(),
  position: integer('position').notNull(),
  text: text('text').notNull().default(''),
  /** Number of edits applied; an edit names the version it was typed against. */
  version: integer('version').notNull().default(0),
  /** accepted | amended | rejected, recorded by the facilitator. */
  decision: text('decision'),
  decidedText: text('decided_text'),
  decidedBy: uuid('decided_by').references(() => people.id, { onDelete: 'set null' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
}, (t) => [index('cocreation_proposals_session').on(t.sessionId, t.position)]);

/** Every edit of a proposal, in the order the server applied it (edits typed against older versions are transformed through the later ones). */
export const cocreationProposalEdits = pgTable('cocreation_proposal_edits', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  proposalId: uuid('proposal_id').notNull().references(() => cocreationProposals.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  /** { pos, del, ins } as applied. */
  op: jsonb('op').notNull(),
  participantId: uuid('participant_id').references(() => cocreationParticipants.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.proposalId, t.version] })]);

export const cocreationVotes = pgTable('cocreation_votes', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  proposalId: uuid('proposal_id').notNull().references(() => cocreationProposals.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => cocreationParticipants.id, { onDelete: 'cascade' }),
  dots: integer('dots').notNull(),
}, (t) => [primaryKey({ columns: [t.proposalId, t.participantId] })]);

export const cocreationConsents = pgTable('cocreation_consents', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  proposalId: uuid('proposal_id').notNull().references(() => cocreationProposals.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => cocreationParticipants.id, { onDelete: 'cascade' }),
  /** consent | objection */
  position: text('position').notNull(),
  reason: text('reason'),
}, (t) => [primaryKey({ columns: [t.proposalId, t.participantId] })]);

/** Step 5: follow-up agreements with an owner and a due date; owners get e-mail reminders. */
export const cocreationAgreements = pgTable('cocreation_agreements', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => cocreationSessions.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  ownerName: text('owner_name').notNull(),
  ownerEmail: text('owner_email'),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  /** A week before the due date, and on it. */
  remindedBeforeAt: timestamp('reminded_before_at', { withTimezone: true }),
  remindedDueAt: timestamp('reminded_due_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('cocreation_agreements_due').on(t.dueDate)]);

/** The network's professional profile, version 1, 2, … per profile name; each version comes from one session. */
export const cocreationProfileVersions = pgTable('cocreation_profile_versions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  profileName: text('profile_name').notNull(),
  version: integer('version').notNull(),
  sessionId: uuid('session_id').references(() => cocreationSessions.id, { onDelete: 'set null' }),
  /** ProfileContent (src/domain/cocreation/profile/schema.ts). */
  content: jsonb('content').notNull(),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cocreation_profile_versions_number').on(t.networkId, t.profileName, t.version)]);
