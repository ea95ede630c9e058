-- IPDesk schema, version 3: what the network really uses, kept apart from the records.
-- observation: one row per address (whatever the network: an address seen is the same address everywhere), the
-- newest observation wins; an older one never overwrites a newer one. Times are milliseconds since 1970 UTC, so
-- that "newer" is a number comparison. Addresses are fixed-width BLOBs as in the records (4 or 16 bytes).
-- mac_sighting: each run of one MAC on one address (first and last time seen), so "which machine had 10.1.2.3 last
-- Tuesday" has an answer; a new run starts when another MAC was seen on the address in between.
-- ignored_finding: a reconcile finding the admin chose to ignore, with what was seen when it was ignored; it stays
-- ignored only while the same thing is seen.

CREATE TABLE observation (
    ip        BLOB    NOT NULL PRIMARY KEY CHECK (length(ip) IN (4, 16)),
    last_seen INTEGER NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('nmap', 'dhcpd', 'kea', 'dnsmasq', 'neighbours')),
    file      TEXT    NOT NULL,
    mac       TEXT    NOT NULL DEFAULT '',
    hostname  TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE mac_sighting (
    ip         BLOB    NOT NULL CHECK (length(ip) IN (4, 16)),
    mac        TEXT    NOT NULL CHECK (length(mac) > 0),
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    PRIMARY KEY (ip, first_seen, mac),
    CHECK (first_seen <= last_seen)
);
CREATE INDEX mac_sighting_mac ON mac_sighting (mac);

CREATE TABLE ignored_finding (
    ip   BLOB NOT NULL CHECK (length(ip) IN (4, 16)),
    kind TEXT NOT NULL CHECK (length(kind) > 0),
    seen TEXT NOT NULL,
    PRIMARY KEY (ip, kind)
);
