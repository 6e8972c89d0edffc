package io.seatguard.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.ids.IdGenerator;
import java.time.InstantSource;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeysTest {
    private final IdGenerator ids = new IdGenerator(InstantSource.system(), new Random(1));

    @Test
    void aSecretKeyMatchesOnlyItsOwnHash() {
        String key = Keys.newSecretKey(ids);
        StoredSecret stored = Keys.store(key);
        assertThat(Keys.looksLikeSecretKey(key)).isTrue();
        assertThat(Keys.matches(key, stored.hash())).isTrue();
        assertThat(Keys.matches(key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A"), stored.hash())).isFalse();
        assertThat(stored.hash()).doesNotContain(key.substring(3));
        assertThat(stored.lookup()).isEqualTo(key.substring(3, 15));
    }

    @Test
    void malformedKeysAreRecognisedBeforeAnyLookup() {
        assertThat(Keys.looksLikeSecretKey(null)).isFalse();
        assertThat(Keys.looksLikeSecretKey("sk_short")).isFalse();
        assertThat(Keys.looksLikeSecretKey("pk_" + "a".repeat(40))).isFalse();
        assertThat(Keys.looksLikeSecretKey("sk_" + "a".repeat(39) + "!")).isFalse();
    }
}
