#!/usr/bin/env python3
"""Which tables and indexes a SQLite write-ahead log's commits wrote, per commit.

    cp <data-dir>/seatguard.db-wal /tmp/wal          # during a load run (bench/run-evaluate.sh with KEEP=1)
    sqlite3 <data-dir>/seatguard.db "SELECT pageno, name FROM dbstat" > /tmp/pages.txt   # after it
    bench/wal-frames.py /tmp/wal /tmp/pages.txt [EVALUATIONS_PER_COMMIT]

Reads the log's frames that belong to its current generation (their salts match the header's; the
log is reused after a checkpoint, so older frames may follow), counts the commit frames, and prints, per
B-tree, the frames written per commit. Each frame is one page written (page size plus a 24-byte header).
A page allocated after the dbstat snapshot was taken shows as "(unknown page)". The B-trees are also
summed into groups (the evaluations' indexes, their rows, devices, the account's rows, ...); with
EVALUATIONS_PER_COMMIT (from /metrics: evaluations over writer batches) each line also gives pages per
evaluation. Used for docs/benchmarks.md, "A coarser last-seen" and "Where a commit's pages go".
"""
import collections
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


def group_of(name):
    for label, prefixes in GROUPS:
        if name.startswith(prefixes):
            return label
    return "everything else"


def main(wal_path, pages_path, per_evaluation):
    names = {}
    with open(pages_path) as pages:
        for line in pages:
            number, name = line.rstrip("\n").split("|", 1)
            names[int(number)] = name
    with open(wal_path, "rb") as wal:
        data = wal.read()
    _magic, _version, page_size, _sequence, salt1, salt2, _c1, _c2 = struct.unpack(">8I", data[:32])
    offset, frames = 32, []
    while offset + 24 + page_size <= len(data):
        page, commit_size, frame_salt1, frame_salt2 = struct.unpack(">4I", data[offset:offset + 16])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            break
        frames.append((page, commit_size))
        offset += 24 + page_size
    commits = sum(1 for _, commit_size in frames if commit_size)
    if commits == 0:
        sys.exit("no complete commit in the log's current generation: copy it again")
    print(f"page size {page_size}, {len(frames)} frames, {commits} commits, {len(frames) / commits:.1f} frames per commit")
    counts = collections.Counter(names.get(page, "(unknown page)") for page, _ in frames)

    def line(count, label):
        each = count / commits
        return f"{each:8.2f}" + (f"  {each / per_evaluation:6.2f}" if per_evaluation else "") + f"  {label}"

    print("frames per commit" + (", per evaluation" if per_evaluation else "") + ", by group:")
    groups = collections.Counter()
    for name, count in counts.items():
        groups[group_of(name)] += count
    for label, count in groups.most_common():
        print(line(count, label))
    print("by B-tree:")
    for name, count in counts.most_common():
        print(line(count, name))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) == 4 else None)
