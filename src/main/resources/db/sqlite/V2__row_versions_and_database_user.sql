-- IPDesk schema, version 2: edits that cross.
-- Every network, subnet, range and address carries a row version, raised by one on each change of what a person
-- edits (names, descriptions, details; not the subnet tree's parent links). An edit names the version it read and
-- is written only if the row still has it: one conditional UPDATE, so an edit made by someone else in between is
-- never overwritten unseen. (subnet.version already names the IP version, hence row_version.)
-- change_log.db_user is the database user of a team database (PostgreSQL's session_user); a file has none, so it
-- stays empty here except in rows copied from a team database.

ALTER TABLE network ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE subnet ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE address_range ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE address ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version > 0);
ALTER TABLE change_log ADD COLUMN db_user TEXT NOT NULL DEFAULT '';
