package io.seatguard.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's version, as the build wrote it into {@code sdk.properties} (Maven resource filtering, as the
 * server's {@code BuildVersion}), for the {@code User-Agent} every call sends: operators tell the SDK's
 * traffic, and which version, in their logs. The JDK's own {@code Java-http-client/25} said neither.
 */
final class SdkVersion {
    private static final String RESOURCE = "sdk.properties";
    /** What the User-Agent says when the SDK was built some other way (its sources copied into an app). */
    static final String UNKNOWN = "unknown";

    private SdkVersion() {}

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}: the filtered resource's, else the jar manifest's, else {@value #UNKNOWN}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = SdkVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (IOException e) {
            // Not worth failing a call over: said as unknown below.
        }
        String version = properties.getProperty("version", "");
        if (!version.isBlank() && !version.contains("${")) {
            return version;
        }
        String manifest = SdkVersion.class.getPackage().getImplementationVersion();
        return manifest == null || manifest.isBlank() ? UNKNOWN : manifest;
    }

    /** {@code seatguard-java/0.1.0}. */
    static String userAgent() {
        return "seatguard-java/" + version();
    }
}
