-- Five secondary indexes on evaluations become three. Why (issue 2): the single writer's cost is its page writes, and each index of an
-- evaluation costs about one random leaf page per evaluation; see docs/benchmarks.md "Fewer indexes per
-- evaluation".
--
-- By account: one index serves both the account's timeline and its countries. With the country after
-- the time, "seen in this country before", "countries of the last 24 hours" and "all countries" read
-- the index alone, in the account's range.
DROP INDEX evaluations_by_user_country;
DROP INDEX evaluations_by_user;
CREATE INDEX evaluations_by_user ON evaluations (app_id, user_id, created_at, country);
--
-- By network and address: "devices on this network lately" (the device tie-break) reads the network's
-- recent range, and the history by IP (an operator's search) walks its network's range newest first and
-- keeps its address's rows (every row has a network since V15). The cost falls on searching a rarely
-- seen address of a busy network (a carrier's NAT): that reads the network's index entries of the
-- retention period.
--
-- Two shapes were tried and dropped, both because SQLite plans without statistics and takes an index
-- that covers a query over a short range of another: the address before the time (the tie-break's
-- query then walked the whole app in device order), and the device in this index or the network in
-- evaluations_by_device (the tie-break's queries then walked the whole app through the covering one).
-- Throughput fell by half to seven eighths each time; SqliteStorageContractTest pins both plans.
DROP INDEX evaluations_by_ip;
DROP INDEX evaluations_by_network;
CREATE INDEX evaluations_by_network ON evaluations (app_id, network, created_at, ip);
