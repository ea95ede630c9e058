-- IPDesk schema for PostgreSQL, version 2 (as db/sqlite/V2): edits that cross, and who did it.
-- Every network, subnet, range and address carries a row version, raised by one on each change of what a person
-- edits. An edit names the version it read and is written only if the row still has it: one conditional UPDATE
-- (UPDATE ... WHERE id = ? AND row_version = ?), never a read then a write.
-- change_log.db_user is the database user who made the change, filled in by the server itself (session_user), so a
-- client cannot write someone else's name by leaving it out; os_user stays as the second field.

ALTER TABLE network ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE subnet ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE address_range ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE address ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1 CHECK (row_version > 0);
-- rows written before this version keep an empty db_user (their OS user names them); new rows get the login
ALTER TABLE change_log ADD COLUMN db_user TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE change_log ALTER COLUMN db_user SET DEFAULT session_user;

-- A member cannot write someone else's name either: whatever a member's INSERT says, the row gets the member's own
-- session_user. Only the owner of the tables (who runs team init and copies whole databases in, change log included)
-- keeps the names it writes.
CREATE FUNCTION ipdesk_change_author() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT pg_catalog.pg_has_role(session_user,
            (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID), 'MEMBER') THEN
        NEW.db_user := session_user;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER change_log_author BEFORE INSERT ON change_log
    FOR EACH ROW EXECUTE FUNCTION ipdesk_change_author();
