package io.seatguard.server.stun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers STUN Binding requests on UDP so the browser SDK can learn its server-reflexive address: the
 * public address of its real network, which becomes {@code local_ip} (CONTRACT.md; ShieldLabs calls it
 * the same). Browsers hide local addresses behind mDNS names, so asking a STUN server is the only way.
 *
 * <p>One daemon thread per bound address receives and answers: a binding is one small datagram each
 * way. Anything that is not a well-formed Binding request it fully understands ({@link StunMessages}) is dropped without an
 * answer, so the port answers nothing but STUN; so is a datagram over {@link #MAX_DATAGRAM} bytes.
 * Two things keep the port a poor amplifier for traffic aimed at a third party (whose address a request
 * forges): an answer is at most 1.36 times the request on the wire ({@link StunMessages}), and each
 * source (an IPv4 address, an IPv6 /64) gets a limited number of answers a second ({@link StunRateLimit}), the rest dropped.
 */
public final class StunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StunServer.class);
    /** The longest datagram answered: a Binding request from a browser is 20 or 28 bytes. */
    static final int MAX_DATAGRAM = 1500;

    private final List<DatagramChannel> channels;
    private final StunRateLimit limit;
    private final List<Thread> threads = new ArrayList<>();
    private final int port;

    private StunServer(List<DatagramChannel> channels, StunRateLimit limit) throws IOException {
        this.channels = List.copyOf(channels);
        this.limit = limit;
        this.port = ((InetSocketAddress) channels.get(0).getLocalAddress()).getPort();
        for (DatagramChannel channel : this.channels) {
            Thread thread = new Thread(() -> serve(channel), "seatguard-stun " + channel.getLocalAddress());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Binds {@code host:port} (port 0 picks a free one) and starts answering. */
    public static StunServer start(String host, int port) {
        return start(host, port, StunRateLimit.standard());
    }

    /**
     * {@link #start(String, int)} with a limit of the caller's (tests use a clock they move).
     *
     * <p>On a wildcard host ({@code 0.0.0.0}, {@code ::}) one socket is bound per address the machine has
     * at start, instead of one on the wildcard. A socket on the wildcard answers from whatever address
     * the route back to the sender picks, which on a machine with a second address (a floating IP, a
     * keepalived address, a secondary address on the same interface) is not the one the browser asked
     * at; Chromium takes a STUN answer only from the address it sent its request to, so it found no
     * reflexive address at all. Java cannot choose an answer's source address on a wildcard socket
     * (no IP_PKTINFO), so each address gets its own. An address added after the start is not answered
     * until the next start.
     */
    static StunServer start(String host, int port, StunRateLimit limit) {
        List<DatagramChannel> channels = new ArrayList<>();
        try {
            InetSocketAddress given = new InetSocketAddress(host, port);
            if (given.isUnresolved() || !given.getAddress().isAnyLocalAddress()) {
                channels.add(bind(host, given));
                return new StunServer(channels, limit);
            }
            int chosen = port;
            for (InetAddress address : interfaceAddresses(given.getAddress() instanceof Inet4Address)) {
                // With port 0 every address takes the port the first was given, so the server has one port.
                try {
                    channels.add(bind(host + " (" + address.getHostAddress() + ")", new InetSocketAddress(address, chosen)));
                }
                catch (UncheckedIOException e) {
                    // The port taken is a fault of the setting; an address that cannot be bound (an IPv6 address
                    // still tentative as the machine starts, one going away) is one browsers cannot use yet.
                    if (e.getCause() instanceof BindException && String.valueOf(e.getCause().getMessage()).contains("in use")) {
                        throw e;
                    }
                    LOG.warn("STUN does not answer on {}: {}", address.getHostAddress(), e.getMessage());
                    continue;
                }
                chosen = ((InetSocketAddress) channels.get(0).getLocalAddress()).getPort();
            }
            if (channels.isEmpty()) {
                channels.add(bind(host, given));
            }
            return new StunServer(channels, limit);
        }
        catch (IOException e) {
            closeAll(channels);
            throw new UncheckedIOException(e);
        }
        catch (RuntimeException e) {
            closeAll(channels);
            throw e;
        }
    }

    /** The addresses of the machine's interfaces that are up, IPv4 only when asked, without IPv6 link-local ones. */
    private static List<InetAddress> interfaceAddresses(boolean ipv4Only) throws IOException {
        List<InetAddress> each = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                // A link-local IPv6 address is no address a browser reaches a server at, and needs its interface named to be bound.
                if ((ipv4Only && !(address instanceof Inet4Address)) || (address instanceof Inet6Address && address.isLinkLocalAddress())) {
                    continue;
                }
                each.add(address);
            }
        }
        return each;
    }

    /** A channel bound to {@code address}; {@code shown} is how a failure names it. */
    private static DatagramChannel bind(String shown, InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(address);
            return channel;
        }
        catch (IOException e) {
            channel.close();
            throw new UncheckedIOException("cannot bind STUN on udp " + shown + ":" + address.getPort() + ": " + e.getMessage() + wayOut(e), e);
        }
    }

    /**
     * The flags that get past a failed bind, by its cause: a machine with a TURN server of its own holds 3478,
     * the default (found in review); a port below 1024 needs a privilege; another port does nothing for an
     * address the machine does not have.
     */
    static String wayOut(IOException failure) {
        String reason = String.valueOf(failure.getMessage());
        if (reason.contains("in use")) {
            return "; give another --stun-port, or --no-stun to start without it";
        }
        if (reason.contains("Permission denied")) {
            return "; ports below 1024 need root or CAP_NET_BIND_SERVICE: give a --stun-port of 1024 or above, or --no-stun";
        }
        return "; --no-stun starts without it";
    }

    private static void closeAll(List<DatagramChannel> channels) {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            }
            catch (IOException e) {
                LOG.warn("closing a STUN socket failed", e);
            }
        }
    }

    public int port() {
        return port;
    }

    private void serve(DatagramChannel channel) {
        // One byte more than the longest datagram answered: receive drops in silence what does not fit, so a
        // longer datagram whose first bytes were a request with its header's length would look well-formed.
        // One that fills the buffer is longer than its header can be checked against, and goes unanswered.
        ByteBuffer in = ByteBuffer.allocate(MAX_DATAGRAM + 1);
        while (channel.isOpen()) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                if (!(from instanceof InetSocketAddress sender) || in.position() > MAX_DATAGRAM) {
                    continue;
                }
                Optional<StunMessages.BindingRequest> request = StunMessages.bindingRequest(in.array(), in.position());
                if (request.isPresent() && limit.allow(sender.getAddress())) {
                    channel.send(ByteBuffer.wrap(StunMessages.bindingSuccess(request.get(), sender)), sender);
                }
            }
            catch (ClosedChannelException e) {
                return;
            }
            catch (IOException | RuntimeException e) {
                // One bad exchange (an unreachable sender) must not stop the responder.
                LOG.debug("STUN exchange failed", e);
            }
        }
    }

    @Override
    public void close() {
        closeAll(channels);
        // Two seconds for all the threads together, as for the one before (production.md's stop times).
        long deadline = System.nanoTime() + 2_000_000_000L;
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
