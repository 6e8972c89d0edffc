package io.seatguard.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loopback TCP relay to a real server (Redis, PostgreSQL), through which a test makes that server
 * fail for the process under test while it stays up for every other test: {@link #cut()} makes it vanish
 * (connections reset, the port refuses), {@link #silence()} makes it fall silent (connections stay open
 * and nothing comes back, as after a failover or a dropped route), and {@link #restore()} brings it back
 * on the same port. {@link #pause()} and {@link #resume()} stop and start the server as {@code kill -STOP}
 * and {@code kill -CONT} do: connections stay open, nothing is answered meanwhile, and nothing is lost:
 * what was sent is answered, late, on the same connections.
 */
public final class TcpRelay implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean silent;
    private final ReentrantLock pauseLock = new ReentrantLock();
    private final Condition resumed = pauseLock.newCondition();
    private boolean paused;
    private int port;

    private TcpRelay(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static TcpRelay to(String host, int port) {
        TcpRelay relay = new TcpRelay(host, port);
        relay.listen(0);
        return relay;
    }

    public int port() {
        return port;
    }

    /** The server vanishes: every relayed connection is dropped and the port refuses new ones. */
    public synchronized void cut() {
        closeQuietly(listener);
        dropConnections();
    }

    /** The server falls silent: connections stay open, bytes sent either way are dropped, new ones are held. */
    public void silence() {
        silent = true;
    }

    /** The server stops (as under {@code kill -STOP}): bytes are held, not dropped, until {@link #resume()}. */
    public void pause() {
        pauseLock.lock();
        try {
            paused = true;
        }
        finally {
            pauseLock.unlock();
        }
    }

    /** The server goes on (as after {@code kill -CONT}): what was held is delivered, on the same connections. */
    public void resume() {
        pauseLock.lock();
        try {
            paused = false;
            resumed.signalAll();
        }
        finally {
            pauseLock.unlock();
        }
    }

    /** The server is back: on the same port if it was cut; connections left from before stay broken. */
    public synchronized void restore() {
        dropConnections();
        silent = false;
        if (listener.isClosed()) {
            listen(port);
        }
    }

    private synchronized void listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
            listener = socket;
            port = socket.getLocalPort();
            // Platform threads, not virtual ones: the relay stands for the network, and a virtual thread waits for
            // one of the JVM's few carriers, which the code under test may keep busy (a server starting beside
            // it); one CI run saw a Redis command through the relay time out after 2 s at a server's start.
            Thread.ofPlatform().daemon().name("relay-accept").start(() -> accept(socket));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                if (silent) {
                    continue;
                }
                Socket target = new Socket(targetHost, targetPort);
                open.add(target);
                Thread.ofPlatform().daemon().name("relay-pump").start(() -> pump(client, target));
                Thread.ofPlatform().daemon().name("relay-pump").start(() -> pump(target, client));
            }
            catch (IOException e) {
                // Closed: no more connections.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitResumed();
                if (!silent) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        }
        catch (IOException e) {
            // One side closed; closing both (the try) ends the other pump too.
        }
    }

    private void awaitResumed() throws IOException {
        pauseLock.lock();
        try {
            while (paused) {
                resumed.await();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while paused", e);
        }
        finally {
            pauseLock.unlock();
        }
    }

    private void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ignored) {
            // Already closed.
        }
    }

    /** Stops for good: the server is gone for the process under test. */
    @Override
    public void close() {
        cut();
        resume();
    }
}
