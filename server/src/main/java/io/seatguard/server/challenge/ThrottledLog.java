package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.LineBudget;
import io.seatguard.core.error.LogText;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * WARN lines about messages that did not go out (a code the provider refused, an owner notice dropped),
 * at most {@link #LINES_PER_MINUTE} a minute; beyond that they are counted, and the count is logged with
 * the next line that is. What sets them off can be a script's (anyone holding an app's public client id
 * can name an address the mail server refuses, and a failed send spends no limit; a flood of notices
 * fills their queue), and it must not fill the log: the metrics count every one. Safe from any thread.
 */
final class ThrottledLog {
    /** Lines a minute before counting starts: every failure of an outage's first minute, one every two seconds after. */
    static final int LINES_PER_MINUTE = 30;

    private final Logger log;
    private final LineBudget budget;

    ThrottledLog(Logger log) {
        this(log, System::nanoTime);
    }

    ThrottledLog(Logger log, LongSupplier nanoTime) {
        this.log = requireNonNull(log, "log is null");
        this.budget = new LineBudget(LINES_PER_MINUTE, Duration.ofMinutes(1), nanoTime);
    }

    /** Logs {@code line} (made one line: a mail server's reply may span several) unless the minute's lines are spent. */
    void warn(String line) {
        LineBudget.Admission admitted = budget.admit();
        if (!admitted.logged()) {
            return;
        }
        if (admitted.leftOut() > 0) {
            log.warn("{} more such lines in the {} s before were not logged (over {} a minute)", admitted.leftOut(), admitted.leftOutSeconds(), LINES_PER_MINUTE);
        }
        log.warn("{}", LogText.oneLine(line));
    }
}
