-- IPDesk schema, version 1.
-- Addresses are stored as fixed-width big-endian BLOBs (4 bytes for IPv4, 16 for IPv6), so that byte
-- order is numeric order inside one subnet. Free space of each subnet is kept as free_extent rows (one per
-- maximal run of allocatable addresses) so that "next free" is one index seek, not a scan.

CREATE TABLE ipdesk_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO ipdesk_meta (key, value) VALUES ('application', 'IPDesk');

CREATE TABLE network (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE subnet (
    id          INTEGER PRIMARY KEY,
    network_id  INTEGER NOT NULL REFERENCES network (id) ON DELETE RESTRICT,
    version     INTEGER NOT NULL CHECK (version IN (4, 6)),
    first_ip    BLOB    NOT NULL,
    last_ip     BLOB    NOT NULL,
    prefix      INTEGER NOT NULL,
    name        TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    vlan        INTEGER CHECK (vlan BETWEEN 1 AND 4094),
    gateway     BLOB,
    parent_id   INTEGER REFERENCES subnet (id) ON DELETE RESTRICT,
    CHECK (length(first_ip) = CASE version WHEN 4 THEN 4 ELSE 16 END),
    CHECK (length(last_ip) = length(first_ip)),
    CHECK (prefix BETWEEN 1 AND CASE version WHEN 4 THEN 32 ELSE 128 END),
    UNIQUE (network_id, version, first_ip, prefix)
);
CREATE INDEX subnet_parent ON subnet (parent_id);
CREATE INDEX subnet_span ON subnet (network_id, version, first_ip, last_ip);

CREATE TABLE address_range (
    id          INTEGER PRIMARY KEY,
    subnet_id   INTEGER NOT NULL REFERENCES subnet (id) ON DELETE CASCADE,
    start_ip    BLOB    NOT NULL,
    end_ip      BLOB    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('dhcp', 'reserved')),
    description TEXT    NOT NULL DEFAULT '',
    CHECK (start_ip <= end_ip)
);
CREATE INDEX address_range_subnet ON address_range (subnet_id, start_ip);

CREATE TABLE address (
    id          INTEGER PRIMARY KEY,
    subnet_id   INTEGER NOT NULL REFERENCES subnet (id) ON DELETE CASCADE,
    ip          BLOB    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('allocated', 'reserved', 'dhcp', 'deprecated')),
    hostname    TEXT    NOT NULL DEFAULT '',
    mac         TEXT    NOT NULL DEFAULT '',
    owner       TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (subnet_id, ip)
);
CREATE INDEX address_ip ON address (ip);
CREATE INDEX address_status ON address (subnet_id, status);
CREATE INDEX address_hostname ON address (hostname COLLATE NOCASE);
CREATE INDEX address_mac ON address (mac);

CREATE TABLE free_extent (
    subnet_id INTEGER NOT NULL REFERENCES subnet (id) ON DELETE CASCADE,
    start_ip  BLOB    NOT NULL,
    end_ip    BLOB    NOT NULL,
    PRIMARY KEY (subnet_id, start_ip),
    CHECK (start_ip <= end_ip)
) WITHOUT ROWID;

CREATE TABLE change_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'allocate', 'release')),
    object_type TEXT NOT NULL,
    object_key  TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX change_log_object ON change_log (object_type, object_key);
