package io.seatguard.server.stun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers STUN Binding requests on UDP so the browser SDK can learn its server-reflexive address: the
 * public address of its real network, which becomes {@code local_ip} (CONTRACT.md; ShieldLabs calls it
 * the same). Browsers hide local addresses behind mDNS names, so asking a STUN server is the only way.
 *
 * <p>One daemon thread receives and answers: a binding is one small datagram each way. Anything that is
 * not a well-formed Binding request it fully understands ({@link StunMessages}) is dropped without an
 * answer, so the port answers nothing but STUN.
 * Two things keep the port a poor amplifier for traffic aimed at a third party (whose address a request
 * forges): an answer is at most 1.36 times the request on the wire ({@link StunMessages}), and each
 * source address gets a limited number of answers a second ({@link StunRateLimit}), the rest dropped.
 */
public final class StunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StunServer.class);
    private static final int MAX_DATAGRAM = 1500;

    private final DatagramChannel channel;
    private final StunRateLimit limit;
    private final Thread thread;
    private final int port;

    private StunServer(DatagramChannel channel, StunRateLimit limit) throws IOException {
        this.channel = channel;
        this.limit = limit;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.thread = new Thread(this::serve, "seatguard-stun");
        thread.setDaemon(true);
        thread.start();
    }

    /** Binds {@code host:port} (port 0 picks a free one) and starts answering. */
    public static StunServer start(String host, int port) {
        return start(host, port, StunRateLimit.standard());
    }

    /** {@link #start(String, int)} with a limit of the caller's (tests use a clock they move). */
    static StunServer start(String host, int port, StunRateLimit limit) {
        try {
            DatagramChannel channel = DatagramChannel.open();
            try {
                channel.bind(new InetSocketAddress(host, port));
            }
            catch (IOException e) {
                channel.close();
                throw new UncheckedIOException("cannot bind STUN on udp " + host + ":" + port + ": " + e.getMessage(), e);
            }
            return new StunServer(channel, limit);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                if (!(from instanceof InetSocketAddress sender)) {
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
        try {
            channel.close();
        }
        catch (IOException e) {
            LOG.warn("closing the STUN socket failed", e);
        }
        try {
            thread.join(2000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
