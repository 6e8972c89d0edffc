package io.seatguard.server.challenge;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the hosted pages: keeps cookies, does not follow redirects, posts forms. */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9A-Za-z]{32})\"");

    /** Every page client still reachable, whose connections {@link #dropConnections} ends. */
    private static final Set<PageClient> LIVE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final CookieManager cookies = new CookieManager();
    /** Made at the first request after {@link #dropConnections} (and the first of all); the cookies outlive it. */
    private HttpClient client;
    private String csrf = "";
    private final Map<String, String> headers;

    public PageClient() {
        this(Map.of());
    }

    /** A client that sends these headers on every request (e.g. X-Forwarded-For through the trusted loopback proxy). */
    public PageClient(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        LIVE.add(this);
    }

    /**
     * Ends the connections every page client keeps alive; each goes on with new ones, its cookies kept.
     * TestServer calls it before stopping its server: Jetty holds a stop up to a second for each idle
     * connection (its shutdownIdleTimeout), and these clients are in most dashboard and challenge tests.
     */
    public static void dropConnections() {
        List<PageClient> clients;
        synchronized (LIVE) {
            clients = List.copyOf(LIVE);
        }
        clients.forEach(PageClient::drop);
    }

    private void drop() {
        HttpClient old;
        synchronized (this) {
            old = client;
            client = null;
        }
        if (old != null) {
            old.shutdownNow();
            try {
                old.awaitTermination(Duration.ofSeconds(5));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                    .build();
        }
        return client;
    }

    public HttpResponse<String> get(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page read. */
    public HttpResponse<String> post(String url, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", csrf);
        return postRaw(url, all);
    }

    public HttpResponse<String> postRaw(String url, Map<String, String> fields) {
        return postPairs(url, List.copyOf(fields.entrySet()), Map.of());
    }

    /** Posts a form with the CSRF token of the last page read, and these headers on this request only. */
    public HttpResponse<String> postWithHeaders(String url, Map<String, String> fields, Map<String, String> requestHeaders) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", csrf);
        return postPairs(url, List.copyOf(all.entrySet()), requestHeaders);
    }

    /**
     * Posts {@code body} as it is under {@code contentType} (none when null), with no CSRF token added:
     * for bodies a browser's form would never send.
     */
    public HttpResponse<String> postBody(String url, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** The CSRF token of the last page read. */
    public String csrf() {
        return csrf;
    }

    /** Posts fields that may repeat (checkboxes of one name), with the CSRF token of the last page read. */
    public HttpResponse<String> postRepeated(String url, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("csrf", csrf));
        return postPairs(url, all, Map.of());
    }

    private HttpResponse<String> postPairs(String url, List<Map.Entry<String, String>> fields, Map<String, String> requestHeaders) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        requestHeaders.forEach(request::header);
        HttpResponse<String> response = send(request);
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return client().send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
