package io.seatguard.storage;

import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link FailedOpeningClosesWhatItMadeTest}: opens the embedded store in the
 * data folder given for a server twice, and says how each opening ended.
 */
public final class OpenForServerTwice {
    private OpenForServerTwice() {}

    public static void main(String[] args) {
        StorageSettings settings = StorageSettings.embedded(Path.of(args[0]));
        for (String opening : new String[] {"first", "second"}) {
            try {
                SqlDatabase.openForServer(settings).close();
                System.out.println(opening + " opening: opened");
            }
            catch (Throwable e) {
                System.out.println(opening + " opening: " + e);
            }
        }
    }
}
