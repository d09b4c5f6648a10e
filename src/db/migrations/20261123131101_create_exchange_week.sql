CREATE TYPE "public"."edition_status" AS ENUM('draft', 'announced', 'registration_open', 'matching', 'published', 'running', 'evaluation', 'closed');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('planned', 'cancelled', 'done', 'missed');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "edition_institutions" (
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"side" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edition_invites" (
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminder_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "edition_status" DEFAULT 'draft' NOT NULL,
	"side_a_label" text DEFAULT 'mbo' NOT NULL,
	"side_b_label" text DEFAULT 'hbo' NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"announcement_date" date NOT NULL,
	"registration_deadline" date NOT NULL,
	"credited_hours" numeric(5, 1) DEFAULT '8' NOT NULL,
	"group_size" text DEFAULT 'pair' NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"public_slug" text NOT NULL,
	"copied_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_public_slug_unique" UNIQUE("public_slug")
);
--> statement-breakpoint
CREATE TABLE "edition_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"overall" integer NOT NULL,
	"partner_fit" integer NOT NULL,
	"organisation" integer NOT NULL,
	"would_recommend" boolean NOT NULL,
	"best_part" text DEFAULT '' NOT NULL,
	"improve" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"a_person_id" uuid NOT NULL,
	"b_person_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"trio" boolean DEFAULT false NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"phase" text DEFAULT 'QUEUED' NOT NULL,
	"input" jsonb,
	"output" jsonb,
	"summary" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pair_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"a_person_id" uuid NOT NULL,
	"b_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"observed" text DEFAULT '' NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"apply" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"side" text NOT NULL,
	"programme_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"wishes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_person_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"travel_mode" text DEFAULT 'transit' NOT NULL,
	"max_travel_minutes" integer DEFAULT 45 NOT NULL,
	"base_location_id" uuid,
	"unavailable_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timetable_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"file_name" text,
	"last_import_at" timestamp with time zone,
	"last_report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"pair_id" uuid,
	"observer_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	"lesson_start" timestamp with time zone NOT NULL,
	"lesson_end" timestamp with time zone NOT NULL,
	"leave_at" timestamp with time zone NOT NULL,
	"return_by" timestamp with time zone NOT NULL,
	"location_id" uuid,
	"travel_minutes" integer DEFAULT 0 NOT NULL,
	"status" "visit_status" DEFAULT 'planned' NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_uid_unique" UNIQUE("uid")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_institutions" ADD CONSTRAINT "edition_institutions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_institutions" ADD CONSTRAINT "edition_institutions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_institutions" ADD CONSTRAINT "edition_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invites" ADD CONSTRAINT "edition_invites_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invites" ADD CONSTRAINT "edition_invites_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invites" ADD CONSTRAINT "edition_invites_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_evaluations" ADD CONSTRAINT "edition_evaluations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_evaluations" ADD CONSTRAINT "edition_evaluations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_evaluations" ADD CONSTRAINT "edition_evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pairs" ADD CONSTRAINT "exchange_pairs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pairs" ADD CONSTRAINT "exchange_pairs_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pairs" ADD CONSTRAINT "exchange_pairs_run_id_matching_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."matching_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pairs" ADD CONSTRAINT "exchange_pairs_a_person_id_people_id_fk" FOREIGN KEY ("a_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_pairs" ADD CONSTRAINT "exchange_pairs_b_person_id_people_id_fk" FOREIGN KEY ("b_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_rules" ADD CONSTRAINT "pair_rules_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_rules" ADD CONSTRAINT "pair_rules_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_rules" ADD CONSTRAINT "pair_rules_a_person_id_people_id_fk" FOREIGN KEY ("a_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_rules" ADD CONSTRAINT "pair_rules_b_person_id_people_id_fk" FOREIGN KEY ("b_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_reflections" ADD CONSTRAINT "visit_reflections_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_reflections" ADD CONSTRAINT "visit_reflections_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_reflections" ADD CONSTRAINT "visit_reflections_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_base_location_id_locations_id_fk" FOREIGN KEY ("base_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_sources" ADD CONSTRAINT "timetable_sources_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_sources" ADD CONSTRAINT "timetable_sources_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_pair_id_exchange_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."exchange_pairs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_observer_id_people_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_host_id_people_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_checked_in_by_people_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_feeds_person" ON "calendar_feeds" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "edition_institutions_pk" ON "edition_institutions" USING btree ("edition_id","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "edition_invites_pk" ON "edition_invites" USING btree ("edition_id","person_id");--> statement-breakpoint
CREATE INDEX "editions_network" ON "editions" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "edition_evaluations_unique" ON "edition_evaluations" USING btree ("edition_id","person_id");--> statement-breakpoint
CREATE INDEX "exchange_pairs_edition" ON "exchange_pairs" USING btree ("edition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_runs_number" ON "matching_runs" USING btree ("edition_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "pair_rules_unique" ON "pair_rules" USING btree ("edition_id","a_person_id","b_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_reflections_unique" ON "visit_reflections" USING btree ("visit_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_edition_person" ON "registrations" USING btree ("edition_id","person_id");--> statement-breakpoint
CREATE INDEX "registrations_network" ON "registrations" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "timetable_sources_person" ON "timetable_sources" USING btree ("network_id","person_id");--> statement-breakpoint
CREATE INDEX "visits_edition" ON "visits" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "visits_observer" ON "visits" USING btree ("observer_id");--> statement-breakpoint
CREATE INDEX "visits_host" ON "visits" USING btree ("host_id");