-- Failed sign-ins older than a day are deleted by age (SqlOperatorStore), and the only index led with the
-- email: every sign-in try read the whole table for it, in the node's one writer, so a day of a sign-in
-- flood (three million rows) held every app's evaluations for seconds each (review finding). The
-- deletion now runs at most once a minute per node, a thousand rows at a time, along this index.
CREATE INDEX operator_failures_by_age ON operator_failures (at);

-- A client's failed sign-ins of every email, counted at each try for its ceiling (SignInLockout): one
-- client trying a new email each time kept every operator out, its tries filling the password hasher.
CREATE INDEX operator_failures_by_client ON operator_failures (client_key, at);
