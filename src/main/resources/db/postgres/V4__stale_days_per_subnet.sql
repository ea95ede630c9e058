-- IPDesk schema, version 4: how many days without being seen make a held address of a subnet stale (reconcile,
-- the grid's seen mark, the Usage dashboard's Seen column). Empty: the default, 30 days.
ALTER TABLE subnet ADD COLUMN stale_days INTEGER CHECK (stale_days IS NULL OR (stale_days >= 1 AND stale_days <= 3650));
