CREATE TABLE "speeddate_choices" (
	"network_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"chooser_id" uuid NOT NULL,
	"chosen_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speeddate_choices_event_id_chooser_id_chosen_id_pk" PRIMARY KEY("event_id","chooser_id","chosen_id")
);
--> statement-breakpoint
CREATE TABLE "speeddate_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"table_count" integer NOT NULL,
	"seats_per_table" integer NOT NULL,
	"rounds" integer NOT NULL,
	"round_minutes" integer NOT NULL,
	"changeover_minutes" integer DEFAULT 0 NOT NULL,
	"break_after_round" integer,
	"break_minutes" integer DEFAULT 0 NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeddate_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"table_no" integer,
	"status" text DEFAULT 'invited' NOT NULL,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeddate_seats" (
	"network_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"teacher_id" uuid NOT NULL,
	"professional_id" uuid NOT NULL,
	"table_no" integer NOT NULL,
	CONSTRAINT "speeddate_seats_event_id_round_teacher_id_pk" PRIMARY KEY("event_id","round","teacher_id")
);
--> statement-breakpoint
ALTER TABLE "speeddate_choices" ADD CONSTRAINT "speeddate_choices_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_choices" ADD CONSTRAINT "speeddate_choices_event_id_speeddate_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."speeddate_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_choices" ADD CONSTRAINT "speeddate_choices_chooser_id_people_id_fk" FOREIGN KEY ("chooser_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_choices" ADD CONSTRAINT "speeddate_choices_chosen_id_people_id_fk" FOREIGN KEY ("chosen_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_events" ADD CONSTRAINT "speeddate_events_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_events" ADD CONSTRAINT "speeddate_events_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_participants" ADD CONSTRAINT "speeddate_participants_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_participants" ADD CONSTRAINT "speeddate_participants_event_id_speeddate_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."speeddate_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_participants" ADD CONSTRAINT "speeddate_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD CONSTRAINT "speeddate_seats_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD CONSTRAINT "speeddate_seats_event_id_speeddate_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."speeddate_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD CONSTRAINT "speeddate_seats_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD CONSTRAINT "speeddate_seats_professional_id_people_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speeddate_choices_network" ON "speeddate_choices" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "speeddate_events_network" ON "speeddate_events" USING btree ("network_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "speeddate_participants_person" ON "speeddate_participants" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE INDEX "speeddate_participants_network" ON "speeddate_participants" USING btree ("network_id","person_id");--> statement-breakpoint
CREATE INDEX "speeddate_seats_network" ON "speeddate_seats" USING btree ("network_id","event_id");