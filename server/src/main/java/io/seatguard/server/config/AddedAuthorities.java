package io.seatguard.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Certificate authorities the operator adds, for one kind of outgoing TLS connection, to those the JVM
 * trusts. A mail relay on a company's own network commonly holds a certificate from the company's own
 * authority; the only way before was a JVM-wide trust store ({@code -Djavax.net.ssl.trustStore}), which
 * replaces the JVM's list for every connection Seatguard makes (webhooks, SMS, list downloads) and then has
 * to be kept in step with the JDK's by hand.
 */
public final class AddedAuthorities {
    private AddedAuthorities() {}

    /**
     * The certificates of a PEM file (one or more {@code -----BEGIN CERTIFICATE-----} blocks, as a company's
     * authority hands out, or DER). Refused at start when the file cannot be read or holds no certificate:
     * a typo found only at the first send would fail every code then.
     *
     * @param setting the flag and variable, for the message
     */
    public static List<X509Certificate> read(Path file, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new ConfigException(setting + " names " + file + ", which holds no certificate: give the authority's certificate in PEM"
                        + " (-----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        }
        catch (NoSuchFileException e) {
            throw new ConfigException(setting + " names " + file + ", which does not exist");
        }
        catch (IOException e) {
            throw new ConfigException(setting + " names " + file + ", which cannot be read: " + e.getMessage());
        }
        catch (CertificateException e) {
            throw new ConfigException(setting + " names " + file + ", which is not a certificate file: give the authority's certificate in PEM"
                    + " (-----BEGIN CERTIFICATE-----), not a key or a key store (" + e.getMessage() + ")");
        }
    }
}
