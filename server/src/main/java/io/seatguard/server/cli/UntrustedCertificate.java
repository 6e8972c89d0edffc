package io.seatguard.server.cli;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * Tells a server certificate this JVM refused from the other ways a connection fails. {@code apps --url
 * https://…} against a self-signed certificate (or one of a company's own authority) said the server
 * "cannot be reached", and sent an operator hunting a network problem when the server had answered and
 * the JVM did not trust what it presented.
 */
final class UntrustedCertificate {
    private UntrustedCertificate() {}

    /**
     * Why the certificate was refused ("unable to find valid certification path to requested target",
     * "No subject alternative names matching IP address … found"), when {@code failure} is a certificate
     * refused; empty for anything else (nothing listening, a timeout, plain http on an https URL).
     */
    static Optional<String> reason(Throwable failure) {
        // The JDK's HTTP client wraps the handshake's exception in one of its own; the certificate check's
        // exception is further down the causes, and its innermost one says the most.
        String reason = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                reason = cause.getMessage();
            }
        }
        return Optional.ofNullable(reason);
    }

    /** What to tell the operator about {@code shownUrl}: that the server answered, and what makes its certificate trusted. */
    static String message(String shownUrl, String reason) {
        return "seatguard: the server at " + shownUrl + " answered, but its TLS certificate is not trusted (" + reason + ")."
                + " If it is self-signed or signed by your own authority, give the JVM a trust store holding that authority (or the certificate"
                + " itself): SEATGUARD_JAVA_OPTS='-Djavax.net.ssl.trustStore=/path/to/store.p12 -Djavax.net.ssl.trustStorePassword=…'"
                + " (keytool -importcert makes one). If the certificate names another host, give that host in --url or SEATGUARD_URL.";
    }
}
