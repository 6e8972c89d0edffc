package io.seatguard.intel.ip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the smallest MaxMind DB a test needs: an IPv4 tree of one node whose both branches lead to
 * the first record of the data section, so every IPv4 address finds that record. The record is given
 * as raw bytes, so a test can write one that no real writer would (a map that points at itself, maps
 * nested past any stack). Format: https://maxmind.github.io/MaxMind-DB/.
 */
final class TinyMmdb {
    private TinyMmdb() {}

    /** A flat DB-IP-style record: {@code {country_code: <code>}}. */
    static byte[] countryRecord(String code) {
        return concat(map(1), text("country_code"), text(code));
    }

    /** A map whose one value is a pointer to offset 0, the map itself: decoding it never ends. */
    static byte[] loopingRecord() {
        return concat(map(1), text("country_code"), new byte[] {0x20, 0x00});
    }

    /** {@code depth} maps, each the only value of the one before, around a string. */
    static byte[] nestedRecord(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] level = concat(map(1), text("a"));
        for (int i = 0; i < depth; i++) {
            out.writeBytes(level);
        }
        out.writeBytes(text("x"));
        return out.toByteArray();
    }

    static Path write(Path file, byte[] record) throws IOException {
        int nodeCount = 1;
        // A 24-bit record of node_count + 16 + offset points into the data section at offset 0.
        byte[] pointer = {0, 0, (byte) (nodeCount + 16)};
        byte[] metadata = concat(map(8),
                text("node_count"), uint32(nodeCount),
                text("record_size"), uint16(24),
                text("ip_version"), uint16(4),
                text("database_type"), text("DBIP-City-Lite"),
                text("languages"), new byte[] {0x01, 0x04}, text("en"),
                text("binary_format_major_version"), uint16(2),
                text("binary_format_minor_version"), uint16(0),
                text("build_epoch"), new byte[] {0x04, 0x02, 0x6A, 0x00, 0x00, 0x00});
        byte[] marker = concat(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF}, "MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        return Files.write(file, concat(pointer, pointer, new byte[16], record, marker, metadata));
    }

    private static byte[] map(int size) {
        return new byte[] {(byte) (0xE0 | size)};
    }

    private static byte[] text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= 29) {
            throw new IllegalArgumentException("short strings only");
        }
        return concat(new byte[] {(byte) (0x40 | bytes.length)}, bytes);
    }

    private static byte[] uint16(int value) {
        return new byte[] {(byte) 0xA2, (byte) (value >> 8), (byte) value};
    }

    private static byte[] uint32(int value) {
        return new byte[] {(byte) 0xC4, (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
