CREATE TABLE "offer_companies" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"network_id" uuid NOT NULL,
	"sector" text DEFAULT '' NOT NULL,
	"isced_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"profile" text DEFAULT '' NOT NULL,
	"takes_pupils" boolean DEFAULT false NOT NULL,
	"committed_on" date,
	"contact_person_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"institution_id" uuid,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"promotion_seen_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"learning_questions" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_reminders" (
	"network_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"preferred_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"session_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"tasks" text DEFAULT '' NOT NULL,
	"takeaways" text DEFAULT '' NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"plan_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"host_institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"isced_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"location_id" uuid,
	"on_request" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"deadline" date,
	"credited_hours" numeric(5, 1) DEFAULT '0' NOT NULL,
	"host_contact_id" uuid,
	"preparation" text DEFAULT '' NOT NULL,
	"internship_form" text,
	"status" text DEFAULT 'published' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offer_companies" ADD CONSTRAINT "offer_companies_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_companies" ADD CONSTRAINT "offer_companies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_registrations" ADD CONSTRAINT "offer_registrations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_registrations" ADD CONSTRAINT "offer_registrations_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_registrations" ADD CONSTRAINT "offer_registrations_session_id_offer_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."offer_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_registrations" ADD CONSTRAINT "offer_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_registrations" ADD CONSTRAINT "offer_registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_reminders" ADD CONSTRAINT "offer_reminders_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_reminders" ADD CONSTRAINT "offer_reminders_registration_id_offer_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."offer_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_requests" ADD CONSTRAINT "offer_requests_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_requests" ADD CONSTRAINT "offer_requests_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_requests" ADD CONSTRAINT "offer_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_requests" ADD CONSTRAINT "offer_requests_session_id_offer_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."offer_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_sessions" ADD CONSTRAINT "offer_sessions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_sessions" ADD CONSTRAINT "offer_sessions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_host_institution_id_institutions_id_fk" FOREIGN KEY ("host_institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_host_contact_id_people_id_fk" FOREIGN KEY ("host_contact_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_companies_network" ON "offer_companies" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_registrations_active" ON "offer_registrations" USING btree ("session_id","person_id") WHERE "offer_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "offer_registrations_person" ON "offer_registrations" USING btree ("network_id","person_id");--> statement-breakpoint
CREATE INDEX "offer_registrations_session" ON "offer_registrations" USING btree ("session_id","status","queued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_reminders_once" ON "offer_reminders" USING btree ("registration_id","phase");--> statement-breakpoint
CREATE INDEX "offer_requests_offer" ON "offer_requests" USING btree ("network_id","offer_id");--> statement-breakpoint
CREATE INDEX "offer_sessions_offer" ON "offer_sessions" USING btree ("network_id","offer_id");--> statement-breakpoint
CREATE INDEX "offers_network" ON "offers" USING btree ("network_id","host_institution_id");