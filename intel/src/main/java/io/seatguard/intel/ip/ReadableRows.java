package io.seatguard.intel.ip;

import java.io.IOException;

/**
 * Whether a file of rows (list addresses, ASNs, ASN ranges) reads as what it claims to be. A file with
 * no readable row, or at least as many unreadable lines as readable ones, is refused: it is something
 * else in the data's place (an error, rate-limit or sign-in page, a truncated or mangled download), and
 * taken as data it would replace good data with nothing, or with whatever address the page happens to
 * show. Ties are refused too: a two-line captive-portal page ("Your IP: 8.8.8.8" and one line of text)
 * passed "more unreadable than readable" and replaced a whole list. A refused load keeps the previous
 * data. The real lists skip a header line at most (.ci/run checks them against snapshots) and hold many
 * rows, so the rule leaves them alone.
 */
final class ReadableRows {
    private ReadableRows() {}

    /** A file refused as not the data it stands for; its message names the file and why. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** @param rows what a readable row holds, for the message ("address or CIDR", "ASN") */
    static void require(String what, String rows, long readable, long unreadable) throws Refused {
        if (readable == 0) {
            throw new Refused(what + " holds no " + rows + " (" + unreadable + " unreadable lines)");
        }
        if (unreadable >= readable) {
            throw new Refused(what + " is " + (unreadable > readable ? "mostly" : "half") + " unreadable: " + unreadable + " of " + (readable + unreadable)
                    + " lines hold no " + rows + " (an error or sign-in page, or a damaged file, in its place?)");
        }
    }
}
