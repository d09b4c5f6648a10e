CREATE TABLE "practice_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"source" text NOT NULL,
	"item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"takeaway" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_evaluations_score" CHECK ("practice_evaluations"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "practice_evaluations" ADD CONSTRAINT "practice_evaluations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_evaluations" ADD CONSTRAINT "practice_evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "practice_evaluations_person" ON "practice_evaluations" USING btree ("network_id","source","item_id","person_id");--> statement-breakpoint
CREATE INDEX "practice_evaluations_person_id" ON "practice_evaluations" USING btree ("person_id");