package io.seatguard.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses to open an embedded database beside a write-ahead log that is not its own: the log of the
 * database a restored backup replaced. SQLite replays whatever committed frames {@code seatguard.db-wal}
 * holds onto {@code seatguard.db} when it opens it, without checking that the log was written for that
 * file (the log's header ties its frames to each other, not to the database; see
 * https://www.sqlite.org/fileformat2.html, "The WAL File Format"), so a backup restored into a folder that
 * still held the old log would take the old database's pages over its own: a corrupt or silently changed
 * store (review finding).
 *
 * <p>The rule, chosen so that a crash is never taken for a restore. SQLite records WAL mode in the
 * database header (bytes 18 and 19 are 2) before it writes the first frame of a log, and Seatguard only
 * ever opens its database in WAL mode; a log is removed when a database leaves WAL mode. So a database a
 * crash left with a log beside it always says WAL mode, and is let through for SQLite to recover as usual.
 * A database whose header says rollback mode (1) beside a log holding a committed frame was put there after
 * that log was written: a copy made by {@code VACUUM INTO} (what {@code ./seatguard backup} and the
 * sqlite3 tool's backup do) is in rollback mode until a server opens it. That is refused. A log with no
 * committed frame SQLite would take (a header alone, frames of another salt or a broken checksum) is
 * harmless and let through. What this does not catch: a restored copy already in WAL mode (a file copied
 * from a stopped server), which is why the documented restore still starts from an empty folder.
 */
public final class LeftoverWriteAheadLog {
    private static final int DATABASE_HEADER_BYTES = 100;
    private static final int WAL_HEADER_BYTES = 32;
    private static final int FRAME_HEADER_BYTES = 24;
    private static final int MAGIC_LITTLE_ENDIAN_CHECKSUMS = 0x377f0682;
    private static final int MAGIC_BIG_ENDIAN_CHECKSUMS = 0x377f0683;

    private LeftoverWriteAheadLog() {}

    /**
     * @param database the embedded database file
     * @throws IllegalStateException naming both files and what to do, when its log is not its own
     */
    public static void refuse(Path database) {
        Path log = database.resolveSibling(database.getFileName() + "-wal");
        try {
            if (!inRollbackMode(database) || !Files.isRegularFile(log) || !holdsACommittedFrame(log)) {
                return;
            }
        }
        catch (IOException e) {
            return; // What cannot be read here is said by the open that follows, as before.
        }
        Path shared = database.resolveSibling(database.getFileName() + "-shm");
        throw new IllegalStateException(log + " holds commits that are not " + database + "'s: the database is a copy (a restored backup)"
                + " that was never opened in WAL mode, and the log beside it was left by the database it replaced; opening it would replay"
                + " that log onto the copy and corrupt it. Stop, move " + log + " and " + shared + " out of the folder (keep them until"
                + " the restored store is checked), then start again; to restore, put the backup in an empty folder (docs/production.md)");
    }

    /** Whether the file is a database whose header says rollback-journal mode (not WAL); too short to say is not. */
    private static boolean inRollbackMode(Path database) throws IOException {
        if (!Files.isRegularFile(database) || Files.size(database) < DATABASE_HEADER_BYTES) {
            return false;
        }
        byte[] header = new byte[DATABASE_HEADER_BYTES];
        try (InputStream in = Files.newInputStream(database)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return false;
            }
        }
        // Bytes 18 and 19: the file format write and read versions, 1 for rollback journal, 2 for WAL.
        return header[18] == 1 && header[19] == 1;
    }

    /**
     * Whether SQLite's recovery would take at least one transaction from the log: a valid header, then frames
     * whose salts match it and whose running checksums hold, up to one that ends a commit.
     */
    static boolean holdsACommittedFrame(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            byte[] header = in.readNBytes(WAL_HEADER_BYTES);
            if (header.length < WAL_HEADER_BYTES) {
                return false;
            }
            ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
            int magic = fields.getInt(0);
            if (magic != MAGIC_LITTLE_ENDIAN_CHECKSUMS && magic != MAGIC_BIG_ENDIAN_CHECKSUMS) {
                return false;
            }
            ByteOrder checksumOrder = magic == MAGIC_BIG_ENDIAN_CHECKSUMS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int pageSize = fields.getInt(8);
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                return false;
            }
            int[] checksum = checksum(new int[2], header, 0, 24, checksumOrder);
            if (checksum[0] != fields.getInt(24) || checksum[1] != fields.getInt(28)) {
                return false;
            }
            int salt1 = fields.getInt(16);
            int salt2 = fields.getInt(20);
            while (true) {
                byte[] frame = in.readNBytes(FRAME_HEADER_BYTES + pageSize);
                if (frame.length < FRAME_HEADER_BYTES + pageSize) {
                    return false;
                }
                ByteBuffer frameFields = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
                if (frameFields.getInt(0) == 0 || frameFields.getInt(8) != salt1 || frameFields.getInt(12) != salt2) {
                    return false;
                }
                checksum = checksum(checksum, frame, 0, 8, checksumOrder);
                checksum = checksum(checksum, frame, FRAME_HEADER_BYTES, pageSize, checksumOrder);
                if (checksum[0] != frameFields.getInt(16) || checksum[1] != frameFields.getInt(20)) {
                    return false;
                }
                if (frameFields.getInt(4) != 0) {
                    return true;
                }
            }
        }
    }

    /** SQLite's WAL checksum over {@code length} bytes (a multiple of 8) from {@code offset}, continuing from {@code running}. */
    private static int[] checksum(int[] running, byte[] bytes, int offset, int length, ByteOrder order) {
        ByteBuffer words = ByteBuffer.wrap(bytes, offset, length).order(order);
        int s0 = running[0];
        int s1 = running[1];
        while (words.remaining() >= 8) {
            s0 += words.getInt() + s1;
            s1 += words.getInt() + s0;
        }
        return new int[] {s0, s1};
    }
}
