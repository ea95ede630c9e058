-- IPDesk schema for PostgreSQL, version 5 (as db/sqlite/V5; version 4 is another change): the SOA serial last
-- written for each DNS zone. The team's roles get it from PostgresTeam's table lists (viewers read it, editors and
-- admins write it when they export zones).

CREATE TABLE dns_zone (
    name       TEXT COLLATE "C" NOT NULL PRIMARY KEY CHECK (length(name) > 0),
    serial     BIGINT NOT NULL CHECK (serial BETWEEN 0 AND 4294967295),
    written_at BIGINT NOT NULL
);
