-- A list's values are read in the order they were first added (position), for every add, remove and
-- GET of the list and for each reload of an app's policies; the primary key orders them by value, so
-- each read sorted the whole list (PostgreSQL spilled ~3.3 MB to disk for a list of 100,000 values on
-- each add). The value is in the index, so the read is an index-only walk in order; MAX(position) for the
-- next add is its top entry.
CREATE INDEX value_list_entries_by_position ON value_list_entries (app_id, list_id, position, value);
