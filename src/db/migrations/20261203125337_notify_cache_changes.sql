-- Change notification for the app servers' in-process caches (sessions with their actor, and
-- main authenticated reads): every write to a table they read sends NOTIFY kp_change on commit,
-- with the table's name, followed by ':' and the person for the tables that are cached per person.
CREATE OR REPLACE FUNCTION kp_notify_person_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  who uuid;
BEGIN
  IF TG_TABLE_NAME = 'people' THEN
    who := OLD.id;
  ELSIF TG_OP = 'DELETE' THEN
    who := OLD.person_id;
  ELSE
    who := NEW.person_id;
  END IF;
  PERFORM pg_notify('kp_change', TG_TABLE_NAME || ':' || who::text);
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'people' THEN
    IF OLD.person_id IS DISTINCT FROM NEW.person_id THEN
      PERFORM pg_notify('kp_change', TG_TABLE_NAME || ':' || OLD.person_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kp_notify_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kp_change', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A session that is used only moves last_seen_at forward: no notification for that.
CREATE TRIGGER sessions_kp_change AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.rotate IS DISTINCT FROM NEW.rotate
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR NEW.last_seen_at < OLD.last_seen_at
    OR OLD.person_id IS DISTINCT FROM NEW.person_id)
  EXECUTE FUNCTION kp_notify_person_change();
--> statement-breakpoint
CREATE TRIGGER sessions_kp_change_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION kp_notify_person_change();
--> statement-breakpoint
CREATE TRIGGER people_kp_change AFTER UPDATE OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION kp_notify_person_change();
--> statement-breakpoint
CREATE TRIGGER memberships_kp_change AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION kp_notify_person_change();
--> statement-breakpoint
CREATE TRIGGER networks_kp_change AFTER INSERT OR UPDATE OR DELETE ON networks FOR EACH STATEMENT EXECUTE FUNCTION kp_notify_table_change();
--> statement-breakpoint
CREATE TRIGGER institutions_kp_change AFTER INSERT OR UPDATE OR DELETE ON institutions FOR EACH STATEMENT EXECUTE FUNCTION kp_notify_table_change();
--> statement-breakpoint
CREATE TRIGGER editions_kp_change AFTER INSERT OR UPDATE OR DELETE ON editions FOR EACH STATEMENT EXECUTE FUNCTION kp_notify_table_change();
--> statement-breakpoint
CREATE TRIGGER edition_institutions_kp_change AFTER INSERT OR UPDATE OR DELETE ON edition_institutions FOR EACH STATEMENT EXECUTE FUNCTION kp_notify_table_change();
--> statement-breakpoint
CREATE TRIGGER registrations_kp_change AFTER INSERT OR UPDATE OR DELETE ON registrations FOR EACH STATEMENT EXECUTE FUNCTION kp_notify_table_change();
--> statement-breakpoint
CREATE TRIGGER timetable_blocks_kp_change AFTER INSERT OR UPDATE OR DELETE ON timetable_blocks FOR EACH STATEMENT EXECUTE FUNCTION kp_notify_table_change();
