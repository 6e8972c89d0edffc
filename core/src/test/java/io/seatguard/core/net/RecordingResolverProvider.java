package io.seatguard.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver: the built-in one, recording the names a thread looks up while it asks
 * ({@link #lookedUpDuring}), so a test can tell that parsing an address never made a DNS lookup
 * (registered in META-INF/services). Other threads, and the JVMs of the modules that use this test jar,
 * resolve as they would without it and record nothing.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The host names this thread looked up while {@code action} ran, in order. */
    static List<String> lookedUpDuring(Runnable action) {
        List<String> names = new ArrayList<>();
        RECORDING.set(names);
        try {
            action.run();
        }
        finally {
            RECORDING.remove();
        }
        return names;
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                List<String> recording = RECORDING.get();
                if (recording != null) {
                    recording.add(host);
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "recording";
    }
}
