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
 * not a well-formed Binding request is dropped without an answer, so the port answers nothing but STUN.
 * An answer (at most 72 bytes) is never much larger than the request (at least 20), which keeps the
 * port a poor amplifier for traffic aimed at a third party.
 */
public final class StunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StunServer.class);
    private static final int MAX_DATAGRAM = 1500;

    private final DatagramChannel channel;
    private final Thread thread;
    private final int port;

    private StunServer(DatagramChannel channel) throws IOException {
        this.channel = channel;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.thread = new Thread(this::serve, "seatguard-stun");
        thread.setDaemon(true);
        thread.start();
    }

    /** Binds {@code host:port} (port 0 picks a free one) and starts answering. */
    public static StunServer start(String host, int port) {
        try {
            DatagramChannel channel = DatagramChannel.open();
            try {
                channel.bind(new InetSocketAddress(host, port));
            }
            catch (IOException e) {
                channel.close();
                throw new UncheckedIOException("cannot bind STUN on udp " + host + ":" + port + ": " + e.getMessage(), e);
            }
            return new StunServer(channel);
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
                Optional<byte[]> transaction = StunMessages.bindingRequest(in.array(), in.position());
                if (transaction.isPresent()) {
                    channel.send(ByteBuffer.wrap(StunMessages.bindingSuccess(transaction.get(), sender)), sender);
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
