CREATE TABLE "credential_keys" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_multibase" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"title" text NOT NULL,
	"document" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "record_effect_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"partly" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_entry_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"visible_to_lead" boolean DEFAULT false NOT NULL,
	"subject_specific" boolean,
	"primary_process" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"title" text NOT NULL,
	"activity_date" date NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "record_manual_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"hours" double precision NOT NULL,
	"contact_hours" double precision NOT NULL,
	"primary_process" boolean NOT NULL,
	"subject_specific" boolean DEFAULT false NOT NULL,
	"evidence_url" text,
	"evidence_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_settings" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"follow_up_days" integer DEFAULT 91 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"special" text DEFAULT '' NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"tips" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"practice" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"institutions" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'draft' NOT NULL,
	"origin" jsonb,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(special, '')), 'B') || setweight(to_tsvector('dutch', coalesce(story, '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "credential_keys" ADD CONSTRAINT "credential_keys_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_effect_counts" ADD CONSTRAINT "record_effect_counts_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_settings" ADD CONSTRAINT "record_entry_settings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entry_settings" ADD CONSTRAINT "record_entry_settings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_follow_ups" ADD CONSTRAINT "record_follow_ups_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_follow_ups" ADD CONSTRAINT "record_follow_ups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_manual_activities" ADD CONSTRAINT "record_manual_activities_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_manual_activities" ADD CONSTRAINT "record_manual_activities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_settings" ADD CONSTRAINT "record_settings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examples" ADD CONSTRAINT "examples_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examples" ADD CONSTRAINT "examples_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credentials_person" ON "credentials" USING btree ("network_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_effect_counts_key" ON "record_effect_counts" USING btree ("network_id","source","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_entry_settings_key" ON "record_entry_settings" USING btree ("network_id","person_id","source","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_follow_ups_key" ON "record_follow_ups" USING btree ("network_id","person_id","source","source_id");--> statement-breakpoint
CREATE INDEX "record_manual_person" ON "record_manual_activities" USING btree ("network_id","person_id","date");--> statement-breakpoint
CREATE INDEX "examples_search" ON "examples" USING gin ("search");--> statement-breakpoint
CREATE INDEX "examples_network" ON "examples" USING btree ("network_id","visibility");--> statement-breakpoint
CREATE INDEX "examples_published" ON "examples" USING btree ("visibility","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "examples_slug" ON "examples" USING btree ("slug");