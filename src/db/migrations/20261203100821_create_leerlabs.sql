CREATE TABLE "leerlab_attendance" (
	"network_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"status" text NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leerlab_attendance_session_id_pupil_id_pk" PRIMARY KEY("session_id","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "leerlab_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"financing" jsonb,
	"note" text DEFAULT '' NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"name" text NOT NULL,
	"lessons" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_closed_days" (
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	CONSTRAINT "leerlab_closed_days_leerlab_id_date_pk" PRIMARY KEY("leerlab_id","date")
);
--> statement-breakpoint
CREATE TABLE "leerlab_evaluation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"ratings" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"period_id" uuid,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"part_ids" jsonb NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_partners" (
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"side" text NOT NULL,
	CONSTRAINT "leerlab_partners_leerlab_id_institution_id_pk" PRIMARY KEY("leerlab_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "leerlab_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hours" double precision NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_patterns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"weekday" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"score" double precision NOT NULL,
	"chosen_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_pupils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_results" (
	"network_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"grade" double precision,
	"completed" boolean DEFAULT false NOT NULL,
	"assessed_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leerlab_results_pupil_id_part_id_pk" PRIMARY KEY("pupil_id","part_id")
);
--> statement-breakpoint
CREATE TABLE "leerlab_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"leave_at" timestamp with time zone NOT NULL,
	"return_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leerlab_staff" (
	"network_id" uuid NOT NULL,
	"leerlab_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "leerlab_staff_leerlab_id_person_id_role_pk" PRIMARY KEY("leerlab_id","person_id","role")
);
--> statement-breakpoint
CREATE TABLE "leerlabs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pgp" text NOT NULL,
	"keuzedeel_name" text NOT NULL,
	"keuzedeel_code" text DEFAULT '' NOT NULL,
	"cohort_year" integer NOT NULL,
	"school_year" text NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"vo_location_id" uuid,
	"mbo_location_id" uuid,
	"travel_mode" text DEFAULT 'bike' NOT NULL,
	"travel_minutes" integer DEFAULT 15 NOT NULL,
	"travel_edited" boolean DEFAULT false NOT NULL,
	"session_minutes" integer DEFAULT 90 NOT NULL,
	"guest_minutes" integer DEFAULT 60 NOT NULL,
	"guest_every_weeks" integer DEFAULT 4 NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retention_months" integer DEFAULT 12 NOT NULL,
	"pupils_removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leerlab_attendance" ADD CONSTRAINT "leerlab_attendance_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_attendance" ADD CONSTRAINT "leerlab_attendance_session_id_leerlab_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."leerlab_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_attendance" ADD CONSTRAINT "leerlab_attendance_pupil_id_leerlab_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."leerlab_pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_attendance" ADD CONSTRAINT "leerlab_attendance_marked_by_people_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_checklist_items" ADD CONSTRAINT "leerlab_checklist_items_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_checklist_items" ADD CONSTRAINT "leerlab_checklist_items_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_checklist_items" ADD CONSTRAINT "leerlab_checklist_items_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_classes" ADD CONSTRAINT "leerlab_classes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_classes" ADD CONSTRAINT "leerlab_classes_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_closed_days" ADD CONSTRAINT "leerlab_closed_days_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_closed_days" ADD CONSTRAINT "leerlab_closed_days_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_evaluation_answers" ADD CONSTRAINT "leerlab_evaluation_answers_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_evaluation_answers" ADD CONSTRAINT "leerlab_evaluation_answers_evaluation_id_leerlab_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."leerlab_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_evaluations" ADD CONSTRAINT "leerlab_evaluations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_evaluations" ADD CONSTRAINT "leerlab_evaluations_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_evaluations" ADD CONSTRAINT "leerlab_evaluations_period_id_leerlab_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."leerlab_periods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_exemptions" ADD CONSTRAINT "leerlab_exemptions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_exemptions" ADD CONSTRAINT "leerlab_exemptions_pupil_id_leerlab_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."leerlab_pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_exemptions" ADD CONSTRAINT "leerlab_exemptions_issued_by_people_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_partners" ADD CONSTRAINT "leerlab_partners_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_partners" ADD CONSTRAINT "leerlab_partners_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_partners" ADD CONSTRAINT "leerlab_partners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_parts" ADD CONSTRAINT "leerlab_parts_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_parts" ADD CONSTRAINT "leerlab_parts_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_patterns" ADD CONSTRAINT "leerlab_patterns_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_patterns" ADD CONSTRAINT "leerlab_patterns_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_patterns" ADD CONSTRAINT "leerlab_patterns_chosen_by_people_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_periods" ADD CONSTRAINT "leerlab_periods_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_periods" ADD CONSTRAINT "leerlab_periods_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_pupils" ADD CONSTRAINT "leerlab_pupils_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_pupils" ADD CONSTRAINT "leerlab_pupils_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_pupils" ADD CONSTRAINT "leerlab_pupils_class_id_leerlab_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."leerlab_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_results" ADD CONSTRAINT "leerlab_results_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_results" ADD CONSTRAINT "leerlab_results_pupil_id_leerlab_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."leerlab_pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_results" ADD CONSTRAINT "leerlab_results_part_id_leerlab_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."leerlab_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_sessions" ADD CONSTRAINT "leerlab_sessions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_sessions" ADD CONSTRAINT "leerlab_sessions_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_staff" ADD CONSTRAINT "leerlab_staff_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_staff" ADD CONSTRAINT "leerlab_staff_leerlab_id_leerlabs_id_fk" FOREIGN KEY ("leerlab_id") REFERENCES "public"."leerlabs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlab_staff" ADD CONSTRAINT "leerlab_staff_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlabs" ADD CONSTRAINT "leerlabs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlabs" ADD CONSTRAINT "leerlabs_vo_location_id_locations_id_fk" FOREIGN KEY ("vo_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerlabs" ADD CONSTRAINT "leerlabs_mbo_location_id_locations_id_fk" FOREIGN KEY ("mbo_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leerlab_classes_name" ON "leerlab_classes" USING btree ("leerlab_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "leerlab_evaluations_code" ON "leerlab_evaluations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "leerlab_patterns_direction" ON "leerlab_patterns" USING btree ("leerlab_id","direction");--> statement-breakpoint
CREATE UNIQUE INDEX "leerlab_pupils_name" ON "leerlab_pupils" USING btree ("leerlab_id",lower("name"));--> statement-breakpoint
CREATE INDEX "leerlab_sessions_leerlab" ON "leerlab_sessions" USING btree ("network_id","leerlab_id","start_at");--> statement-breakpoint
CREATE INDEX "leerlab_staff_person" ON "leerlab_staff" USING btree ("network_id","person_id");--> statement-breakpoint
CREATE INDEX "leerlabs_network" ON "leerlabs" USING btree ("network_id");