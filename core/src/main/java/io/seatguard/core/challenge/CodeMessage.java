package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;

/**
 * A verification code to deliver: the adapter for its channel words and sends it.
 *
 * @param channel {@code email} or {@code sms}
 * @param to the address or E.164 number
 * @param appName the product the person uses, named in the message
 * @param locale the language of the page the person asked from
 * @param signup whether the person is creating an account (the words differ: no "someone may know your password")
 */
public record CodeMessage(String channel, String to, String code, String appName, Duration validFor, Locale locale, boolean signup) {
    public CodeMessage {
        requireNonNull(channel, "channel is null");
        requireNonNull(to, "to is null");
        requireNonNull(code, "code is null");
        requireNonNull(appName, "appName is null");
        requireNonNull(validFor, "validFor is null");
        requireNonNull(locale, "locale is null");
    }
}
