#!/usr/bin/env python3
"""Which tables and indexes the commits in a copy of SQLite's write-ahead log wrote.

    python3 bench/wal-pages.py COPY_OF_WAL DATABASE [EVALUATIONS_PER_COMMIT]

COPY_OF_WAL is a copy of <data>/seatguard.db-wal taken while the server ran (the log is
rewritten from its start after each checkpoint, so a copy holds the commits since the last
one); DATABASE is the database file afterwards, read only, whose dbstat table maps each
page number to its B-tree. Prints pages per commit for each B-tree, grouped, and, when
EVALUATIONS_PER_COMMIT is given (from /metrics: evaluations / writer batches), pages per
evaluation. Pages allocated after the copy was taken show as "(page not in the database)".
See docs/benchmarks.md, "Where a commit's pages go".
"""
import collections
import sqlite3
import struct
import sys

# Each B-tree goes to the first group one of whose prefixes its name starts with
# (SQLite names a table's key index sqlite_autoindex_<table>_N).
GROUPS = [
    ("the evaluations' three indexes", ("evaluations_by_",)),
    ("the evaluations' rows and id key", ("evaluations", "sqlite_autoindex_evaluations_")),
    ("devices: tokens, fingerprints, components, device rows", ("device", "sqlite_autoindex_device")),
    ("the account's devices, fingerprints, addresses, countries", ("user_", "sqlite_autoindex_user_")),
    ("patterns", ("account_patterns", "sqlite_autoindex_account_patterns")),
    ("users", ("users", "sqlite_autoindex_users_")),
]


def frames(wal):
    """The (page number, database size) of each valid frame up to the last commit."""
    _, _, page_size, _, salt1, salt2 = struct.unpack(">IIIIII", wal[:24])
    found, offset = [], 32
    while offset + 24 + page_size <= len(wal):
        page, db_size, s1, s2 = struct.unpack(">IIII", wal[offset:offset + 16])
        if (s1, s2) != (salt1, salt2):
            break
        found.append((page, db_size))
        offset += 24 + page_size
    commits = [i for i, (_, db_size) in enumerate(found) if db_size]
    return page_size, found[: commits[-1] + 1] if commits else []


def group_of(name):
    for label, prefixes in GROUPS:
        if name.startswith(prefixes):
            return label
    return "everything else"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    page_size, written = frames(open(sys.argv[1], "rb").read())
    commits = sum(1 for _, db_size in written if db_size)
    if not commits:
        sys.exit("no complete commit in " + sys.argv[1])
    per_eval = float(sys.argv[3]) if len(sys.argv) == 4 else None
    database = sqlite3.connect("file:" + sys.argv[2] + "?mode=ro", uri=True)
    owner = {page: name for name, page in database.execute("SELECT name, pageno FROM dbstat")}
    by_tree = collections.Counter(owner.get(page, "(page not in the database)") for page, _ in written)

    def line(count, label):
        each = count / commits
        return f"{each:8.2f}" + (f"  {each / per_eval:6.2f}" if per_eval else "") + f"  {label}"

    print(f"page size {page_size}, {len(written)} frames, {commits} commits, {len(written) / commits:.1f} pages a commit")
    print("pages a commit" + ("  an evaluation" if per_eval else "") + ", by group:")
    by_group = collections.Counter()
    for name, count in by_tree.items():
        by_group[group_of(name)] += count
    for label, count in by_group.most_common():
        print(line(count, label))
    print("by B-tree:")
    for name, count in by_tree.most_common():
        print(line(count, name))


if __name__ == "__main__":
    main()
