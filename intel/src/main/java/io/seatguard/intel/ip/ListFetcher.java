package io.seatguard.intel.ip;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Reads a list's text from its location, only when it changed since the last read: a file by its
 * modification time and size, a URL by a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}).
 * Lists are capped at {@link #MAX_BYTES}: a runaway download must not take the heap.
 */
final class ListFetcher {
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();

    /** What identifies one version of a list: to skip reading it again when it has not changed. */
    record Version(String tag) {}

    /** A fresh read: the text, its version, and the data's date (file time, or the server's Last-Modified, or now). */
    record Fetched(String text, Version version, Instant dated) {}

    /** Empty when the list has not changed since {@code known}. */
    Optional<Fetched> fetch(ListLocation location, Optional<Version> known) throws IOException {
        if (location.file().isPresent()) {
            var file = location.file().get();
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Version version = new Version(modified.toMillis() + ":" + size);
            if (known.equals(Optional.of(version))) {
                return Optional.empty();
            }
            if (size > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
            }
            return Optional.of(new Fetched(Files.readString(file, StandardCharsets.UTF_8), version, modified.toInstant()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(location.url().orElseThrow()).timeout(TIMEOUT).GET();
        known.ifPresent(v -> {
            String[] parts = v.tag().split("\n", 2);
            if (!parts[0].isEmpty()) {
                request.header("If-None-Match", parts[0]);
            }
            if (parts.length > 1 && !parts[1].isEmpty()) {
                request.header("If-Modified-Since", parts[1]);
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + location, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException(location + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(location + " is larger than " + MAX_BYTES + " bytes");
            }
            String etag = response.headers().firstValue("ETag").orElse("");
            String lastModified = response.headers().firstValue("Last-Modified").orElse("");
            Instant dated = parseHttpDate(lastModified).orElseGet(Instant::now);
            return Optional.of(new Fetched(new String(bytes, StandardCharsets.UTF_8), new Version(etag + "\n" + lastModified), dated));
        }
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
