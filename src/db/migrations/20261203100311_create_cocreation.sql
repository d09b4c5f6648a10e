CREATE TABLE "cocreation_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_email" text,
	"due_date" date NOT NULL,
	"reminded_before_at" timestamp with time zone,
	"reminded_due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_attachments" (
	"network_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"domain_key" text NOT NULL,
	CONSTRAINT "cocreation_attachments_statement_id_participant_id_domain_key_pk" PRIMARY KEY("statement_id","participant_id","domain_key")
);
--> statement-breakpoint
CREATE TABLE "cocreation_consents" (
	"network_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"position" text NOT NULL,
	"reason" text,
	CONSTRAINT "cocreation_consents_proposal_id_participant_id_pk" PRIMARY KEY("proposal_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "cocreation_marks" (
	"network_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mark" text NOT NULL,
	CONSTRAINT "cocreation_marks_statement_id_participant_id_pk" PRIMARY KEY("statement_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "cocreation_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"person_id" uuid,
	"institution_id" uuid,
	"subgroup_id" uuid,
	"rate_window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"rate_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_profile_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"profile_name" text NOT NULL,
	"version" integer NOT NULL,
	"session_id" uuid,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_proposal_edits" (
	"network_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"op" jsonb NOT NULL,
	"participant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cocreation_proposal_edits_proposal_id_version_pk" PRIMARY KEY("proposal_id","version")
);
--> statement-breakpoint
CREATE TABLE "cocreation_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"subgroup_id" uuid,
	"domain_key" text NOT NULL,
	"position" integer NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"decision" text,
	"decided_text" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cocreation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"profile_name" text NOT NULL,
	"framework" jsonb NOT NULL,
	"step_minutes" jsonb NOT NULL,
	"dot_budget" integer DEFAULT 3 NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_proposal_id" uuid,
	"code" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cocreation_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"domain_key" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_subgroups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_votes" (
	"network_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"dots" integer NOT NULL,
	CONSTRAINT "cocreation_votes_proposal_id_participant_id_pk" PRIMARY KEY("proposal_id","participant_id")
);
--> statement-breakpoint
ALTER TABLE "cocreation_agreements" ADD CONSTRAINT "cocreation_agreements_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_agreements" ADD CONSTRAINT "cocreation_agreements_session_id_cocreation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cocreation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_attachments" ADD CONSTRAINT "cocreation_attachments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_attachments" ADD CONSTRAINT "cocreation_attachments_statement_id_cocreation_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."cocreation_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_attachments" ADD CONSTRAINT "cocreation_attachments_participant_id_cocreation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cocreation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_consents" ADD CONSTRAINT "cocreation_consents_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_consents" ADD CONSTRAINT "cocreation_consents_proposal_id_cocreation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cocreation_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_consents" ADD CONSTRAINT "cocreation_consents_participant_id_cocreation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cocreation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_marks" ADD CONSTRAINT "cocreation_marks_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_marks" ADD CONSTRAINT "cocreation_marks_statement_id_cocreation_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."cocreation_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_marks" ADD CONSTRAINT "cocreation_marks_participant_id_cocreation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cocreation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_participants" ADD CONSTRAINT "cocreation_participants_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_participants" ADD CONSTRAINT "cocreation_participants_session_id_cocreation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cocreation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_participants" ADD CONSTRAINT "cocreation_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_participants" ADD CONSTRAINT "cocreation_participants_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_participants" ADD CONSTRAINT "cocreation_participants_subgroup_id_cocreation_subgroups_id_fk" FOREIGN KEY ("subgroup_id") REFERENCES "public"."cocreation_subgroups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_profile_versions" ADD CONSTRAINT "cocreation_profile_versions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_profile_versions" ADD CONSTRAINT "cocreation_profile_versions_session_id_cocreation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cocreation_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_profile_versions" ADD CONSTRAINT "cocreation_profile_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposal_edits" ADD CONSTRAINT "cocreation_proposal_edits_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposal_edits" ADD CONSTRAINT "cocreation_proposal_edits_proposal_id_cocreation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cocreation_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposal_edits" ADD CONSTRAINT "cocreation_proposal_edits_participant_id_cocreation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cocreation_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposals" ADD CONSTRAINT "cocreation_proposals_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposals" ADD CONSTRAINT "cocreation_proposals_session_id_cocreation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cocreation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposals" ADD CONSTRAINT "cocreation_proposals_subgroup_id_cocreation_subgroups_id_fk" FOREIGN KEY ("subgroup_id") REFERENCES "public"."cocreation_subgroups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_proposals" ADD CONSTRAINT "cocreation_proposals_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_sessions" ADD CONSTRAINT "cocreation_sessions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_sessions" ADD CONSTRAINT "cocreation_sessions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_statements" ADD CONSTRAINT "cocreation_statements_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_statements" ADD CONSTRAINT "cocreation_statements_session_id_cocreation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cocreation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_statements" ADD CONSTRAINT "cocreation_statements_participant_id_cocreation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cocreation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_subgroups" ADD CONSTRAINT "cocreation_subgroups_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_subgroups" ADD CONSTRAINT "cocreation_subgroups_session_id_cocreation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cocreation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_votes" ADD CONSTRAINT "cocreation_votes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_votes" ADD CONSTRAINT "cocreation_votes_proposal_id_cocreation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cocreation_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_votes" ADD CONSTRAINT "cocreation_votes_participant_id_cocreation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cocreation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cocreation_agreements_due" ON "cocreation_agreements" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "cocreation_participants_token" ON "cocreation_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "cocreation_participants_session" ON "cocreation_participants" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cocreation_profile_versions_number" ON "cocreation_profile_versions" USING btree ("network_id","profile_name","version");--> statement-breakpoint
CREATE INDEX "cocreation_proposals_session" ON "cocreation_proposals" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "cocreation_sessions_code" ON "cocreation_sessions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "cocreation_sessions_network" ON "cocreation_sessions" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "cocreation_statements_session" ON "cocreation_statements" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "cocreation_subgroups_session" ON "cocreation_subgroups" USING btree ("session_id");