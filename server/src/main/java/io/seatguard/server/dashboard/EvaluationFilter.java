package io.seatguard.server.dashboard;

import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.risk.RiskScorer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The evaluation list's filters, read from the query string: action, verdict, user, device id, IP,
 * country, risk band, and a time range (UTC, the last seven days when not given). A value that cannot
 * be a filter (a malformed or impossible time, a range backwards, a text past {@value #MAX_LENGTH}
 * characters, which no stored value has) is a {@link #problem()} shown on the page, never a 500.
 */
record EvaluationFilter(Map<String, String> fields, Instant from, Instant to, Optional<String> problem) {
    static final List<String> BANDS = List.of("clean", "low", "medium", "high", "maximum");
    private static final List<String> NAMES = List.of("action", "verdict", "user", "device", "ip", "country", "risk", "from", "to");
    /**
     * What a datetime-local field sends, seconds optional; strict, so February 30 or second 99 is refused
     * rather than rolled to another time, and an offset (+05:00) is refused rather than read as UTC. The
     * year is four digits, 0000 to 9999: "uuuu" also took a signed year of up to nine digits
     * (+300000000), past what a store's millisecond bound can hold, and the page answered 500.
     */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendPattern("-MM-dd'T'HH:mm[:ss]")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MINUTE_LENGTH = "2026-11-30T09:15".length();
    private static final int MAX_LENGTH = 256;

    static EvaluationFilter read(Function<String, String> query, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        Optional<String> problem = Optional.empty();
        for (String name : NAMES) {
            String given = Optional.ofNullable(query.apply(name)).orElse("");
            // A user id is matched exactly, spaces included (the API keeps " carol " apart from "carol").
            String value = name.equals("user") ? (given.isBlank() ? "" : given) : given.strip();
            if (value.length() > MAX_LENGTH) {
                // Cut only for showing it back: with a problem no evaluation is listed, so the cut text matches nothing.
                problem = Optional.of("A filter is at most " + MAX_LENGTH + " characters; " + name + " has " + value.length() + ".");
                value = value.substring(0, MAX_LENGTH);
            }
            fields.put(name, value);
        }
        fields.put("country", fields.get("country").toUpperCase(Locale.ROOT));
        // Device ids are kept in lower case and a UUID is the same in either case (RFC 9562 §4).
        fields.put("device", io.seatguard.core.ids.UuidText.canonical(fields.get("device")).orElse(fields.get("device")));
        // Addresses are stored in one form (IpAddresses.format), and the API's search by ip takes any form of
        // one (2001:DB8::9, ::ffff:198.51.100.8): so does this filter. Text that is no address stays as typed.
        fields.put("ip", IpAddresses.parse(fields.get("ip")).map(IpAddresses::format).orElse(fields.get("ip")));
        Instant to = now.plusSeconds(1);
        Instant from = now.minus(Duration.ofDays(7));
        try {
            if (!fields.get("from").isEmpty()) {
                from = parse(fields.get("from"));
            }
            if (!fields.get("to").isEmpty()) {
                // "To 10:30" includes the whole minute 10:30; "to 10:30:15" that whole second.
                to = parse(fields.get("to")).plus(1, fields.get("to").length() == MINUTE_LENGTH ? ChronoUnit.MINUTES : ChronoUnit.SECONDS);
            }
            if (!from.isBefore(to)) {
                problem = Optional.of("The time range is empty: From must be before To.");
            }
        }
        catch (DateTimeParseException e) {
            problem = Optional.of("From and To are dates and times like 2026-11-30T09:15 or 2026-11-30T09:15:30 (UTC, no offset).");
        }
        if (!fields.get("verdict").isEmpty() && !List.of("allow", "deny", "challenge").contains(fields.get("verdict"))) {
            problem = Optional.of("Verdict is allow, deny or challenge.");
        }
        if (!fields.get("risk").isEmpty() && !BANDS.contains(fields.get("risk"))) {
            problem = Optional.of("Risk band is one of " + String.join(", ", BANDS) + ".");
        }
        return new EvaluationFilter(fields, from, to, problem);
    }

    private static Instant parse(String value) {
        return LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC);
    }

    boolean matches(Evaluation evaluation) {
        return same("action", evaluation.action())
                && same("verdict", evaluation.verdict().wireName())
                && same("user", evaluation.user().id().orElse(null))
                && same("device", evaluation.device().id())
                && same("ip", evaluation.publicIp().address())
                && same("country", evaluation.publicIp().country().orElse(null))
                && same("risk", RiskScorer.band(evaluation.risk().score()));
    }

    private boolean same(String name, String actual) {
        String wanted = fields.get(name);
        return wanted.isEmpty() || wanted.equals(actual);
    }
}
