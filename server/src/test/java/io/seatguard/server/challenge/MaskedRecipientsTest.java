package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedRecipientsTest {
    @Test
    void anEmailKeepsItsFirstCharacterAndDomain() {
        assertThat(MaskedRecipients.email("mia@example.com")).isEqualTo("m•••@example.com");
        assertThat(MaskedRecipients.email("@example.com")).isEqualTo("•••");
    }

    /** Review finding: the first UTF-16 unit was kept, half of a surrogate pair, shown as "?•••@example.com". */
    @Test
    void anEmailStartingOutsideTheBasicPlaneKeepsItsWholeFirstCharacter() {
        assertThat(MaskedRecipients.email("😀x@example.com")).isEqualTo("😀•••@example.com");
        assertThat(MaskedRecipients.email("𝒜lice@example.com")).isEqualTo("𝒜•••@example.com");
    }
}
