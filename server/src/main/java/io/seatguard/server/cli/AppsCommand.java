package io.seatguard.server.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.net.UrlPasswordMask;
import io.seatguard.server.config.HeaderSafeToken;
import io.seatguard.server.http.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code seatguard apps create|list|rotate-secret|rotate-identity-secret}: the app endpoints, for people, printing JSON. */
@Command(name = "apps", mixinStandardHelpOptions = true, description = "Manage apps on a running server (needs the admin token).",
        subcommands = {AppsCommand.Create.class, AppsCommand.ListApps.class, AppsCommand.RotateSecret.class, AppsCommand.RotateIdentitySecret.class})
public final class AppsCommand {
    /** Null when not given: then {@link AppsServerUrl} reads the environment. */
    @Option(names = "--url", description = "Server URL (env SEATGUARD_URL; default http://<SEATGUARD_HOST, else 127.0.0.1>:<SEATGUARD_PORT, else 8080>, where serve listens).",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    String url;

    @Option(names = "--admin-token", defaultValue = "${env:SEATGUARD_ADMIN_TOKEN}", description = "Admin token (env SEATGUARD_ADMIN_TOKEN).", scope = picocli.CommandLine.ScopeType.INHERIT)
    String adminToken;

    int send(String method, String path, JsonNode body) {
        switch (AppsServerUrl.resolve(url, System.getenv())) {
            case AppsServerUrl.Resolved.Url resolved -> url = resolved.url();
            case AppsServerUrl.Resolved.Refused refused -> {
                System.err.println(refused.message());
                return 2;
            }
        }
        Optional<URI> endpoint = endpoint(path);
        if (endpoint.isEmpty()) {
            System.err.println("seatguard: --url must be an http:// or https:// URL such as http://127.0.0.1:8080, not \"" + UrlPasswordMask.of(url)
                    + "\" (or set SEATGUARD_URL)");
            return 2;
        }
        if (adminToken == null || adminToken.isBlank()) {
            System.err.println("seatguard: set the admin token with --admin-token or SEATGUARD_ADMIN_TOKEN (printed at the server's first start)");
            return 2;
        }
        if (HeaderSafeToken.beyondAscii(adminToken.strip())) {
            // The HTTP client wrote each such character as "?": the server refused a token it never received.
            System.err.println("seatguard: cannot send the admin token as given: it holds a character beyond ASCII, which an HTTP header"
                    + " cannot carry as written; give it as the server printed it (serve refuses such a token at start)");
            return 2;
        }
        HttpRequest.Builder request;
        try {
            // Stripped as serve strips the token it is given: an environment file saved with CRLF line ends
            // gives the variable a trailing '\r', which serve took and this command refused.
            request = HttpRequest.newBuilder(endpoint.get())
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken.strip())
                    .header("Accept", "application/json");
        }
        catch (IllegalArgumentException e) {
            // A token with a line break or another character no header may carry inside it (a copy-paste
            // slip). Not the client's message: it quotes the header, the admin token in it, onto the terminal.
            System.err.println("seatguard: cannot send the admin token as given: it holds a line break or another control character,"
                    + " which no HTTP header can carry; give it as the server printed it");
            return 2;
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return printed(response);
        }
        catch (IOException e) {
            Optional<RefusedCertificate.Refusal> refused = RefusedCertificate.of(e);
            if (refused.isPresent()) {
                System.err.println(RefusedCertificate.message(UrlPasswordMask.of(url), refused.get()));
                return 1;
            }
            if (PlainHttpOnTls.of(e)) {
                System.err.println(PlainHttpOnTls.message(UrlPasswordMask.of(url)));
                return 1;
            }
            Optional<String> handshake = FailedTlsHandshake.of(e);
            if (handshake.isPresent()) {
                System.err.println(FailedTlsHandshake.message(UrlPasswordMask.of(url), handshake.get()));
                return 1;
            }
            // A refused connection's message is null: say what it means and how to name another server.
            String why = e instanceof java.net.ConnectException ? "nothing answers there"
                    : e instanceof java.net.http.HttpTimeoutException ? "no answer in time" : String.valueOf(e.getMessage());
            System.err.println("seatguard: cannot reach " + UrlPasswordMask.of(url) + " (" + why + "). Is the server running there? Name another with --url or SEATGUARD_URL.");
            return 1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The server's URL with {@code path}, when {@code --url} is an http or https URL with a host. Forgetting
     * the scheme ({@code 127.0.0.1:8080}) is the likeliest slip; without this check it ended the command
     * with a stack trace from the URI parser or the HTTP client.
     */
    private Optional<URI> endpoint(String path) {
        try {
            URI server = new URI(url == null ? "" : url.strip().replaceAll("/+$", ""));
            // A query or fragment would swallow the path appended below, and a port past 65535 makes the
            // HTTP client throw: both are a --url that names no server, said as such (found in review).
            if (server.getRawQuery() != null || server.getRawFragment() != null || server.getPort() > 65_535 || server.getPort() == 0) {
                return Optional.empty();
            }
            URI uri = new URI(server + path);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Prints the server's answer and says how the command went. Only a JSON answer is printed as the
     * command's output: a redirect (a proxy sending http:// on to https://) and a page that is not
     * Seatguard's (a wrong --url, a captive portal) used to end with an empty line or "null" and status 1,
     * or with the page on standard output and status 0, which a script took for the app it asked for.
     */
    private int printed(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 3) {
            // Not followed: the admin token would go wherever the Location header says.
            String target = response.headers().firstValue("Location").orElse("nowhere it names");
            System.err.println("seatguard: " + UrlPasswordMask.of(url) + " answered HTTP " + status + ", redirecting to " + target
                    + "; the admin token is not sent on: set --url (or SEATGUARD_URL) to the address Seatguard answers at");
            return 1;
        }
        Optional<JsonNode> json = jsonAnswer(response.body());
        if (json.isEmpty()) {
            String type = response.headers().firstValue("Content-Type").orElse("none");
            System.err.println("seatguard: " + UrlPasswordMask.of(url) + " answered HTTP " + status + " with no JSON (Content-Type " + type
                    + "): is Seatguard there? Name its address with --url or SEATGUARD_URL." + excerpt(response.body()));
            return 1;
        }
        PrintStream stream = status / 100 == 2 ? System.out : System.err;
        stream.println(pretty(json.get(), stream.charset()));
        return status / 100 == 2 ? 0 : 1;
    }

    /** The answer, when it is one JSON object or array. */
    private static Optional<JsonNode> jsonAnswer(String body) {
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            return tree != null && tree.isContainerNode() ? Optional.of(tree) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code tree} as pretty JSON in {@code charset}: with what it cannot write as JSON escapes (backslash, u, four hex digits), which
     * every JSON reader takes back. Under the C locale (a container, cron, {@code java -jar} from a systemd
     * unit) standard output is ASCII, and an app named "Café" was printed "Caf?", a name no script could
     * give back to the API (found in review).
     */
    static String pretty(JsonNode tree, Charset charset) {
        try {
            String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            return charset.newEncoder().canEncode(text) ? text
                    : Json.MAPPER.writerWithDefaultPrettyPrinter().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(tree);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The start of a body that is not JSON (an error page of the proxy in front says what is wrong), on its own lines. */
    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return "\n" + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an app and print its keys (the secret key and the identity secret are shown once).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        AppsCommand parent;

        @Option(names = "--name", required = true, description = "The app's name.")
        String name;

        @Option(names = "--allowed-origin", description = "An origin browsers may call from, e.g. https://app.example.com (repeatable).")
        List<String> allowedOrigins = List.of();

        @Option(names = "--require-signed-identity",
                description = "Refuse browser evaluations naming a user, email or phone without the backend's identity_signature.")
        boolean requireSignedIdentity;

        @Override
        public Integer call() {
            ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
            allowedOrigins.forEach(body.putArray("allowed_origins")::add);
            if (requireSignedIdentity) {
                body.put("require_signed_identity", true);
            }
            return parent.send("POST", "/v3/apps", body);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List apps.")
    static final class ListApps implements Callable<Integer> {
        @ParentCommand
        AppsCommand parent;

        @Override
        public Integer call() {
            return parent.send("GET", "/v3/apps", null);
        }
    }

    @Command(name = "rotate-secret", mixinStandardHelpOptions = true, description = "Replace an app's secret key and print the new one (shown once).")
    static final class RotateSecret implements Callable<Integer> {
        @ParentCommand
        AppsCommand parent;

        @Parameters(index = "0", description = "The app id.")
        String appId;

        @Option(names = "--previous-valid-for", paramLabel = "SECONDS",
                description = "Keep the replaced key working this many seconds (up to 604800, a week), while your backends move to the new one;"
                        + " without it the replaced key stops at once.")
        Long previousValidFor;

        @Override
        public Integer call() {
            ObjectNode body = previousValidFor == null ? null : Json.MAPPER.createObjectNode().put("previous_key_valid_for", previousValidFor);
            return parent.send("POST", "/v3/apps/" + java.net.URLEncoder.encode(appId, java.nio.charset.StandardCharsets.UTF_8) + "/rotate-secret", body);
        }
    }

    @Command(name = "rotate-identity-secret", mixinStandardHelpOptions = true,
            description = "Give an app a new identity secret and print it (shown once); the previous one is still accepted for an hour.")
    static final class RotateIdentitySecret implements Callable<Integer> {
        @ParentCommand
        AppsCommand parent;

        @Parameters(index = "0", description = "The app id.")
        String appId;

        @Override
        public Integer call() {
            return parent.send("POST", "/v3/apps/" + java.net.URLEncoder.encode(appId, java.nio.charset.StandardCharsets.UTF_8) + "/rotate-identity-secret",
                    null);
        }
    }
}
