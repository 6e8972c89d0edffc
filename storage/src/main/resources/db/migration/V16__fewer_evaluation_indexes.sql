-- Five secondary indexes on evaluations become three, and the device tie-break's reads need no table
-- rows. Why (issue 2): the single writer's cost is its page writes, and each index of an
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
-- By device: with the network in it, "the networks these devices were seen on lately" (the device
-- tie-break) reads the index alone, not one evaluation row per visit of each candidate.
DROP INDEX evaluations_by_device;
CREATE INDEX evaluations_by_device ON evaluations (app_id, device_id, created_at, network);
--
-- By network and address: "devices on this network lately" (the device tie-break) reads the network's
-- recent range, and the history by IP (an operator's search) walks its network's range newest first and
-- keeps its address's rows (every row has a network since V15). The cost falls on searching a rarely
-- seen address of a busy network (a carrier's NAT): that reads the network's index entries of the
-- retention period.
--
-- SQLite plans without statistics and may take an index that covers a query, or yields its DISTINCT
-- order, over a short range of another: with the address before the time here, or the device in this
-- index, a tie-break query walked the whole app and throughput fell by half or more. "Devices on this
-- network" therefore counts DISTINCT device_id || '' (SqlDeviceDirectory), and SqliteStorageContractTest
-- pins both tie-break queries' plans.
DROP INDEX evaluations_by_ip;
DROP INDEX evaluations_by_network;
CREATE INDEX evaluations_by_network ON evaluations (app_id, network, created_at, ip);
