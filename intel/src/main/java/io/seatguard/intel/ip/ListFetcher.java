package io.seatguard.intel.ip;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Reads a list's text from its location, only when it changed since the last read: a file by its
 * modification time and size, a URL by a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}).
 * Lists are capped at {@link #MAX_BYTES}: a runaway download must not take the heap. An answer that says
 * it is a web page ({@code text/html}) is refused: a list is never published as one. A URL fetch,
 * body included, ends within {@link #DEADLINE} or fails. A body the server gzipped unasked is
 * decompressed (to the same cap); a close-delimited body that ends mid-line, or a file that changes while
 * it is read, is refused as possibly cut. Not final so tests can stand in for a source.
 */
class ListFetcher {
    static final int MAX_BYTES = 64 * 1024 * 1024;
    /** For connecting, and for the response's headers. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** For the whole fetch, body included: 64 MB at ~0.5 MB/s. */
    static final Duration DEADLINE = Duration.ofMinutes(2);

    private final HttpClient http;
    /** For a URL with user info: its credentials must not follow a redirect to another host. */
    private final HttpClient httpWithCredentials;
    private final Duration timeout;
    private final Duration deadline;
    private final int maxBytes;

    ListFetcher() {
        this(DEADLINE);
    }

    /** {@code deadline} bounds each URL fetch as a whole; tests shorten it. */
    ListFetcher(Duration deadline) {
        this(deadline, MAX_BYTES);
    }

    /** {@code maxBytes} caps a list (file, download, or decompressed download); tests lower it. */
    ListFetcher(Duration deadline, int maxBytes) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.timeout = TIMEOUT.compareTo(deadline) < 0 ? TIMEOUT : deadline;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.httpWithCredentials = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What identifies one version of a list: to skip reading it again when it has not changed. */
    record Version(String tag) {}

    /**
     * A list's text, opened as lines: a file is read from disk as it is parsed, and a download is decoded
     * from its bytes as it is parsed, so a large list is never also held as one string and an array of
     * its lines. Malformed UTF-8 becomes U+FFFD (the reader's default): one bad byte spoils one line.
     */
    @FunctionalInterface
    interface Text {
        BufferedReader open() throws IOException;
    }

    /**
     * A fresh read: the text, its version, and the data's date (file time, or the server's Last-Modified,
     * or now when it sent none or one before 2000).
     */
    record Fetched(Text text, Version version, Instant dated) {}

    /** Empty when the list has not changed since {@code known}. */
    Optional<Fetched> fetch(ListLocation location, Optional<Version> known) throws IOException {
        if (location.file().isPresent()) {
            var file = location.file().get();
            FileTime modified;
            long size;
            try {
                modified = Files.getLastModifiedTime(file);
                size = Files.size(file);
            }
            catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + IoFailure.describe(e), e);
            }
            Version version = new Version(modified.toMillis() + ":" + size);
            if (known.equals(Optional.of(version))) {
                return Optional.empty();
            }
            if (size > maxBytes) {
                throw new IOException(file + " is larger than " + maxBytes + " bytes");
            }
            return Optional.of(new Fetched(() -> new BufferedReader(new InputStreamReader(new UnchangedFile(file, modified, size), StandardCharsets.UTF_8)),
                    version, modified.toInstant()));
        }
        java.net.URI url = location.url().orElseThrow();
        // Java's client ignores credentials written in a URL (https://user:token@host/list.txt), which
        // operators use for private list feeds: they become a Basic authorization header instead.
        Optional<String> credentials = Optional.ofNullable(url.getUserInfo());
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(url)).timeout(timeout).GET();
        credentials.ifPresent(userInfo -> request.header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        known.ifPresent(v -> {
            String[] parts = v.tag().split("\n", 2);
            if (!parts[0].isEmpty()) {
                request.header("If-None-Match", parts[0]);
            }
            if (parts.length > 1 && !parts[1].isEmpty()) {
                request.header("If-Modified-Since", parts[1]);
            }
        });
        // The client collects the body itself and the whole exchange answers within the deadline, or is
        // cancelled: a server that sends headers and then stalls must not hold a reload (or startup) forever.
        CompletableFuture<HttpResponse<byte[]>> exchange = (credentials.isPresent() ? httpWithCredentials : http).sendAsync(request.build(),
                info -> info.statusCode() == 200 && webPage(info.headers()).isEmpty() ? new CappedBody(maxBytes, location.toString())
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(location + " did not arrive within " + deadline.toSeconds() + " s");
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + location, e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new IOException(message.contains(location.toString()) ? message : "cannot fetch " + location + ": " + message, cause);
        }
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException(location + " answered HTTP " + response.statusCode());
        }
        Optional<String> page = webPage(response.headers());
        if (page.isPresent()) {
            // A rate-limit, maintenance or captive-portal page answers 200 too; read as a list, the one
            // address it shows ("Your IP: 8.8.8.8") replaced the whole list.
            throw new IOException(location + " answered a web page (Content-Type " + page.get() + "), not a list");
        }
        String etag = response.headers().firstValue("ETag").orElse("");
        String lastModified = response.headers().firstValue("Last-Modified").orElse("");
        // A Last-Modified before 2000 is the served file's packaging time (a Nix store's 1970, npm's 1985), as
        // for a list file (FileDates): no data date, so the list is dated as if the server had sent none.
        Instant dated = parseHttpDate(lastModified).filter(time -> FileDates.of(time).isPresent()).orElseGet(Instant::now);
        byte[] body = response.body();
        // Nothing is asked for but the list as it is, yet some servers compress regardless (an S3 object
        // stored with Content-Encoding gzip). A gzip stream's trailer shows it whole: a cut one fails to read.
        Optional<String> encoding = response.headers().firstValue("Content-Encoding").map(e -> e.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(e -> !e.isEmpty() && !e.equals("identity"));
        boolean gzip = encoding.filter(e -> e.equals("gzip") || e.equals("x-gzip")).isPresent();
        if (encoding.isPresent() && !gzip) {
            throw new IOException(location + " answered Content-Encoding " + encoding.get() + ", which cannot be read (a list is read as it is, or gzip)");
        }
        if (!gzip && body.length > 0 && body[body.length - 1] != '\n' && body[body.length - 1] != '\r' && closeDelimited(response)) {
            // Such a body ends where the connection does, so a cut one looks whole; cut mid-line, its last
            // range reads wider than it is (185.220.102.0/24 cut to /2 is a quarter of IPv4).
            throw new IOException(location + " ended mid-line with no Content-Length or chunked encoding to show it arrived whole (cut off?)");
        }
        String what = location.toString();
        return Optional.of(new Fetched(() -> new BufferedReader(new InputStreamReader(
                gzip ? new CappedStream(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes, what) : new ByteArrayInputStream(body), StandardCharsets.UTF_8)),
                new Version(etag + "\n" + lastModified), dated));
    }

    /** A decompressed list held to the cap a downloaded one is: a small gzip body can inflate past any heap. */
    private static final class CappedStream extends java.io.FilterInputStream {
        private final int maxBytes;
        private final String what;
        private long read;

        CappedStream(java.io.InputStream in, int maxBytes, String what) {
            super(in);
            this.maxBytes = maxBytes;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return counted(b < 0 ? -1 : 1) < 0 ? -1 : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(super.read(buffer, offset, length));
        }

        private int counted(int n) throws IOException {
            read += Math.max(n, 0);
            if (read > maxBytes) {
                throw new IOException(what + " is larger than " + maxBytes + " bytes once decompressed");
            }
            return n;
        }
    }

    /**
     * A list file read to its end only if it is still the file whose time and size were looked at: one
     * rewritten in place (cp, curl -o) while it is read yields a mix of the old text and part of the new,
     * its last line possibly cut into a wider range. No more bytes than its size are read, and at the end
     * the bytes read must be its size, and its time and size unchanged; otherwise the read fails, the list
     * keeps its data and the next refresh reads the file again. A file replaced by a rename is read whole
     * from the file that was opened.
     */
    private static final class UnchangedFile extends java.io.FilterInputStream {
        private final java.nio.file.Path file;
        private final FileTime modified;
        private final long size;
        private long read;

        UnchangedFile(java.nio.file.Path file, FileTime modified, long size) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
            this.modified = modified;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            counted(n);
            return n;
        }

        private void counted(int n) throws IOException {
            if (n > 0) {
                read += n;
            }
            // Past its size it is growing as it is read (and could pass the cap it was checked against).
            if (read > size || n < 0 && (read != size || !Files.getLastModifiedTime(file).equals(modified) || Files.size(file) != size)) {
                throw new IOException("it changed while it was read (replace a list file by renaming a complete copy over it)");
            }
        }
    }

    /**
     * Whether the body ended only because the connection closed (RFC 9112 §6.3, item 8): HTTP/1.x with
     * neither a Content-Length nor a transfer coding. The client fails a body shorter than its length or
     * missing its last chunk, and HTTP/2 frames every body, but a close-delimited body cut short cannot be
     * told from a whole one.
     */
    private static boolean closeDelimited(HttpResponse<?> response) {
        return response.version() == HttpClient.Version.HTTP_1_1 && response.headers().firstValue("Content-Length").isEmpty()
                && response.headers().firstValue("Transfer-Encoding").isEmpty();
    }

    /** The media type when the answer says it is a web page; no list is published as one. */
    private static Optional<String> webPage(java.net.http.HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(type -> type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT))
                .filter(type -> type.equals("text/html") || type.equals("application/xhtml+xml"));
    }

    private static java.net.URI withoutUserInfo(java.net.URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String text = url.toString();
        int start = text.indexOf("//") + 2;
        return java.net.URI.create(text.substring(0, start) + text.substring(text.indexOf('@', start) + 1));
    }

    private static Optional<Instant> parseHttpDate(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
