package io.seatguard.server.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificate authorities the operator adds, for one kind of outgoing TLS connection, to those the JVM
 * trusts. A mail relay on a company's own network commonly holds a certificate from the company's own
 * authority; the only way before was a JVM-wide trust store ({@code -Djavax.net.ssl.trustStore}), which
 * replaces the JVM's list for every connection Seatguard makes (webhooks, SMS, list downloads) and then has
 * to be kept in step with the JDK's by hand.
 */
public final class AddedAuthorities {
    /**
     * One PEM certificate block; what lies outside the blocks (openssl x509 -text's dump, a bundle's comments
     * and separators) is not read. The JDK's own reader skips most such text, but took a separator line of
     * five dashes or more between two blocks for a broken header and refused the whole file (found in review).
     */
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN (?:X509 )?CERTIFICATE-----(.*?)-----END (?:X509 )?CERTIFICATE-----",
            Pattern.DOTALL);

    private AddedAuthorities() {}

    /**
     * The certificates of a PEM file (one or more {@code -----BEGIN CERTIFICATE-----} blocks, as a company's
     * authority hands out, with any text around them and either line end), or of a DER file. Refused at
     * start when the file cannot be read or holds no certificate: a typo found only at the first send would
     * fail every code then.
     *
     * @param setting the flag and variable, for the message
     */
    public static List<X509Certificate> read(Path file, String setting) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<X509Certificate> certificates = certificates(bytes);
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
        catch (CertificateException | IllegalArgumentException e) {
            throw new ConfigException(setting + " names " + file + ", which is not a certificate file: give the authority's certificate in PEM"
                    + " (-----BEGIN CERTIFICATE-----), not a key or a key store (" + e.getMessage() + ")");
        }
    }

    private static List<X509Certificate> certificates(byte[] bytes) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        // PEM is ASCII; ISO-8859-1 maps each byte to one char, so no byte of a DER file is lost to the test.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN")) {
            return factory.generateCertificates(new ByteArrayInputStream(bytes)).stream().map(X509Certificate.class::cast).toList();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            // The MIME decoder skips the line ends (\r\n or \n) and any other character outside base64.
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }
}
