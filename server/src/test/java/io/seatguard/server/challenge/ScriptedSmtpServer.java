package io.seatguard.server.challenge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A mail server on loopback that answers each command as a test scripts it: the real SMTP exchange
 * (greeting, commands, DATA up to the dot, QUIT), with the answers a given server would give, such as a
 * refused recipient or no STARTTLS offered. Every line received is kept. Connections are served one after
 * another until it is closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    /** A scripted answer that is none: the server reads on and never replies, as one that hangs does. */
    static final String SILENCE = "";
    /** A scripted answer that closes the connection instead, as a server that crashes does. */
    static final String HANG_UP = "\u0000hang up";

    private final ServerSocket socket;
    private final Function<String, Optional<String>> script;
    private final String host;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread conversations;
    /** Released each time a conversation ends. */
    private final java.util.concurrent.Semaphore ended = new java.util.concurrent.Semaphore(0);

    /**
     * @param script the answer to a command (given its first four letters upper-cased: EHLO, RCPT…, and
     *     {@code .} for the mail's end), or empty for the usual one: {@code 250 Ok}, {@code 354} to DATA,
     *     {@code 250 queued} to the end, {@code 221} to QUIT; {@link #SILENCE}: no answer at all; {@link #HANG_UP}:
     *     the connection closed without an answer
     */
    private ScriptedSmtpServer(String host, Function<String, Optional<String>> script) throws IOException {
        this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.host = host;
        this.script = script;
        this.conversations = Thread.ofPlatform().daemon().start(this::serve);
    }

    static ScriptedSmtpServer start(String host, Function<String, Optional<String>> script) throws IOException {
        return new ScriptedSmtpServer(host, script);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every line the clients sent, in order. */
    List<String> received() {
        return received;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                converse(in, out);
            }
            catch (IOException e) {
                // The client hung up, or the server was closed: this conversation is over.
            }
            finally {
                ended.release();
            }
        }
    }

    private void converse(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "220 " + host + " ESMTP");
        boolean data = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            received.add(line);
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    String answer = script.apply(".").orElse("250 queued");
                    if (answer.equals(HANG_UP)) {
                        return;
                    }
                    reply(out, answer);
                }
                continue;
            }
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            Optional<String> scripted = script.apply(verb);
            if (scripted.isPresent()) {
                if (scripted.get().equals(HANG_UP)) {
                    return;
                }
                reply(out, scripted.get());
                continue;
            }
            switch (verb) {
                case "DATA" -> {
                    data = true;
                    reply(out, "354 go on");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 Ok");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        if (text.equals(SILENCE)) {
            return;
        }
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Waits for a conversation to end (the client's QUIT or hang-up), at most {@code millis}: whether one did. */
    boolean awaitConversationEnd(long millis) throws InterruptedException {
        return ended.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
