package io.seatguard.server.cli;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;

/**
 * Tells a server certificate this JVM refused from the other ways a connection fails, and says which of
 * the refusals it was. {@code apps --url https://…} against a self-signed certificate (or one of a
 * company's own authority) said the server "cannot be reached", and sent an operator hunting a network
 * problem when the server had answered. The refusals need different ways out: a trust store helps only a
 * certificate no trusted authority signed; a trusted certificate for another name, or one out of its dates,
 * was called "not trusted" and given that advice too (found in review).
 */
final class RefusedCertificate {
    private RefusedCertificate() {}

    /** Why the JVM refused the certificate: each has its own way out. */
    enum Kind {
        /** No path to an authority the JVM trusts (self-signed, a company's own authority). */
        UNTRUSTED,
        /** Trusted, but the certificate names other hosts than the URL's (the JDK checks the name after the chain). */
        OTHER_HOST,
        /** Out of its dates: expired, or not valid yet (the server's, or this machine's clock). */
        OUT_OF_DATE,
        /** Anything else the JDK refuses (a revoked or too weak certificate). */
        OTHER
    }

    /** A refusal: which kind, and the JDK's own words for it. */
    record Refusal(Kind kind, String reason) {}

    /**
     * The refusal when {@code failure} is a certificate refused ("unable to find valid certification path to
     * requested target", "No subject alternative names matching IP address … found", "NotAfter: …"); empty
     * for anything else (nothing listening, a timeout, plain http on an https URL).
     */
    static Optional<Refusal> of(Throwable failure) {
        // The JDK's HTTP client wraps the handshake's exception in one of its own; the certificate check's
        // exception is further down the causes, and its innermost one says the most.
        String reason = null;
        boolean outOfDate = false;
        boolean noPath = false;
        boolean otherHost = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            outOfDate |= cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
                    || cause instanceof CertPathValidatorException path && (path.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                            || path.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID);
            noPath |= cause instanceof CertPathBuilderException;
            otherHost |= cause instanceof CertificateException && otherHost(cause.getMessage());
            if (cause instanceof CertificateException || cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                reason = cause.getMessage();
            }
        }
        if (reason == null) {
            return Optional.empty();
        }
        Kind kind = outOfDate ? Kind.OUT_OF_DATE : otherHost ? Kind.OTHER_HOST : noPath ? Kind.UNTRUSTED : Kind.OTHER;
        return Optional.of(new Refusal(kind, reason));
    }

    /** The JDK's host name check (sun.security.util.HostnameChecker), which runs only once the chain is trusted. */
    private static boolean otherHost(String message) {
        return message != null && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
    }

    /** What to tell the operator about {@code shownUrl}: that the server answered, why its certificate was refused, and the way out. */
    static String message(String shownUrl, Refusal refusal) {
        String answered = "seatguard: the server at " + shownUrl + " answered, but ";
        return switch (refusal.kind()) {
            case UNTRUSTED -> answered + "its TLS certificate is not trusted (" + refusal.reason() + ")."
                    + " If it is self-signed or signed by your own authority, give the JVM a trust store holding that authority (or the certificate"
                    + " itself; keytool -importcert makes one): -Djavax.net.ssl.trustStore=/path/to/store.p12 -Djavax.net.ssl.trustStorePassword=…,"
                    + " in SEATGUARD_JAVA_OPTS for ./seatguard (which then passes only those options), or before -jar for java -jar.";
            case OTHER_HOST -> answered + "its TLS certificate is for another name than the URL's (" + refusal.reason() + "):"
                    + " give --url (or SEATGUARD_URL) a host name the certificate holds, or give the server a certificate for this one.";
            case OUT_OF_DATE -> answered + "its TLS certificate is out of its dates, expired or not valid yet (" + refusal.reason() + "):"
                    + " renew it on the server, or set this machine's clock right if it is wrong.";
            case OTHER -> answered + "this JVM refused its TLS certificate (" + refusal.reason() + ").";
        };
    }
}
