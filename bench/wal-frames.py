#!/usr/bin/env python3
"""Which tables and indexes a SQLite write-ahead log's commits wrote, per commit.

    cp <data-dir>/seatguard.db-wal /tmp/wal          # during a load run (bench/run-evaluate.sh with KEEP=1)
    sqlite3 <data-dir>/seatguard.db "SELECT pageno, name FROM dbstat" > /tmp/pages.txt   # after it
    bench/wal-frames.py /tmp/wal /tmp/pages.txt

Reads the log's frames that belong to its current generation (their salts match the header's; the
log is reused after a checkpoint, so older frames may follow), counts the commit frames, and prints, per
B-tree, the frames written per commit. Each frame is one page written (page size plus a 24-byte header).
A page allocated after the dbstat snapshot was taken shows as "(unknown page)". Used for
docs/benchmarks.md, "A coarser last-seen".
"""
import collections
import struct
import sys


def main(wal_path, pages_path):
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
    for name, count in counts.most_common():
        print(f"{count / commits:8.2f}  {name}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
