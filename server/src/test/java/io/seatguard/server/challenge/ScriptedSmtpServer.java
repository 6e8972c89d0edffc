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
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A mail server on loopback that answers each command as a test scripts it: the real SMTP exchange
 * (greeting, commands, DATA up to the dot, QUIT), with the answers a given server would give, such as a
 * refused recipient or no STARTTLS offered. Every line received is kept. Connections are served one after
 * another until it is closed. Given a TLS context it speaks TLS as a real server does: offered in its EHLO
 * answer and begun at STARTTLS, or from the first byte (smtps).
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
    /** The lines that came over TLS, also in {@link #received}. */
    private final List<String> receivedOverTls = new CopyOnWriteArrayList<>();
    /** Empty: no TLS at all. */
    private final Optional<SSLContext> tls;
    /** With {@link #tls}: TLS from the first byte (smtps) rather than at STARTTLS. */
    private final boolean implicitTls;
    private final Thread conversations;
    /** Released each time a conversation ends. */
    private final java.util.concurrent.Semaphore ended = new java.util.concurrent.Semaphore(0);

    /**
     * @param script the answer to a command (given its first four letters upper-cased: EHLO, RCPT…, and
     *     {@code .} for the mail's end), or empty for the usual one: {@code 250 Ok}, {@code 354} to DATA,
     *     {@code 250 queued} to the end, {@code 221} to QUIT; {@link #SILENCE}: no answer at all; {@link #HANG_UP}:
     *     the connection closed without an answer
     */
    private ScriptedSmtpServer(String host, Function<String, Optional<String>> script, Optional<SSLContext> tls, boolean implicitTls) throws IOException {
        this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.host = host;
        this.script = script;
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.conversations = Thread.ofPlatform().daemon().start(this::serve);
    }

    static ScriptedSmtpServer start(String host, Function<String, Optional<String>> script) throws IOException {
        return new ScriptedSmtpServer(host, script, Optional.empty(), false);
    }

    /** A server that offers STARTTLS and, asked, goes on over TLS with {@code context}'s certificate. */
    static ScriptedSmtpServer startTls(String host, SSLContext context, Function<String, Optional<String>> script) throws IOException {
        return new ScriptedSmtpServer(host, script, Optional.of(context), false);
    }

    /** A server that speaks TLS from the first byte, as on port 465. */
    static ScriptedSmtpServer implicitTls(String host, SSLContext context, Function<String, Optional<String>> script) throws IOException {
        return new ScriptedSmtpServer(host, script, Optional.of(context), true);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every line the clients sent, in order. */
    List<String> received() {
        return received;
    }

    /** The lines the clients sent over TLS, in order. */
    List<String> receivedOverTls() {
        return receivedOverTls;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (implicitTls) {
                    converse(secured(client), true, true);
                }
                else {
                    converse(client, true, false);
                }
            }
            catch (IOException e) {
                // The client hung up, or the server was closed: this conversation is over.
            }
            finally {
                ended.release();
            }
        }
    }

    /** The connection, now over TLS as the server's side of it. */
    private Socket secured(Socket plain) throws IOException {
        SSLSocket secured = (SSLSocket) tls.orElseThrow().getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        return secured;
    }

    private void converse(Socket client, boolean greet, boolean overTls) throws IOException {
        OutputStream out = client.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        if (greet) {
            reply(out, "220 " + host + " ESMTP");
        }
        boolean data = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            received.add(line);
            if (overTls) {
                receivedOverTls.add(line);
            }
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
                // A TLS server offers the sign-in only once the exchange is secured, as real ones do.
                case "EHLO" -> reply(out, tls.isEmpty() ? "250 Ok" : "250-" + host + "\r\n250 " + (overTls ? "AUTH PLAIN" : "STARTTLS"));
                case "STAR" -> {
                    if (tls.isEmpty() || overTls) {
                        reply(out, "502 not offered");
                        continue;
                    }
                    reply(out, "220 go ahead");
                    converse(secured(client), false, true);
                    return;
                }
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
