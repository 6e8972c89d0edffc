package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The signed identity a backend renders into its pages, and how an evaluation reports it. */
class IdentitySignatureTest {
    private static final String SECRET = "ids_0123456789abcdefghijABCDEFGHIJ0123456789x";

    /** Known answers computed independently (Python's hmac), so a backend in any language can check its own code against them. */
    @Test
    void signsUserEmailAndPhoneSeparatedByNulAsDocumented() {
        assertThat(IdentitySignature.sign(SECRET, "mia", "mia@example.com", null))
                .isEqualTo("6d8d3ec796119c9bdf31771d19ed01d13dac22f0778f7b93c055ed077544d696");
        assertThat(IdentitySignature.sign(SECRET, null, "new@example.com", "+33612345678"))
                .isEqualTo("fadffa46918ecdd0242c6e349cafb567b211be6218907376aa775e00b134be19");
        assertThat(IdentitySignature.sign(SECRET, "zoë", null, null)).as("UTF-8").isEqualTo("fcc1655bf821d9c7fb59087683ed7a25f085da6c5c99b2f27de6d59b6b674a29");
    }

    /** Known answer (Python's hmac) of "mia\0mia@example.com\0\01767225600": the expiry's seconds after a fourth NUL. */
    @Test
    void signsAnExpiryAsItsWholeSecondsAfterTheIdentity() {
        assertThat(IdentitySignature.sign(SECRET, "mia", "mia@example.com", null, java.time.Instant.ofEpochSecond(1_767_225_600L, 999_000_000)))
                .isEqualTo("e44639623efc6a6d584d6b825dba8077a2d6196fafab601573bdb423526193c2");
        assertThatThrownBy(() -> IdentitySignature.sign(SECRET, "mia", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anythingButAnIdentitySecretIsRefused() {
        assertThatThrownBy(() -> IdentitySignature.sign("sk_notTheIdentitySecret", "mia", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentitySignature.sign(null, "mia", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEvaluationSaysHowItsIdentityWasEstablished() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String base = "{\"id\":\"e1\",\"action\":\"access\",\"verdict\":\"allow\",\"created_at\":\"2026-01-01T00:00:00Z\",\"user\":{\"id\":\"mia\"}";
        assertThat(Evaluation.of(json.readTree(base + ",\"identity\":\"signed\"}")).identity()).contains("signed");
        assertThat(Evaluation.of(json.readTree(base + ",\"identity\":null}")).identity()).as("recorded before it was kept").isEmpty();
    }
}
