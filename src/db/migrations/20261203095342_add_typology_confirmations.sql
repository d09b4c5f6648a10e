CREATE TABLE "typology_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"type" text NOT NULL,
	"features" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "typology_learning" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "typology_confirmations" ADD CONSTRAINT "typology_confirmations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typology_confirmations" ADD CONSTRAINT "typology_confirmations_report_id_learner_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."learner_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "typology_confirmations_activity" ON "typology_confirmations" USING btree ("report_id","activity_id");--> statement-breakpoint
CREATE INDEX "typology_confirmations_network" ON "typology_confirmations" USING btree ("network_id","created_at");