package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, readiness and metrics. */
class OperationsTest {
    @TempDir
    Path dataDir;

    @Test
    void healthReadinessAndMetricsAnswer() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            assertThat(server.get("/healthz", Map.of()).json().get("status").asText()).isEqualTo("ok");
            Response ready = server.get("/readyz", Map.of());
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("storage").get("status").asText()).isEqualTo("ok");

            server.post("/v3/evaluate", "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"my.custom-action\"}", Map.of());
            String signup = server.post("/v3/evaluate", "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"signup\"}", Map.of())
                    .json().get("evaluation_id").asText();
            double readsBefore = MetricsText.value(server.get("/metrics", Map.of()).body(), "seatguard_storage_reads_total");
            // An evaluation looked up by id is not cached: one read reaches the database.
            assertThat(server.get("/v3/evaluations/" + signup, server.defaultApp().bearer()).status()).isEqualTo(200);
            String metrics = server.get("/metrics", Map.of()).body();
            assertThat(MetricsText.value(metrics, "seatguard_storage_reads_total")).isGreaterThanOrEqualTo(readsBefore + 1);
            assertThat(metrics).contains("seatguard_evaluations_total{action=\"custom\",verdict=\"allow\"} 1.0");
            assertThat(metrics).contains("seatguard_evaluations_total{action=\"signup\",verdict=\"allow\"} 1.0");
            assertThat(metrics).contains("seatguard_http_requests_seconds_count{method=\"POST\",route=\"/v3/evaluate\",status=\"200\"} 2");
            assertThat(metrics).contains("jvm_memory_used_bytes");
            assertThat(MetricsText.value(metrics, "seatguard_storage_writes_total")).as("at least the two evaluations").isGreaterThanOrEqualTo(2);
            assertThat(MetricsText.value(metrics, "seatguard_storage_write_batches_total")).isBetween(1.0, MetricsText.value(metrics, "seatguard_storage_writes_total"));
            assertThat(MetricsText.value(metrics, "seatguard_storage_writer_busy_seconds_total")).isPositive();
            assertThat(MetricsText.value(metrics, "seatguard_storage_write_split_batches_total")).as("no batch failed").isZero();
            assertThat(MetricsText.value(metrics, "seatguard_storage_write_failures_total")).as("no write failed").isZero();
            // Two evaluations are far from a log worth starting over; the series are there, at zero.
            assertThat(MetricsText.value(metrics, "seatguard_storage_log_restarts_total")).isZero();
            assertThat(MetricsText.value(metrics, "seatguard_storage_log_restarts_deferred_total")).isZero();
            assertThat(MetricsText.value(metrics, "seatguard_storage_log_restart_writer_held_seconds_total")).isZero();
        }
    }

    /**
     * Each route, method and status had 61 bucket lines (Micrometer's percentile histogram between 1 ms and
     * 10 s), so a scrape was large and Prometheus stored as many series for every one of them. Now a short
     * list chosen for what operators alert on, and no histogram in the scrape has more.
     */
    @Test
    void requestTimingsHaveTheShortBucketList() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            server.post("/v3/evaluate", "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"signup\"}", Map.of());
            Map<String, List<Double>> bucketsBySeries = MetricsText.histogramBuckets(server.get("/metrics", Map.of()).body());

            List<Double> expected = new ArrayList<>(ServerMetrics.REQUEST_LATENCY_BUCKETS.stream().map(bound -> bound.toNanos() / 1e9).toList());
            expected.add(Double.POSITIVE_INFINITY);
            assertThat(bucketsBySeries.get("seatguard_http_requests_seconds{method=\"POST\",route=\"/v3/evaluate\",status=\"200\"}"))
                    .containsExactlyElementsOf(expected)
                    .as("the bounds SeatguardSlowEvaluations and the SDKs' timeouts need").contains(0.25, 5.0);
            assertThat(bucketsBySeries).as("every histogram in the scrape").allSatisfy((series, buckets) -> assertThat(buckets).as(series).hasSizeLessThanOrEqualTo(14));
        }
    }

    /** Jetty takes any token as a method; as a label, each was a new series with its histogram (found in review). */
    @Test
    void aMethodOfTheClientsOwnMakesNoSeriesOfItsOwn() {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            for (String method : java.util.List.of("M1", "M2", "BREW", "X".repeat(4_000))) {
                assertThat(server.send(method, "/healthz", null, Map.of()).status()).as(method.substring(0, Math.min(8, method.length()))).isEqualTo(405);
            }
            String metrics = server.get("/metrics", Map.of()).body();
            assertThat(metrics).contains("seatguard_http_requests_seconds_count{method=\"other\",route=\"unmatched\",status=\"405\"} 4")
                    .doesNotContain("method=\"M1\"").doesNotContain("method=\"BREW\"").doesNotContain("XXXX");
        }
    }

    @Test
    void stoppingLetsAnInFlightRequestFinish() throws Exception {
        TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir);
        // A slow upload keeps a request in flight while the server is told to stop.
        HttpClient client = HttpClient.newHttpClient();
        // Long enough that half of it, then a pause, stays above the minimum request data rate (HttpApi), as
        // a real client's first segment does.
        String body = "{\"client_id\":\"" + server.defaultApp().clientId() + "\",\"action\":\"signup\",\"metadata\":{\"pad\":\"" + "p".repeat(1_000)
                + "\"}}";
        var slowBody = HttpRequest.BodyPublishers.fromPublisher(new SlowPublisher(body.getBytes(), Duration.ofMillis(800)));
        var response = client.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/v3/evaluate"))
                .header("Content-Type", "application/json").POST(slowBody).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        Thread stopper = Thread.ofPlatform().start(server::close);
        HttpResponse<String> answered = response.get();
        stopper.join();
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("evaluation_id");
    }

    /** Sends a body in two halves with a pause between them. */
    private record SlowPublisher(byte[] bytes, Duration pause) implements java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer> {
        @Override
        public void subscribe(java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
            subscriber.onSubscribe(new java.util.concurrent.Flow.Subscription() {
                private boolean started;

                @Override
                public synchronized void request(long n) {
                    if (started) {
                        return;
                    }
                    started = true;
                    Thread.ofVirtual().start(() -> {
                        int half = bytes.length / 2;
                        subscriber.onNext(java.nio.ByteBuffer.wrap(bytes, 0, half));
                        try {
                            Thread.sleep(pause);
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        subscriber.onNext(java.nio.ByteBuffer.wrap(bytes, half, bytes.length - half));
                        subscriber.onComplete();
                    });
                }

                @Override
                public void cancel() {
                }
            });
        }
    }
}
