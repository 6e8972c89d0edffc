package io.seatguard.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code seatguard --version} prints: the project's version as the build wrote it into
 * {@code build.properties} (Maven resource filtering), so that it follows the POM and can never go stale as
 * the hard-coded "0.1.0" it replaced would have (review finding).
 */
public final class BuildVersion implements IVersionProvider {
    private static final String RESOURCE = "build.properties";

    /** The project's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server's resources");
            }
            properties.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filled in by the build: " + version);
        }
        return version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Seatguard " + version()};
    }
}
