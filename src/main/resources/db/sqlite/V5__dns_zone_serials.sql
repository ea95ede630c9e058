-- IPDesk schema, version 5 (version 4 is another change): the SOA serial last written for each DNS zone, so that a
-- zone file written again gets a higher serial and secondaries take it. name: the zone's name, lower case, without
-- the final dot. serial: 0 to 2^32 - 1 (RFC 1982). written_at: when the file was written, milliseconds since 1970 UTC.

CREATE TABLE dns_zone (
    name       TEXT    NOT NULL PRIMARY KEY CHECK (length(name) > 0),
    serial     INTEGER NOT NULL CHECK (serial BETWEEN 0 AND 4294967295),
    written_at INTEGER NOT NULL
);
