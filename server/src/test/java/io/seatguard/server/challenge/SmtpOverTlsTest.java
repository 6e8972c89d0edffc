package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.seatguard.server.config.AddedAuthorities;
import io.seatguard.server.config.ConfigException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail over TLS, both ways a mail server speaks it (STARTTLS on 587, TLS from the start on 465), to a server
 * whose certificate a private authority signed, as a company's relay commonly has: trusted through
 * {@code --smtp-ca-file} without replacing the JVM's list, refused without it, and refused when the
 * certificate names another host even though the authority is trusted.
 */
class SmtpOverTlsTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    @TempDir
    static Path dir;
    private static TestAuthority forLoopback;
    private static TestAuthority forAnotherHost;
    private static List<X509Certificate> added;

    @BeforeAll
    static void makeCertificates() throws Exception {
        forLoopback = TestAuthority.make(Files.createDirectory(dir.resolve("loopback")), "ip:127.0.0.1");
        forAnotherHost = TestAuthority.make(Files.createDirectory(dir.resolve("other")), "dns:mail.other.example");
        added = AddedAuthorities.read(forLoopback.authorityPem(), "--smtp-ca-file");
    }

    @Test
    void startTlsWithAnAddedAuthorityCarriesTheSignInAndTheMailOverTlsOnly() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.startTls("mail.test", forLoopback.serverContext(), signIn())) {
            SmtpMailer mailer = new SmtpMailer(URI.create("smtp://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port()),
                    "codes@example.com", Optional.empty(), added, Duration.ofSeconds(10));
            mailer.send("ana@example.com", "Code", "Your code is 123456");
            assertThat(server.awaitConversationEnd(5_000)).isTrue();
            List<String> inClear = server.received().subList(0, server.received().size() - server.receivedOverTls().size());
            assertThat(inClear).as("before TLS: the greeting and STARTTLS only").hasSize(2).last().isEqualTo("STARTTLS");
            assertThat(server.receivedOverTls()).anyMatch(line -> line.startsWith("AUTH PLAIN ")
                            && new String(Base64.getDecoder().decode(line.substring("AUTH PLAIN ".length())), StandardCharsets.UTF_8).endsWith("\0" + PASSWORD))
                    .contains("RCPT TO:<ana@example.com>").anyMatch(line -> line.contains("123456"));
        }
    }

    @Test
    void tlsFromTheStartWithAnAddedAuthorityDeliversTheMail() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.implicitTls("mail.test", forLoopback.serverContext(), signIn())) {
            SmtpMailer mailer = new SmtpMailer(URI.create("smtps://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port()),
                    "codes@example.com", Optional.empty(), added, Duration.ofSeconds(10));
            mailer.send("ana@example.com", "Code", "Your code is 123456");
            assertThat(server.awaitConversationEnd(5_000)).isTrue();
            assertThat(server.receivedOverTls()).isEqualTo(server.received()).contains("RCPT TO:<ana@example.com>");
        }
    }

    /** Without the option the private authority is unknown to the JVM: nothing but STARTTLS is sent. */
    @Test
    void withoutTheAddedAuthorityTheServerIsNotTrustedAndNothingIsSent() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.startTls("mail.test", forLoopback.serverContext(), signIn())) {
            SmtpMailer mailer = new SmtpMailer(URI.create("smtp://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port()),
                    "codes@example.com", Duration.ofSeconds(10));
            assertThat(catchThrowable(() -> mailer.send("ana@example.com", "Code", "Your code is 123456"))).isNotNull();
            assertThat(server.awaitConversationEnd(5_000)).isTrue();
            assertThat(server.received()).noneMatch(line -> line.contains("123456") || line.toUpperCase(Locale.ROOT).startsWith("AUTH"));
        }
    }

    /** Trusting an authority does not trust whatever it signed for whatever host: the name is still checked. */
    @Test
    void aCertificateForAnotherHostIsRefusedThoughItsAuthorityIsAdded() throws Exception {
        List<X509Certificate> otherAuthority = AddedAuthorities.read(forAnotherHost.authorityPem(), "--smtp-ca-file");
        try (ScriptedSmtpServer server = ScriptedSmtpServer.implicitTls("mail.test", forAnotherHost.serverContext(), signIn())) {
            SmtpMailer mailer = new SmtpMailer(URI.create("smtps://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port()),
                    "codes@example.com", Optional.empty(), otherAuthority, Duration.ofSeconds(10));
            assertThat(catchThrowable(() -> mailer.send("ana@example.com", "Code", "Your code is 123456"))).isNotNull();
            server.awaitConversationEnd(5_000);
            assertThat(server.received()).noneMatch(line -> line.contains("123456") || line.toUpperCase(Locale.ROOT).startsWith("AUTH"));
        }
    }

    /**
     * The same over STARTTLS, which the mail library sets up apart from smtps' connection: only smtps' name
     * check was tested. The refusal is for the name, not for trust (the authority is added).
     */
    @Test
    void overStartTlsACertificateForAnotherHostIsRefusedForItsName() throws Exception {
        List<X509Certificate> otherAuthority = AddedAuthorities.read(forAnotherHost.authorityPem(), "--smtp-ca-file");
        try (ScriptedSmtpServer server = ScriptedSmtpServer.startTls("mail.test", forAnotherHost.serverContext(), signIn())) {
            SmtpMailer mailer = new SmtpMailer(URI.create("smtp://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port()),
                    "codes@example.com", Optional.empty(), otherAuthority, Duration.ofSeconds(10));
            Throwable refused = catchThrowable(() -> mailer.send("ana@example.com", "Code", "Your code is 123456"));
            assertThat(refused).isNotNull();
            assertThat(causes(refused)).as("refused for the name").anyMatch(message -> message.contains("identity") || message.contains("subject alternative"))
                    .noneMatch(message -> message.contains("PKIX path"));
            server.awaitConversationEnd(5_000);
            assertThat(server.received()).noneMatch(line -> line.contains("123456") || line.toUpperCase(Locale.ROOT).startsWith("AUTH"));
        }
    }

    private static List<String> causes(Throwable thrown) {
        List<String> messages = new java.util.ArrayList<>();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }

    @Test
    void aFileThatIsMissingOrHoldsNoCertificateIsRefusedNamingTheSetting() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        for (Path file : List.of(dir.resolve("missing.pem"), key, empty)) {
            assertThat(catchThrowable(() -> AddedAuthorities.read(file, "--smtp-ca-file (SEATGUARD_SMTP_CA_FILE)"))).as(file.toString())
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith("--smtp-ca-file (SEATGUARD_SMTP_CA_FILE) names " + file);
        }
        Path two = Files.writeString(dir.resolve("two.pem"), Files.readString(forLoopback.authorityPem()) + Files.readString(forAnotherHost.authorityPem()));
        assertThat(AddedAuthorities.read(two, "--smtp-ca-file")).as("a bundle of authorities").hasSize(2);
    }

    /**
     * A PEM as people hand it over: with Windows line ends, and a bundle with text around and between its
     * blocks (openssl x509 -text's dump, a separator line of dashes). The JDK's reader refused the separator.
     */
    @Test
    void aPemWithWindowsLineEndsOrTextAroundItsBlocksIsRead() throws Exception {
        String pem = Files.readString(forLoopback.authorityPem());
        Path crlf = Files.writeString(dir.resolve("crlf.pem"), pem.replace("\r\n", "\n").replace("\n", "\r\n"));
        assertThat(AddedAuthorities.read(crlf, "--smtp-ca-file")).isEqualTo(added);
        Path withText = Files.writeString(dir.resolve("text.pem"), "Certificate:\n    Data:\n        Version: 3 (0x2)\n" + pem
                + "\n----------------------------------------\n# the other authority\n" + Files.readString(forAnotherHost.authorityPem()) + "trailing words\n");
        assertThat(AddedAuthorities.read(withText, "--smtp-ca-file")).hasSize(2).startsWith(added.getFirst());
    }

    /** The docs say a relay's self-signed certificate, given itself, is trusted (STARTTLS, as Postfix offers it), its name still checked. */
    @Test
    void aSelfSignedCertificateGivenItselfIsTrusted() throws Exception {
        TestAuthority selfSigned = TestAuthority.selfSigned(Files.createDirectory(dir.resolve("self")), "ip:127.0.0.1");
        try (ScriptedSmtpServer server = ScriptedSmtpServer.startTls("mail.test", selfSigned.serverContext(), signIn())) {
            SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "codes@example.com", Optional.empty(),
                    AddedAuthorities.read(selfSigned.authorityPem(), "--smtp-ca-file"), Duration.ofSeconds(10));
            mailer.send("ana@example.com", "Code", "Your code is 123456");
            assertThat(server.awaitConversationEnd(5_000)).isTrue();
            assertThat(server.receivedOverTls()).contains("RCPT TO:<ana@example.com>").anyMatch(line -> line.contains("123456"));
        }
    }

    private static java.util.function.Function<String, Optional<String>> signIn() {
        return verb -> verb.equals("AUTH") ? Optional.of("235 2.7.0 Authentication successful") : Optional.empty();
    }
}
