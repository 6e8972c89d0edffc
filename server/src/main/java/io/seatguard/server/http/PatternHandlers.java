package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.pattern.AccountPattern;
import io.seatguard.core.pattern.PatternKind;
import io.seatguard.core.pattern.PatternLevel;
import io.seatguard.core.pattern.PatternReader;
import java.util.List;
import java.util.Optional;

/** {@code GET /v3/patterns?pattern=&level=&format=json|csv&limit=} (CONTRACT.md "Patterns"): flagged accounts, most recently seen first. */
final class PatternHandlers {
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    private final Credentials credentials;
    private final PatternReader patterns;

    PatternHandlers(Credentials credentials, PatternReader patterns) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.patterns = requireNonNull(patterns, "patterns is null");
    }

    void list(Context ctx) {
        App app = credentials.requireApp(ctx);
        FieldErrors errors = new FieldErrors();
        Optional<PatternKind> kind = QueryValues.optional(ctx, "pattern", PatternKind::fromWireName,
                "must be many_devices, multiple_countries, new_device_new_country or many_accounts_on_device", errors);
        Optional<PatternLevel> level = QueryValues.optional(ctx, "level", PatternLevel::fromWireName, "must be suspicious or dangerous", errors);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            errors.add("format", "must be json or csv");
        }
        int limit = QueryNumbers.wholeNumber(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
        errors.throwIfAny();
        // One more than asked for tells a cut list from a complete one: the order (last seen) moves with
        // every evaluation, so no cursor could page it; the caller narrows by pattern or level instead.
        CappedRows<AccountPattern> read = CappedRows.of(patterns.list(app.id(), kind, level, limit + 1), limit);
        List<AccountPattern> found = read.rows();
        boolean truncated = read.truncated();
        ctx.header(PatternExport.TRUNCATED_HEADER, Boolean.toString(truncated));
        if (format.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"patterns.csv\"").contentType("text/csv; charset=utf-8").result(PatternExport.csv(found));
            return;
        }
        ctx.contentType("application/json").result(PatternExport.json(found, truncated));
    }

}
