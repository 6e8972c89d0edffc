package io.seatguard.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.seatguard.core.evaluation.Actions;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.webhook.EndpointHealth.DisabledReason;
import io.seatguard.intel.ip.SourceStatus;
import io.seatguard.server.http.HttpMethods;
import io.seatguard.server.webhook.DisabledEndpointCounts;
import io.seatguard.storage.LogRestartStats;
import io.seatguard.storage.OutageStats;
import io.seatguard.storage.RedisHealth;
import io.seatguard.storage.WriterStats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prometheus metrics: requests and latency per route, evaluations by verdict and action, the storage
 * writer's batches, messages sent out, the IP sources' state, and the JVM's own. Custom action names are folded into {@code custom} so one integrator's naming cannot blow up the
 * number of series.
 */
public final class ServerMetrics implements AutoCloseable {
    private static final Set<String> NAMED_ACTIONS = Set.of(Actions.LOGIN, Actions.SIGNUP, Actions.ACCESS);
    /**
     * The route label of a request no route ran for: a path no route has, or a request answered before
     * routing (a line or headers that could not be read, a body too large, a full or stopping node's 503).
     * One value for all, so that clients cannot add series.
     */
    public static final String UNMATCHED_ROUTE = "unmatched";
    /**
     * The request timer's histogram buckets: each is a line in every scrape, and a series in Prometheus,
     * for every method, route and status seen, so they are few (Micrometer's percentile histogram had
     * 60). Fine from 1 to 10 ms, where a healthy node answers evaluations (docs/benchmarks.md: p99 about
     * 10 ms on the wire); 250 ms, the bound {@code SeatguardSlowEvaluations} alerts on, so its 99th
     * percentile is read at a bucket's edge rather than guessed between two wide ones; 5 s, the SDKs'
     * default timeout and the longest a request waits for a slot; 10 s, the longest a stopping node lets
     * requests finish. Above it, {@code +Inf}.
     */
    public static final List<Duration> REQUEST_LATENCY_BUCKETS = Stream.of(1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1_000.0, 2_500.0, 5_000.0, 10_000.0)
            .map(millis -> Duration.ofNanos(Math.round(millis * 1_000_000))).toList();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> evaluations = new ConcurrentHashMap<>();
    private final ConcurrentMap<DeviceType, Counter> deviceTypes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> messages = new ConcurrentHashMap<>();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private Supplier<WriterStats> writerStats;
    private LongSupplier readCount;
    private LongSupplier presenceRefusals;
    private Supplier<LogRestartStats> logRestartStats;
    private Supplier<OutageStats> outageStats;
    private IntSupplier waitingRequests;
    private LongSupplier shedRequests;
    private Supplier<List<SourceStatus>> ipSources;
    private Map<String, RedisHealth> redisLinks;
    private DisabledEndpointCounts disabledEndpoints;
    private LongSupplier autoDisabledEndpoints;

    public ServerMetrics() {
        // Micrometer's processor binder names two meters against Prometheus's conventions, which
        // `promtool check metrics` reports (exit status 3): the process's CPU time in nanoseconds
        // (process_cpu_time_ns_total, an abbreviated unit that is not the base one) and the processor count
        // as system_cpu_count (a _count suffix belongs to histograms and summaries). The first is exported as
        // the name every Prometheus client uses, process_cpu_seconds_total; the second as system_cpus.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time the Java Virtual Machine process used").register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        // Every message series from the start, at zero: Prometheus's increase() sees no rise in a series
        // whose first sample is already 1, so an alert on failed codes would miss the first failures.
        for (String outcome : List.of("delivered", "failed")) {
            for (String kind : List.of("code", "notice")) {
                messages(kind, "email", outcome);
                messages(kind, "sms", outcome);
            }
            messages("webhook", "http", outcome);
        }
        for (String kind : List.of("code", "notice")) {
            messages(kind, "email", "unknown");
            messages(kind, "sms", "unknown");
        }
    }

    /** @param method as sent: counted as {@link HttpMethods#counted} names it, since the client chooses it */
    public void requestCompleted(String method, String route, int status, long nanos) {
        String methodTag = HttpMethods.counted(method);
        String key = methodTag + ' ' + route + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("seatguard.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", methodTag)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(REQUEST_LATENCY_BUCKETS.toArray(Duration[]::new))
                .register(registry)).record(Duration.ofNanos(nanos));
    }

    public void evaluationRecorded(String action, String verdict, DeviceType deviceType) {
        String actionTag = NAMED_ACTIONS.contains(action) ? action : "custom";
        evaluations.computeIfAbsent(actionTag + ' ' + verdict, k -> Counter.builder("seatguard.evaluations")
                .description("Evaluations by action and verdict")
                .tag("action", actionTag)
                .tag("verdict", verdict)
                .register(registry)).increment();
        // Apart from the counter above, so its series stay as they were. An app whose traffic is mostly
        // "unknown" sends agents that name no platform (a native app's HTTP library default, a bot), and
        // concurrent_sessions never counts such devices.
        deviceTypes.computeIfAbsent(deviceType, type -> Counter.builder("seatguard.evaluation.device.types")
                .description("Evaluations by the type of their device (computer, tablet, mobile, unknown)")
                .tag("type", type.wireName())
                .register(registry)).increment();
    }

    /** One message sent out ({@link SendOutcomes}): codes and notices by channel, webhook tries; delivered or failed. */
    public void messageSent(String kind, String channel, boolean delivered) {
        messages(kind, channel, delivered ? "delivered" : "failed").increment();
    }

    /** One message handed over whose answer never came ({@link SendOutcomes#uncertain}): it may have arrived or not. */
    public void messageUncertain(String kind, String channel) {
        messages(kind, channel, "unknown").increment();
    }

    /** One message given up before it was tried ({@link SendOutcomes#dropped}): an owner notice its full queue had no room for. */
    public void messageDropped(String kind, String channel) {
        messages(kind, channel, "dropped").increment();
    }

    /** What the senders tell these metrics. */
    public SendOutcomes sendOutcomes() {
        return new SendOutcomes() {
            @Override
            public void sent(String kind, String channel, boolean delivered) {
                messageSent(kind, channel, delivered);
            }

            @Override
            public void uncertain(String kind, String channel) {
                messageUncertain(kind, channel);
            }

            @Override
            public void dropped(String kind, String channel) {
                messageDropped(kind, channel);
            }
        };
    }

    private Counter messages(String kind, String channel, String outcome) {
        return messages.computeIfAbsent(kind + ' ' + channel + ' ' + outcome, k -> Counter.builder("seatguard.messages.sent")
                .description("Verification codes, owner notices and webhook tries sent out (or dropped), by kind, channel and outcome")
                .tag("kind", kind)
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry));
    }

    /**
     * Whether each IP intelligence source holds data (1) or not (0, a list not loaded yet or whose every
     * load failed; NaN for a source turned off, which no alert should take for an empty one), and whether
     * its last load failed (1; the previous data stays in use) or its database could not read some record:
     * what {@code /readyz} shows as {@code stale}, for an alert on a list that stopped refreshing; and how
     * many lines of its data in use could not be read ({@code /readyz}'s {@code unreadable_lines}).
     */
    public void bindIpSources(Supplier<List<SourceStatus>> sources) {
        // Held for the same reason as writerStats: Micrometer keeps a gauge's state weakly. The sources are
        // fixed at start (a reload changes a source's data, never its name), so one gauge each is all there is.
        ipSources = sources;
        for (SourceStatus source : sources.get()) {
            Gauge.builder("seatguard.ip.source.loaded", sources, s -> find(s, source).map(found -> found.off() ? Double.NaN : found.loaded() ? 1.0 : 0.0).orElse(Double.NaN))
                    .description("1 when the IP intelligence source holds data, 0 when it does not, NaN when it is turned off").tag("kind", source.kind()).tag("source", source.name())
                    .register(registry);
            Gauge.builder("seatguard.ip.source.failing", sources, s -> find(s, source).map(found -> found.error().isPresent() ? 1.0 : 0.0).orElse(Double.NaN))
                    .description("1 when the source's last load or refresh failed (the data before it stays in use), or its database holds records it cannot read").tag("kind", source.kind())
                    .tag("source", source.name()).register(registry);
            Gauge.builder("seatguard.ip.source.unreadable.lines", sources,
                    s -> find(s, source).filter(found -> found.loaded() && found.unreadableLines() >= 0).map(found -> (double) found.unreadableLines()).orElse(Double.NaN))
                    .description("Lines of the source's data in use that held no readable row, skipped; NaN without data or lines to count (a MaxMind database, a JSON list)")
                    .tag("kind", source.kind()).tag("source", source.name()).register(registry);
        }
    }

    private static Optional<SourceStatus> find(Supplier<List<SourceStatus>> sources, SourceStatus wanted) {
        return sources.get().stream().filter(s -> s.kind().equals(wanted.kind()) && s.name().equals(wanted.name())).findFirst();
    }

    /**
     * Whether each Redis link (by use: {@code presence}, {@code attempt_limits}) takes commands now (1)
     * or not (0: its connection is down, or a command timed out and Redis has not answered since; the
     * link asks it every {@link io.seatguard.storage.RedisLink#PROBE_INTERVAL} meanwhile), read without asking Redis.
     */
    public void bindRedis(Map<String, RedisHealth> links) {
        // Held for the same reason as writerStats: Micrometer keeps a gauge's state weakly.
        redisLinks = Map.copyOf(links);
        redisLinks.forEach((use, health) -> Gauge.builder("seatguard.redis.connected", health, h -> h.isConnected() ? 1.0 : 0.0)
                .description("1 when the Redis link takes commands, 0 when it is down or timed out and Redis has not answered since (asked every second)").tag("use", use).register(registry));
    }

    /**
     * Webhook endpoints disabled now, by reason ({@code manual}, {@code failing}), across every app and
     * node: read from storage, at most {@link DisabledEndpointCounts#MAX_AGE} old. No app label: the other
     * metrics have none, and the delivery log names the endpoints. And the endpoints this node's tries
     * disabled for failing (summed over nodes, the count of automatic disablings).
     */
    public void bindWebhookEndpoints(DisabledEndpointCounts disabled, LongSupplier autoDisabled) {
        // Held for the same reason as writerStats: Micrometer keeps a gauge's and a function counter's state weakly.
        disabledEndpoints = disabled;
        autoDisabledEndpoints = autoDisabled;
        for (DisabledReason reason : DisabledReason.values()) {
            Gauge.builder("seatguard.webhook.endpoints.disabled", disabled, counts -> counts.count(reason))
                    .description("Webhook endpoints disabled now (by hand: manual; after 5 days of failing tries: failing), all apps, read from storage every 5 s at most")
                    .tag("reason", reason.wireName()).register(registry);
        }
        FunctionCounter.builder("seatguard.webhook.endpoints.auto_disabled", autoDisabled, LongSupplier::getAsLong)
                .description("Webhook endpoints this node's tries disabled after 5 days of failing").register(registry);
    }

    /**
     * The storage writer's batches, writes and busy time: writes per batch show how much group commit
     * shares, and busy seconds per second near 1 say the single writer sets the pace. Split batches each
     * cost their callers a second transaction per write (and on PostgreSQL a deadlock a second before it).
     * Failed writes are those answered 503 because their commit failed.
     */
    public void bindWriter(Supplier<WriterStats> stats) {
        // Micrometer holds a function counter's state weakly: keep it reachable for as long as the registry.
        writerStats = stats;
        FunctionCounter.builder("seatguard.storage.write.batches", stats, s -> s.get().batches())
                .description("Transactions the storage writer committed (or rolled back)").register(registry);
        FunctionCounter.builder("seatguard.storage.writes", stats, s -> s.get().writes())
                .description("Writes (evaluations, consumes, other changes) in those transactions").register(registry);
        FunctionCounter.builder("seatguard.storage.writer.busy", stats, s -> s.get().busyNanos() / 1e9)
                .baseUnit("seconds").description("Time the storage writer spent running and committing batches").register(registry);
        FunctionCounter.builder("seatguard.storage.write.split_batches", stats, s -> s.get().splitBatches())
                .description("Batches that failed for one of their writes (a constraint, a lost race, a deadlock) and were committed again write by write")
                .register(registry);
        // Not refused at once (seatguard.storage.refused): a full disk fails every commit while the database
        // still answers, and this is where /metrics sees it.
        FunctionCounter.builder("seatguard.storage.write.failures", stats, s -> s.get().failedWrites())
                .description("Writes whose commit failed (a full disk, a lost connection, a database error), each answered 503").register(registry);
    }

    /**
     * Reads sent to the database: on embedded storage, what the caches in front of it left (their misses,
     * per evaluation, are what the evaluate benchmark compares between builds).
     */
    public void bindReads(LongSupplier reads) {
        // Held for the same reason as writerStats: Micrometer keeps a function counter's state weakly.
        readCount = reads;
        FunctionCounter.builder("seatguard.storage.reads", reads, LongSupplier::getAsLong)
                .description("Reads sent to the database (on embedded storage: what its caches did not answer)").register(registry);
    }

    /**
     * Times this node did not keep a new unsigned session live because its app was at its cap
     * ({@code --presence-max-live-per-app}): a rise says made-up accounts are flooding an app with the
     * public client id, or the cap is too low for its honest traffic. Refusals, not sessions: a waiting
     * tab's every page view and heartbeat (one each 30 s) is refused again, and counted again.
     */
    public void bindPresenceRefusals(LongSupplier refused) {
        // Held for the same reason as writerStats: Micrometer keeps a function counter's state weakly.
        presenceRefusals = refused;
        FunctionCounter.builder("seatguard.presence.refused_over_app_cap", refused, LongSupplier::getAsLong)
                .description("Times this node did not keep a new unvouched session live (an evaluation, or each heartbeat while it waits) because its app held its most live sessions (--presence-max-live-per-app)")
                .register(registry);
    }

    /**
     * SQLite's log restarts: how many, how many a long read put off, and the seconds commits were held
     * for them (zero on PostgreSQL).
     */
    public void bindLogRestarts(Supplier<LogRestartStats> stats) {
        // Held for the same reason as writerStats: Micrometer keeps a function counter's state weakly.
        logRestartStats = stats;
        FunctionCounter.builder("seatguard.storage.log.restarts", stats, s -> s.get().restarts())
                .description("Times SQLite's write-ahead log was started over").register(registry);
        FunctionCounter.builder("seatguard.storage.log.restarts.deferred", stats, s -> s.get().deferred())
                .description("Log restarts put off because reads in flight did not finish in time").register(registry);
        FunctionCounter.builder("seatguard.storage.log.restart.writer.held", stats, s -> s.get().writerHeldNanos() / 1e9)
                .baseUnit("seconds").description("Time the storage writer was held while the log was started over").register(registry);
    }

    /** The database found unreachable, and the calls refused at once meanwhile instead of each waiting out a timeout. */
    public void bindOutages(Supplier<OutageStats> stats) {
        // Held for the same reason as writerStats: Micrometer keeps a function counter's state weakly.
        outageStats = stats;
        FunctionCounter.builder("seatguard.storage.outages", stats, s -> s.get().outages())
                .description("Times the database was found unreachable (calls then refused at once, one tried a second)").register(registry);
        FunctionCounter.builder("seatguard.storage.refused", stats, s -> s.get().refused())
                .description("Calls answered 503 at once because the database was known to be unreachable").register(registry);
    }

    /**
     * Requests waiting for a slot to run in (none while the server keeps up), and those answered 503
     * because they waited too long or too many were waiting: a node shedding load says so here, since
     * such requests never reach the routes whose timings {@link #requestCompleted} records.
     */
    public void bindRequestSlots(IntSupplier waiting, LongSupplier shed) {
        // Held for the same reason as writerStats: Micrometer keeps a gauge's and a function counter's state weakly.
        waitingRequests = waiting;
        shedRequests = shed;
        Gauge.builder("seatguard.http.requests.waiting", waiting, IntSupplier::getAsInt)
                .description("Requests waiting for a slot to run in (health, readiness and metrics never wait)").register(registry);
        FunctionCounter.builder("seatguard.http.requests.shed", shed, LongSupplier::getAsLong)
                .description("Requests answered 503 without running: waited too long for a slot, or too many waiting").register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
