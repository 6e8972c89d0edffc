package io.seatguard.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.seatguard.core.evaluation.Actions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Prometheus metrics: requests and latency per route, evaluations by verdict and action, and the JVM's
 * own. Custom action names are folded into {@code custom} so one integrator's naming cannot blow up the
 * number of series.
 */
public final class ServerMetrics implements AutoCloseable {
    private static final Set<String> NAMED_ACTIONS = Set.of(Actions.LOGIN, Actions.SIGNUP, Actions.ACCESS);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> evaluations = new ConcurrentHashMap<>();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
    }

    public void requestCompleted(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("seatguard.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(Duration.ofNanos(nanos));
    }

    public void evaluationRecorded(String action, String verdict) {
        String actionTag = NAMED_ACTIONS.contains(action) ? action : "custom";
        evaluations.computeIfAbsent(actionTag + ' ' + verdict, k -> Counter.builder("seatguard.evaluations")
                .description("Evaluations by action and verdict")
                .tag("action", actionTag)
                .tag("verdict", verdict)
                .register(registry)).increment();
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
