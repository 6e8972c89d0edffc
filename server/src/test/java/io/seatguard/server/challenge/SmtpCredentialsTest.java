package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.PasswordAuthentication;
import org.junit.jupiter.api.Test;

/**
 * Review finding: the user and password of {@code --smtp-url} were form-decoded, so the {@code +} of a
 * password (Amazon SES's are base64) reached the mail server as a space and every sign-in was refused.
 * In a URL's user info (RFC 3986 §3.2.1) only percent escapes are decoded.
 */
class SmtpCredentialsTest {
    @Test
    void aPlusInThePasswordIsAPlusAndPercentEscapesAreDecoded() {
        PasswordAuthentication credentials = SmtpMailer.credentials("codes%40example.com:BKq+3zV%2Fa%3Ab+");
        assertThat(credentials.getUserName()).isEqualTo("codes@example.com");
        assertThat(credentials.getPassword()).isEqualTo("BKq+3zV/a:b+");
    }

    @Test
    void aUserWithoutAPasswordSignsInWithAnEmptyOne() {
        PasswordAuthentication credentials = SmtpMailer.credentials("relay+codes");
        assertThat(credentials.getUserName()).isEqualTo("relay+codes");
        assertThat(credentials.getPassword()).isEmpty();
    }
}
