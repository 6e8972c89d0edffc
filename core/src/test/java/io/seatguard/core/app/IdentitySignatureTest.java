package io.seatguard.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.ids.IdGenerator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The signature a backend makes of the identity a browser evaluation names, and how Seatguard checks it. */
class IdentitySignatureTest {
    private static final String SECRET = "ids_0123456789abcdefghijABCDEFGHIJ0123456789x";
    private static final String OTHER_APPS_SECRET = "ids_9876543210abcdefghijABCDEFGHIJ0123456789y";
    private static final Optional<String> MIA = Optional.of("mia");
    private static final Optional<String> MIA_EMAIL = Optional.of("mia@example.com");

    @Test
    void signsAsTheDocumentedFormulaSays() {
        // Computed independently: HMAC-SHA256(key = the secret's text, "mia\0mia@example.com\0"), hex (the Java SDK's test has the same vector).
        assertThat(IdentitySignature.sign(SECRET, MIA, MIA_EMAIL, Optional.empty()))
                .isEqualTo("6d8d3ec796119c9bdf31771d19ed01d13dac22f0778f7b93c055ed077544d696");
    }

    /** The Java SDK's test has the same vector; an expiry is signed only with it, and the plain form does not verify as one. */
    @Test
    void anExpiryIsSignedAfterAFourthNul() {
        String signed = IdentitySignature.sign(SECRET, MIA, MIA_EMAIL, Optional.empty(), Optional.of(1_767_225_600L));
        assertThat(signed).isEqualTo("e44639623efc6a6d584d6b825dba8077a2d6196fafab601573bdb423526193c2");
        assertThat(IdentitySignature.verifies(signed, List.of(SECRET), MIA, MIA_EMAIL, Optional.empty(), Optional.of(1_767_225_600L))).isTrue();
        assertThat(IdentitySignature.verifies(signed, List.of(SECRET), MIA, MIA_EMAIL, Optional.empty(), Optional.of(1_767_225_601L))).isFalse();
        assertThat(IdentitySignature.verifies(signed, List.of(SECRET), MIA, MIA_EMAIL, Optional.empty())).isFalse();
        String plain = IdentitySignature.sign(SECRET, MIA, MIA_EMAIL, Optional.empty());
        assertThat(IdentitySignature.verifies(plain, List.of(SECRET), MIA, MIA_EMAIL, Optional.empty(), Optional.of(1_767_225_600L))).isFalse();
    }

    @Test
    void aSignatureVerifiesOnlyForItsOwnIdentityUnderAnAcceptedSecret() {
        String signature = IdentitySignature.sign(SECRET, MIA, MIA_EMAIL, Optional.empty());
        assertThat(IdentitySignature.verifies(signature, List.of(SECRET), MIA, MIA_EMAIL, Optional.empty())).isTrue();
        assertThat(IdentitySignature.verifies(signature.toUpperCase(), List.of(SECRET), MIA, MIA_EMAIL, Optional.empty())).as("either case").isTrue();
        assertThat(IdentitySignature.verifies(signature, List.of(OTHER_APPS_SECRET, SECRET), MIA, MIA_EMAIL, Optional.empty())).isTrue();

        assertThat(IdentitySignature.verifies(signature, List.of(OTHER_APPS_SECRET), MIA, MIA_EMAIL, Optional.empty())).as("another app's secret").isFalse();
        assertThat(IdentitySignature.verifies(signature, List.of(), MIA, MIA_EMAIL, Optional.empty())).as("no secret").isFalse();
        assertThat(IdentitySignature.verifies(signature, List.of(SECRET), MIA, Optional.of("attacker@example.com"), Optional.empty()))
                .as("a tampered email").isFalse();
        assertThat(IdentitySignature.verifies(signature, List.of(SECRET), Optional.of("ned"), MIA_EMAIL, Optional.empty())).as("another user").isFalse();
        assertThat(IdentitySignature.verifies(signature, List.of(SECRET), MIA, MIA_EMAIL, Optional.of("+33612345678"))).as("a phone added").isFalse();
        assertThat(IdentitySignature.verifies("zz" + signature.substring(2), List.of(SECRET), MIA, MIA_EMAIL, Optional.empty())).as("not hex").isFalse();
        assertThat(IdentitySignature.verifies(signature.substring(2), List.of(SECRET), MIA, MIA_EMAIL, Optional.empty())).as("too short").isFalse();
    }

    /** The separator keeps the fields apart: moving text from one field to the next changes the signature. */
    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        String signature = IdentitySignature.sign(SECRET, Optional.of("mia"), Optional.of("x@example.com"), Optional.empty());
        assertThat(IdentitySignature.verifies(signature, List.of(SECRET), Optional.empty(), Optional.of("x@example.com"), Optional.empty())).isFalse();
        assertThat(IdentitySignature.sign(SECRET, Optional.of("a"), Optional.empty(), Optional.empty()))
                .isNotEqualTo(IdentitySignature.sign(SECRET, Optional.empty(), Optional.of("a"), Optional.empty()));
    }

    @Test
    void newSecretsCarryThePrefixAnd256RandomBits() {
        IdGenerator ids = new IdGenerator(InstantSource.fixed(Instant.EPOCH), new Random(3));
        String secret = IdentitySignature.newSecret(ids);
        assertThat(secret).startsWith("ids_").hasSize(4 + 43).matches("ids_[0-9A-Za-z]{43}");
        assertThat(IdentitySignature.newSecret(ids)).isNotEqualTo(secret);
    }
}
