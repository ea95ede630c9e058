-- IPDesk schema for PostgreSQL, version 3 (as db/sqlite/V3): what the network really uses, kept apart from the records.
-- observation: one row per address, the newest observation wins (an older one never overwrites a newer one); times
-- are milliseconds since 1970 UTC. mac_sighting: each run of one MAC on one address. ignored_finding: a reconcile
-- finding ignored while the same thing is seen. Addresses are fixed-width bytea, text compares bytewise.

CREATE TABLE observation (
    ip        BYTEA  NOT NULL PRIMARY KEY CHECK (length(ip) IN (4, 16)),
    last_seen BIGINT NOT NULL,
    kind      TEXT COLLATE "C" NOT NULL CHECK (kind IN ('nmap', 'dhcpd', 'kea', 'dnsmasq', 'neighbours')),
    file      TEXT COLLATE "C" NOT NULL,
    mac       TEXT COLLATE "C" NOT NULL DEFAULT '',
    hostname  TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE TABLE mac_sighting (
    ip         BYTEA  NOT NULL CHECK (length(ip) IN (4, 16)),
    mac        TEXT COLLATE "C" NOT NULL CHECK (length(mac) > 0),
    first_seen BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (ip, first_seen, mac),
    CHECK (first_seen <= last_seen)
);
CREATE INDEX mac_sighting_mac ON mac_sighting (mac);

CREATE TABLE ignored_finding (
    ip   BYTEA NOT NULL CHECK (length(ip) IN (4, 16)),
    kind TEXT COLLATE "C" NOT NULL CHECK (length(kind) > 0),
    seen TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (ip, kind)
);
