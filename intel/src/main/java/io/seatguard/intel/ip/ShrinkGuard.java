package io.seatguard.intel.ip;

/**
 * Whether a reloaded range list may replace the one in use. A list that falls to under a tenth of its
 * entries in one refresh is not the list it stands for: a captive-portal, rate-limit or error page with
 * one or two addresses on it reads as a list (each line an address), and would replace thousands of Tor
 * exits with that page's address. The real lists (Tor exits, VPN, cloud and relay ranges) never shrink so
 * far from one hour to the next. Lists in use of fewer than {@link #GUARDED_FROM} entries are the
 * operator's own small files, edited by hand, and are left alone. A refused reload keeps the list in
 * use ({@code /readyz} {@code stale}, naming both counts); a restart loads the new list, since there is
 * then no list in use: that is how an operator accepts a list that shrank on purpose.
 */
final class ShrinkGuard {
    /** The smallest list in use the guard protects. */
    static final long GUARDED_FROM = 100;
    /** A reload must keep at least one entry in this many of the list in use. */
    static final long MAX_SHRINK_FACTOR = 10;

    private ShrinkGuard() {}

    /** @throws ReadableRows.Refused when {@code incoming} entries may not replace {@code inUse} */
    static void require(String what, long inUse, long incoming) throws ReadableRows.Refused {
        if (inUse >= GUARDED_FROM && incoming * MAX_SHRINK_FACTOR < inUse) {
            throw new ReadableRows.Refused(what + " shrank from " + inUse + " to " + incoming + " entries, under a tenth, in one refresh"
                    + " (a captive-portal or error page in its place?); the list in use is kept: restart Seatguard to accept a list that shrank on purpose");
        }
    }
}
