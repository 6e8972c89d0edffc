package io.seatguard.server.cli;

import io.seatguard.server.config.ConfigException;
import java.nio.file.Path;

/**
 * The {@code --data-dir} text as a folder. Empty (or blank) is unset, as it is for the database URL,
 * Redis URL and admin token: the default {@code ./data}, not {@code Path.of("")}, which is the
 * working directory itself (a folder that exists, so it was not made {@code 0700} either).
 */
final class DataDirText {
    static final String DEFAULT = "./data";

    private DataDirText() {}

    /** @throws ConfigException when the folder's name holds a '?' (see {@link #requireNoQuestionMark}) */
    static Path folder(String text) {
        Path folder = Path.of(text == null || text.isBlank() ? DEFAULT : text.strip());
        requireNoQuestionMark(folder);
        return folder;
    }

    /**
     * The embedded database is opened by a {@code jdbc:sqlite:} URL, in which a '?' starts the parameters:
     * with {@code --data-dir a?b} the database went to {@code a?b/seatguard.db} while the serving lock and
     * the start's checks looked at a file {@code a} beside it (made empty, with {@code a.lock}), and the
     * operators commands found no store (found in review).
     */
    private static void requireNoQuestionMark(Path folder) {
        if (folder.toAbsolutePath().toString().indexOf('?') >= 0) {
            throw new ConfigException("--data-dir " + folder.toAbsolutePath() + " holds a '?', which the embedded database's URL takes for the start"
                    + " of its parameters; choose a folder whose path has none (env SEATGUARD_DATA_DIR)");
        }
    }
}
