CREATE TABLE "credential_status_lists" (
	"network_id" uuid NOT NULL,
	"list" integer NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credential_status_lists_network_id_list_pk" PRIMARY KEY("network_id","list")
);
--> statement-breakpoint
ALTER TABLE "credential_keys" ADD COLUMN "status_counter" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "status_list" integer;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "status_index" integer;--> statement-breakpoint
ALTER TABLE "credential_status_lists" ADD CONSTRAINT "credential_status_lists_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_status" ON "credentials" USING btree ("network_id","status_list","status_index");