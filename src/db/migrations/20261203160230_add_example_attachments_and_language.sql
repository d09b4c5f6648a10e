CREATE TABLE "example_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"example_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "examples" ADD COLUMN "language" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE "examples" drop column "search";--> statement-breakpoint
ALTER TABLE "examples" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector((case when language = 'en' then 'english'::regconfig else 'dutch'::regconfig end), coalesce(title, '')), 'A') || setweight(to_tsvector((case when language = 'en' then 'english'::regconfig else 'dutch'::regconfig end), coalesce(special, '')), 'B') || setweight(to_tsvector((case when language = 'en' then 'english'::regconfig else 'dutch'::regconfig end), coalesce(story, '')), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "examples_search" ON "examples" USING gin ("search");--> statement-breakpoint
ALTER TABLE "example_attachments" ADD CONSTRAINT "example_attachments_example_id_examples_id_fk" FOREIGN KEY ("example_id") REFERENCES "public"."examples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "example_attachments" ADD CONSTRAINT "example_attachments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "example_attachments" ADD CONSTRAINT "example_attachments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "example_attachments_example" ON "example_attachments" USING btree ("example_id","created_at");--> statement-breakpoint
ALTER TABLE "examples" ADD CONSTRAINT "examples_language" CHECK ("examples"."language" in ('nl', 'en'));