CREATE TABLE "placement_rankings" (
	"network_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"offer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_rankings_round_id_teacher_id_pk" PRIMARY KEY("round_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "placement_responses" (
	"network_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"rank" integer,
	CONSTRAINT "placement_responses_round_id_offer_id_teacher_id_pk" PRIMARY KEY("round_id","offer_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "placement_results" (
	"network_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"offer_id" uuid,
	"rank" integer,
	"waitlist" boolean DEFAULT false NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	CONSTRAINT "placement_results_round_id_teacher_id_pk" PRIMARY KEY("round_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "placement_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"max_ranks" integer NOT NULL,
	"offer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"mode" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "placement_rankings" ADD CONSTRAINT "placement_rankings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rankings" ADD CONSTRAINT "placement_rankings_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rankings" ADD CONSTRAINT "placement_rankings_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_responses" ADD CONSTRAINT "placement_responses_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_responses" ADD CONSTRAINT "placement_responses_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_responses" ADD CONSTRAINT "placement_responses_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_responses" ADD CONSTRAINT "placement_responses_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_results" ADD CONSTRAINT "placement_results_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_results" ADD CONSTRAINT "placement_results_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_results" ADD CONSTRAINT "placement_results_teacher_id_people_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_results" ADD CONSTRAINT "placement_results_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD CONSTRAINT "placement_rounds_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD CONSTRAINT "placement_rounds_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_rankings_network" ON "placement_rankings" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "placement_responses_network" ON "placement_responses" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "placement_results_network" ON "placement_results" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "placement_rounds_network" ON "placement_rounds" USING btree ("network_id");