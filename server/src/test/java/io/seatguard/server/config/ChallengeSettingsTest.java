package io.seatguard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.challenge.ChallengeRules;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengeSettingsTest {
    /** Found in review: the record's own text form printed the SMTP and SMS passwords, the SMS token and the code key. */
    @Test
    void itsTextFormNamesTheProvidersWithoutTheirSecrets() {
        ChallengeSettings settings = new ChallengeSettings(Optional.of(URI.create("smtp://mailer:smtp-pass-1@mail.example.com:587")),
                "Acme <no-reply@acme.example>", Optional.of(URI.create("https://api.sms.example/send?key=query-key-2")),
                Optional.of("sms-token-3"), true, ChallengeRules.DEFAULTS, Optional.of("k".repeat(31) + "4"));

        String text = settings.toString();

        assertThat(text).contains("smtp://mail.example.com:587", "https://api.sms.example", "smsToken=(set)", "codeKey=(set)");
        assertThat(text).doesNotContain("smtp-pass-1", "mailer", "query-key-2", "sms-token-3", "k".repeat(31) + "4");
    }
}
