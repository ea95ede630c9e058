-- IPDesk schema for PostgreSQL, version 5 (as db/sqlite/V5): the SOA serial last written for each DNS zone. The team's
-- roles get it as they get ignored_finding (viewers read it; editors and admins write it when they export zones):
-- PostgresTeam grants it on 'team init', and a team database brought up to date here gets the same grants at once.

CREATE TABLE dns_zone (
    name       TEXT COLLATE "C" NOT NULL PRIMARY KEY CHECK (length(name) > 0),
    serial     BIGINT NOT NULL CHECK (serial BETWEEN 0 AND 4294967295),
    written_at BIGINT NOT NULL
);

DO $$
DECLARE
    g record;
BEGIN
    FOR g IN SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants
             WHERE table_schema = current_schema() AND table_name = 'ignored_finding'
               AND privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE') AND grantee <> current_user
    LOOP
        EXECUTE pg_catalog.format('GRANT %s ON TABLE dns_zone TO %I', g.privilege_type, g.grantee);
    END LOOP;
END $$;
