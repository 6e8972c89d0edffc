package io.seatguard.server.challenge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority of a test's own and a server certificate it signed, made with the JDK's
 * keytool as an operator's company makes them with its tools: the authority's certificate in PEM (what
 * {@code --smtp-ca-file} is given) and the server's key store (what a mail server presents).
 */
public final class TestAuthority {
    public static final String PASSWORD = "changeit";

    private final Path authorityPem;
    private final Path serverKeyStore;
    private final Path trustStore;

    private final List<Certificate> serverChain;

    private TestAuthority(Path authorityPem, Path serverKeyStore, Path trustStore, List<Certificate> serverChain) {
        this.authorityPem = authorityPem;
        this.trustStore = trustStore;
        this.serverKeyStore = serverKeyStore;
        this.serverChain = serverChain;
    }

    /**
     * @param serverNames the server certificate's subject alternative names, keytool's form
     *     ({@code ip:127.0.0.1}, {@code dns:mail.example.com})
     */
    static TestAuthority make(Path dir, String serverNames) throws IOException, InterruptedException {
        return make(dir, serverNames, null);
    }

    /**
     * As {@link #make(Path, String)}, the server's certificate valid for two days from {@code serverStartDate}
     * (keytool's form: {@code -10d} makes one that has expired; null for now); {@link #trustStore()} holds the authority.
     */
    public static TestAuthority make(Path dir, String serverNames, String serverStartDate) throws IOException, InterruptedException {
        Path authority = dir.resolve("authority.p12");
        Path server = dir.resolve("server.p12");
        Path request = dir.resolve("server.csr");
        Path signed = dir.resolve("server.pem");
        Path authorityPem = dir.resolve("authority.pem");
        keytool("-genkeypair", "-alias", "authority", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Seatguard Test Authority",
                "-ext", "bc:c", "-validity", "2", "-keystore", authority.toString());
        keytool("-exportcert", "-rfc", "-alias", "authority", "-keystore", authority.toString(), "-file", authorityPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=mail server", "-validity", "2",
                "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", request.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "authority", "-keystore", authority.toString(), "-infile",
                request.toString(), "-outfile", signed.toString(), "-ext", "san=" + serverNames, "-ext", "eku=serverAuth", "-validity", "2"));
        if (serverStartDate != null) {
            gencert.addAll(List.of("-startdate", serverStartDate));
        }
        keytool(gencert.toArray(String[]::new));
        // The server's chain is put together here rather than by two more keytool runs (-importcert of the
        // authority, then of the signed certificate): each keytool is a JVM started, and the test ran 50 s.
        return new TestAuthority(authorityPem, server, authority, List.of(certificate(signed), certificate(authorityPem)));
    }

    /** A server with a self-signed certificate for {@code serverNames}, as Debian's Postfix ships; {@link #authorityPem()} is that certificate. */
    public static TestAuthority selfSigned(Path dir, String serverNames) throws IOException, InterruptedException {
        Path server = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=mail server", "-validity", "2",
                "-ext", "san=" + serverNames, "-ext", "eku=serverAuth", "-keystore", server.toString());
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", server.toString(), "-file", pem.toString());
        return new TestAuthority(pem, server, server, List.of(certificate(pem)));
    }

    /** A self-signed certificate named {@code name}, valid for one day from {@code startDate} (keytool's form: {@code -10d}, {@code +10d}). */
    static java.security.cert.X509Certificate selfSignedFrom(Path dir, String name, String startDate) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "bc:c",
                "-startdate", startDate, "-validity", "1", "-keystore", store.toString());
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-file", pem.toString());
        return (java.security.cert.X509Certificate) certificate(pem);
    }

    private static Certificate certificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key store holding the authority (made by {@link #make}), or the self-signed server (made by
     * {@link #selfSigned}): what a JVM given it as {@code javax.net.ssl.trustStore} trusts. Its password is
     * {@value #PASSWORD}.
     */
    public Path trustStore() {
        return trustStore;
    }

    /** The authority's certificate, PEM. */
    Path authorityPem() {
        return authorityPem;
    }

    /** TLS as the server signed by the authority speaks it. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        keys.setKeyEntry("server", keys.getKey("server", PASSWORD.toCharArray()), PASSWORD.toCharArray(), serverChain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        // keytool's own JVM as the test JVMs run (the parent POM's test.jvm.compiler): C2 compiling code that
        // runs once made each keytool 1.07 s of CPU on a slow machine, 0.64 s without it.
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
