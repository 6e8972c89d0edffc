package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.net.UrlPasswordMask;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A database URL as the operator wrote it, turned into a JDBC URL and connection properties.
 *
 * <p>Accepted: {@code postgresql://user:password@host:port/db?…} and {@code postgres://…} (the libpq
 * form most hosting providers print), {@code jdbc:postgresql://…}, and {@code jdbc:sqlite:/path/file.db}.
 * A port written in a PostgreSQL URL must be from 1 to 65535.
 */
public record JdbcTarget(DatabaseKind kind, String jdbcUrl, Properties properties, String description) {
    public JdbcTarget {
        requireNonNull(kind, "kind is null");
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(properties, "properties is null");
        requireNonNull(description, "description is null");
    }

    /**
     * The SQLite file at {@code file}.
     *
     * @throws IllegalArgumentException when the path holds a '?': the driver reads what follows it in the
     *         {@code jdbc:sqlite:} URL as parameters, so {@code /srv/a?b/seatguard.db} opened {@code /srv/a}
     *         while the serving lock and the start's checks looked at the path as given. The CLI refuses such
     *         a {@code --data-dir}; this refuses it for every other caller of the storage API.
     */
    public static JdbcTarget embedded(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String path = absolute.toString();
        int question = path.indexOf('?');
        if (question >= 0) {
            throw new IllegalArgumentException("the embedded database's path " + path + " holds a '?', which a jdbc:sqlite: URL takes for the start"
                    + " of its parameters: the database would be opened at " + path.substring(0, question) + " instead; use a folder without '?'");
        }
        return new JdbcTarget(DatabaseKind.SQLITE, "jdbc:sqlite:" + absolute, new Properties(), "SQLite " + absolute);
    }

    /**
     * The file of a SQLite target named by a plain path ({@code jdbc:sqlite:/path/file.db}, parameters
     * after {@code ?} aside); empty for PostgreSQL, an in-memory database or a {@code file:} URI.
     */
    public java.util.Optional<Path> sqliteFile() {
        if (kind != DatabaseKind.SQLITE) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    public static JdbcTarget parse(String url) {
        requireNonNull(url, "url is null");
        if (url.startsWith("jdbc:sqlite:")) {
            return new JdbcTarget(DatabaseKind.SQLITE, url, new Properties(), "SQLite " + url.substring("jdbc:sqlite:".length()));
        }
        if (url.startsWith("jdbc:postgresql://")) {
            // The hosts as pgjdbc reads them: before the query, then before the first '/'. pgjdbc takes no
            // user before an '@' and no empty port, so neither is set aside here.
            String server = url.substring("jdbc:postgresql://".length()).split("\\?", 2)[0];
            requirePorts(Stream.concat(portsOf(server.split("/", 2)[0]), queryPorts(url)), url);
            // pgjdbc answers a URL with no '/' after its hosts with a warning of its own and "no suitable
            // driver", which reads as a database that does not answer; with nothing after the '/', it
            // connects to the database named after the user (root's, or the maintenance database
            // postgres) and the schema would be made there.
            String[] hostsAndDatabase = server.split("/", 2);
            if (hostsAndDatabase.length < 2 || hostsAndDatabase[1].isEmpty()) {
                throw new IllegalArgumentException("database URL needs a '/' and a database name after the host (jdbc:postgresql://host:5432/db): "
                        + UrlPasswordMask.of(url));
            }
            return new JdbcTarget(DatabaseKind.POSTGRESQL, url, new Properties(), "PostgreSQL " + UrlPasswordMask.of(url));
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return fromLibpqUri(url);
        }
        throw new IllegalArgumentException("unsupported database URL (use postgresql://user@host:5432/db, jdbc:postgresql://… or jdbc:sqlite:/path): "
                + UrlPasswordMask.of(url));
    }

    private static JdbcTarget fromLibpqUri(String url) {
        // Before java.net.URI, which takes a port past 2^31 for no port at all (and then no host). As
        // libpq: the user and password end at the last '@', and a ':' with nothing after it is the default port.
        String authority = url.substring(url.indexOf("://") + 3).split("[/?#]", 2)[0];
        requirePorts(Stream.concat(portsOf(authority.substring(authority.lastIndexOf('@') + 1)).filter(port -> !port.isEmpty()), queryPorts(url)),
                url);
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed database URL: " + UrlPasswordMask.of(url), e);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("database URL needs a host and a database name: " + UrlPasswordMask.of(url));
        }
        Properties properties = new Properties();
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            properties.setProperty("user", URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8));
            if (userInfo.length == 2) {
                properties.setProperty("password", URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8));
            }
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        return new JdbcTarget(DatabaseKind.POSTGRESQL, jdbcUrl, properties, "PostgreSQL " + UrlPasswordMask.of(jdbcUrl));
    }

    /**
     * The ports written in {@code hosts}, a comma-separated list of {@code host[:port]} (both forms take
     * several), an IPv6 address in brackets: what follows the last ':' that is not inside the brackets.
     */
    private static Stream<String> portsOf(String hosts) {
        return Arrays.stream(hosts.split(",", -1))
                .filter(address -> address.lastIndexOf(':') > address.lastIndexOf(']'))
                .map(address -> address.substring(address.lastIndexOf(':') + 1));
    }

    /**
     * The ports a URL's query gives ({@code ?port=…}, or pgjdbc's own {@code PGPORT}, a comma-separated
     * list when there are several hosts): pgjdbc reads them as it reads the authority's (found in review:
     * {@code ?port=70000} got past the check and failed as a database that does not answer).
     */
    private static Stream<String> queryPorts(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Stream.empty();
        }
        return Arrays.stream(url.substring(query + 1).split("#", 2)[0].split("&"))
                .map(parameter -> parameter.split("=", 2))
                .filter(pair -> pair.length == 2 && (pair[0].equalsIgnoreCase("port") || pair[0].equalsIgnoreCase("PGPORT")))
                .flatMap(pair -> Arrays.stream(URLDecoder.decode(pair[1], StandardCharsets.UTF_8).split(",", -1)));
    }

    /**
     * A port outside 1-65535 is the URL's fault, said here (serve and the store commands both parse here,
     * and call it a bad setting): pgjdbc would log a warning of its own and answer "no suitable driver",
     * which reads as a database that does not answer. The URL, masked, shows which port.
     */
    private static void requirePorts(Stream<String> ports, String url) {
        if (ports.anyMatch(port -> !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535)) {
            throw new IllegalArgumentException("the port must be a number from 1 to 65535: " + UrlPasswordMask.of(url));
        }
    }
}
