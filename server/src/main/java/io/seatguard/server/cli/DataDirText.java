package io.seatguard.server.cli;

import java.nio.file.Path;

/**
 * The {@code --data-dir} text as a folder. Empty (or blank) is unset, as it is for the database URL,
 * Redis URL and admin token: the default {@code ./data}, not {@code Path.of("")}, which is the
 * working directory itself (a folder that exists, so it was not made {@code 0700} either).
 */
final class DataDirText {
    static final String DEFAULT = "./data";

    private DataDirText() {}

    static Path folder(String text) {
        return Path.of(text == null || text.isBlank() ? DEFAULT : text.strip());
    }
}
