-- Institution websites are shown as links: only http(s) addresses may stay (no javascript:, data:, vbscript:).
UPDATE "institutions" SET "website" = NULL WHERE "website" IS NOT NULL AND "website" !~* '^https?://[^/?#\s]';
