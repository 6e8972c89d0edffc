package io.seatguard.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding an evaluation's stored document ({@code evaluations.document}) as the writer does, once per
 * evaluation, against the same mapper with Jackson's Blackbird module (accessors called through generated
 * lambdas instead of reflection). The document is one the load scenario stored: an account's login with
 * three risk signals, about the run's average size (1,190 bytes). In the package of {@link StorageJson},
 * which is not public.
 *
 * <p>Why it exists: a profile under load puts this encoding at about 3 % of the server's CPU, and
 * Blackbird is the usual answer to reflective serialization. It was measured and not adopted
 * (docs/benchmarks.md, "PVM again").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class StoredDocumentBenchmark {
    static final String DOCUMENT = """
            {"action":"login","verdict":"allow","createdAt":1796209294581,"userId":"user-826","metadata":{},"sessionId":"sess_bd1343f2c51b72a8","device":{"id":"4b8c7abe-5b99-4e67-a850-acaca9d3ac22","type":"computer","isNew":false,"fingerprintId":"002960f1ca52e21f506c427beeaf0d19","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"75.149.177.8","country":"US","city":"Fort Lauderdale","latitude":26.122400283813477,"longitude":-80.13729858398438,"asn":7922,"asnOrg":"Comcast Cable Communications, LLC"},"flags":{"vpn":false,"hosting":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}""";

    private EvaluationDocument document;
    private ObjectMapper blackbird;

    @Setup
    public void setUp() {
        document = StorageJson.read(DOCUMENT, EvaluationDocument.class);
        blackbird = StorageJson.MAPPER.copy().registerModule(new BlackbirdModule());
    }

    @Benchmark
    public String encodeToday() {
        return StorageJson.write(document);
    }

    @Benchmark
    public String encodeBlackbird() throws Exception {
        return blackbird.writeValueAsString(document);
    }
}
