package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.core.policy.EvaluationArchive;
import io.seatguard.core.presence.Presence;
import io.seatguard.core.risk.RiskSignal;
import io.seatguard.core.stats.ActivityStats;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The dashboard's first page: for a chosen app and period, evaluations over time by verdict and by
 * action, challenges issued, completed and failed, conversions to {@code success_url}, the top risk
 * signals and the sessions live now. Times are UTC.
 */
public final class OverviewPage {
    /** Risk signals are read from evaluation documents, so only the period's newest ones are tallied. */
    static final int SIGNAL_SAMPLE = 2_000;

    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Overview of {{appName}}</h1>
            <form method="get" action="/dashboard" class="inline"><input type="hidden" name="app" value="{{appId}}">
              <label for="period">Period</label><select id="period" name="period">{{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select>
              <button type="submit" class="secondary">Show</button></form>
            <ul class="tiles" aria-label="Totals">
              <li>Evaluations<strong id="total-evaluations">{{total}}</strong></li>
              <li>Challenges issued<strong id="challenges-issued">{{challenges.issued}}</strong></li>
              <li>Completed<strong id="challenges-completed">{{challenges.completed}}</strong></li>
              <li>Failed<strong id="challenges-failed">{{challenges.failed}}</strong></li>
              <li>Expired<strong>{{challenges.expired}}</strong></li>
              <li>Sent on to success_url<strong id="conversions">{{challenges.toSuccessUrl}}</strong></li>
              <li>Sessions live now<strong id="live-sessions">{{live}}</strong></li>
            </ul>
            <h2>Evaluations over time, by verdict</h2>
            {{{verdictChart}}}
            <ul class="legend">{{#legend}}<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{{colour}}"/></svg>{{name}}</li>{{/legend}}</ul>
            <details><summary>The numbers</summary><table><thead><tr><th scope="col">{{bucketName}} (UTC)</th><th scope="col">allow</th><th scope="col">challenge</th><th scope="col">deny</th></tr></thead>
            <tbody>{{#buckets}}<tr><th scope="row">{{label}}</th><td>{{allow}}</td><td>{{challenge}}</td><td>{{deny}}</td></tr>{{/buckets}}</tbody></table></details>
            <h2>By action</h2>
            {{#hasActions}}{{{actionChart}}}{{/hasActions}}
            <table id="by-action"><thead><tr><th scope="col">Action</th><th scope="col">allow</th><th scope="col">challenge</th><th scope="col">deny</th><th scope="col">Total</th></tr></thead>
            <tbody>{{#actions}}<tr><th scope="row">{{action}}</th><td>{{allow}}</td><td>{{challenge}}</td><td>{{deny}}</td><td>{{total}}</td></tr>{{/actions}}</tbody></table>
            {{^actions}}<p>No evaluations in this period.</p>{{/actions}}
            <h2>Top risk signals</h2>
            {{#hasSignals}}{{{signalChart}}}{{/hasSignals}}
            <table id="top-signals"><caption>Among the newest {{sampled}} evaluations of the period</caption><thead><tr><th scope="col">Signal</th><th scope="col">Evaluations</th></tr></thead>
            <tbody>{{#signals}}<tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>{{/signals}}</tbody></table>
            """);
    private static final Map<String, String> VERDICT_COLOURS = new LinkedHashMap<>();

    static {
        VERDICT_COLOURS.put("allow", "#15803d");
        VERDICT_COLOURS.put("challenge", "#b45309");
        VERDICT_COLOURS.put("deny", "#b91c1c");
    }

    /** The periods offered: label, length, bucket. */
    enum Period {
        DAY("24h", "Last 24 hours", Duration.ofHours(24), Duration.ofHours(1)),
        WEEK("7d", "Last 7 days", Duration.ofDays(7), Duration.ofDays(1)),
        MONTH("30d", "Last 30 days", Duration.ofDays(30), Duration.ofDays(1));

        final String value;
        final String label;
        final Duration length;
        final Duration bucket;

        Period(String value, String label, Duration length, Duration bucket) {
            this.value = value;
            this.label = label;
            this.length = length;
            this.bucket = bucket;
        }

        /** The period named, the week when none is; empty for a name that is no period (1y, or empty). */
        static java.util.Optional<Period> of(String value) {
            if (value == null) {
                return java.util.Optional.of(WEEK);
            }
            return java.util.Arrays.stream(values()).filter(period -> period.value.equals(value)).findFirst();
        }
    }

    private final DashboardPages sessions;
    private final ActivityStats stats;
    private final EvaluationArchive archive;
    private final Presence presence;
    private final InstantSource clock;

    public OverviewPage(DashboardPages sessions, ActivityStats stats, EvaluationArchive archive, Presence presence, InstantSource clock) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.archive = requireNonNull(archive, "archive is null");
        this.presence = requireNonNull(presence, "presence is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void page(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.queryParam("app"));
        java.util.Optional<Period> named = Period.of(ctx.queryParam("period"));
        if (named.isEmpty()) {
            // Refused, as the patterns page refuses an unknown level: shown silently as the week, "1y" looked like a year.
            DashboardPages.notice(ctx, 400, "No such period", "The overview's period is 24h, 7d or 30d (7d when none is given); \""
                    + io.seatguard.server.http.Problems.abbreviate(ctx.queryParam("period")) + "\" is none of them.");
            return;
        }
        Period period = named.get();
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.OVERVIEW, "Overview", app, operator.get());
        model.put("periods", java.util.Arrays.stream(Period.values())
                .map(each -> Map.of("value", each.value, "label", each.label, "selected", each == period)).toList());
        if (app != null) {
            fill(model, app, period);
        }
        ctx.contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }

    private void fill(Map<String, Object> model, App app, Period period) {
        Instant now = clock.instant();
        // Buckets end at the end of the current hour or day, so the last column is "now".
        Instant end = now.truncatedTo(period.bucket.equals(Duration.ofHours(1)) ? ChronoUnit.HOURS : ChronoUnit.DAYS).plus(period.bucket);
        Instant from = end.minus(period.length);
        int buckets = (int) (period.length.toMillis() / period.bucket.toMillis());
        Map<String, long[]> perVerdict = new LinkedHashMap<>();
        VERDICT_COLOURS.keySet().forEach(verdict -> perVerdict.put(verdict, new long[buckets]));
        Map<String, Map<String, Long>> perAction = new TreeMap<>();
        long total = 0;
        for (ActivityStats.EvaluationCount count : stats.evaluations(app.id(), from, end, period.bucket)) {
            long[] series = perVerdict.get(count.verdict());
            if (series != null && count.bucket() >= 0 && count.bucket() < buckets) {
                series[count.bucket()] += count.count();
            }
            perAction.computeIfAbsent(count.action(), action -> new HashMap<>()).merge(count.verdict(), count.count(), Long::sum);
            total += count.count();
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(period == Period.DAY ? "HH:00" : "MMM d", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            String label = format.format(from.plus(period.bucket.multipliedBy(i)));
            labels.add(label);
            rows.add(Map.of("label", label, "allow", perVerdict.get("allow")[i], "challenge", perVerdict.get("challenge")[i], "deny", perVerdict.get("deny")[i]));
        }
        List<SvgCharts.Series> series = perVerdict.entrySet().stream()
                .map(entry -> new SvgCharts.Series(entry.getKey(), VERDICT_COLOURS.get(entry.getKey()), entry.getValue())).toList();
        model.put("verdictChart", SvgCharts.stackedColumns("Evaluations of " + app.name() + " per " + (period == Period.DAY ? "hour" : "day") + " by verdict",
                labels, series));
        model.put("legend", VERDICT_COLOURS.entrySet().stream().map(entry -> Map.of("name", entry.getKey(), "colour", entry.getValue())).toList());
        model.put("bucketName", period == Period.DAY ? "Hour" : "Day");
        model.put("buckets", rows);
        model.put("total", total);
        model.put("actions", perAction.entrySet().stream().map(entry -> Map.of("action", entry.getKey(),
                "allow", entry.getValue().getOrDefault("allow", 0L), "challenge", entry.getValue().getOrDefault("challenge", 0L),
                "deny", entry.getValue().getOrDefault("deny", 0L),
                "total", entry.getValue().values().stream().mapToLong(Long::longValue).sum())).toList());
        model.put("hasActions", !perAction.isEmpty());
        model.put("actionChart", SvgCharts.horizontalBars("Evaluations of " + app.name() + " by action", perAction.entrySet().stream()
                .map(entry -> new SvgCharts.Bar(entry.getKey(), entry.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .sorted(java.util.Comparator.comparingLong(SvgCharts.Bar::value).reversed()).toList(), "#4b5563"));
        model.put("challenges", stats.challenges(app.id(), from, end, now));
        // Redis down: the tile shows a dash rather than failing the whole overview.
        OptionalLong live = presence.liveSessionsIfReadable(app.id(), now);
        model.put("live", live.isPresent() ? String.valueOf(live.getAsLong()) : "—");
        List<Evaluation> sample = archive.between(app.id(), from, end, SIGNAL_SAMPLE);
        Map<String, Long> signals = new HashMap<>();
        for (Evaluation evaluation : sample) {
            for (RiskSignal signal : evaluation.risk().signals()) {
                signals.merge(signal.name(), 1L, Long::sum);
            }
        }
        List<SvgCharts.Bar> top = signals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(entry -> new SvgCharts.Bar(entry.getKey(), entry.getValue())).toList();
        model.put("sampled", sample.size());
        model.put("hasSignals", !top.isEmpty());
        model.put("signals", top.stream().map(bar -> Map.of("label", bar.label(), "value", bar.value())).toList());
        model.put("signalChart", SvgCharts.horizontalBars("Top risk signals of " + app.name(), top, "#1d4ed8"));
    }
}
