ALTER TABLE "mail_outbox" ADD COLUMN "ical" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "ical_method" text;