-- Device resolution's network tie-break (issue 3): the network of each evaluation's client address (its
-- /24 or /64, IpAddresses.network), so "how many devices were evaluated from this network lately" is one
-- index range. Rows written before this migration have none and count for no network.
ALTER TABLE evaluations ADD COLUMN network VARCHAR(49);
CREATE INDEX evaluations_by_network ON evaluations (app_id, network, created_at);
