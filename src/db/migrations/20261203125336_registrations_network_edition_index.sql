DROP INDEX "registrations_network";--> statement-breakpoint
CREATE INDEX "registrations_network_edition" ON "registrations" USING btree ("network_id","edition_id");