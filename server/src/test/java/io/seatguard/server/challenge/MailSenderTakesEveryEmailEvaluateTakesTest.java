package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.EmailAddresses;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Evaluate's email rule lives in core ({@link EmailAddresses}), which has no mail library: every address
 * it takes must be one the mail sender (Jakarta Mail's strict parser, as {@link SmtpMailer} uses it)
 * takes as written, or a challenge would fail at the send for an address evaluate accepted.
 */
class MailSenderTakesEveryEmailEvaluateTakesTest {
    @Property(tries = 5_000)
    void everyAddressTheRuleTakesTheMailSenderTakesAsWritten(@ForAll("addresses") String address) throws AddressException {
        // Evaluate keeps the address with its domain in A-labels: that is what reaches the sender.
        String kept = EmailAddresses.withAsciiDomain(address);
        if (EmailAddresses.isMailbox(kept)) {
            InternetAddress parsed = new InternetAddress(kept, true);
            assertThat(parsed.getAddress()).isEqualTo(kept);
            assertThat(parsed.getPersonal()).isNull();
            assertThat(parsed.isGroup()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> addresses() {
        // The characters the rule weighs, ASCII and not, and the ones the sender treats as special.
        Arbitrary<String> local = Arbitraries.strings()
                .withChars("aZ09.!#$%&'*+-/=?^_`{|}~\"(),:;<>@[\\] \u00e9\u00fc\u7528\u00a0\u200b\u0085")
                .withCharRange('\u0000', '\u007f')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> domain = Arbitraries.of("example.com", "mail.example.co.uk", "a-b.example", "x.io", "b", "ex\u00e4mple.com");
        return net.jqwik.api.Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
    }
}
