package io.seatguard.server.challenge;

import io.seatguard.server.config.ChallengeSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Mail and SMS options given without the URL they belong to. Each was taken and never used: a team that set
 * {@code SEATGUARD_SMTP_CA_FILE} but misspelt the URL's variable sent no mail and had no hint. Other options
 * that only some setups use ({@code --sqlite-synchronous} with PostgreSQL, {@code --data-dir} with
 * {@code --database-url}) are not refused either, so these are a warning at start, not a refusal: the
 * development outbox still takes the mail.
 */
final class OptionsWithoutTheirUrl {
    private OptionsWithoutTheirUrl() {
    }

    /** One sentence for each option set without its URL, naming both; none when every one has its URL. */
    static List<String> in(ChallengeSettings settings) {
        List<String> warnings = new ArrayList<>();
        if (settings.smtpUrl().isEmpty()) {
            if (!settings.smtpAuthorities().isEmpty()) {
                warnings.add(unused("--smtp-ca-file (SEATGUARD_SMTP_CA_FILE)", "--smtp-url (SEATGUARD_SMTP_URL)", "email", settings.production()));
            }
            if (settings.smtpHeloName().isPresent()) {
                warnings.add(unused("--smtp-helo-name (SEATGUARD_SMTP_HELO_NAME)", "--smtp-url (SEATGUARD_SMTP_URL)", "email", settings.production()));
            }
        }
        if (settings.smsUrl().isEmpty() && settings.smsToken().isPresent()) {
            warnings.add(unused("--sms-token (SEATGUARD_SMS_TOKEN)", "--sms-url (SEATGUARD_SMS_URL)", "SMS", settings.production()));
        }
        return warnings;
    }

    private static String unused(String option, String url, String channel, boolean production) {
        return option + " is set but " + url + " is not, so it is unused and " + channel
                + (production ? " has no channel" : " goes to the development outbox") + ": set " + url + ", or drop " + option;
    }
}
