package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ChallengeTextsTest {
    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChallengeTextsTest.class.getClassLoader().getResourceAsStream("challenge/messages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties english = bundle("");
        for (String suffix : new String[] {"_fr", "_es", "_ar"}) {
            assertThat(bundle(suffix).stringPropertyNames()).as(suffix).isEqualTo(english.stringPropertyNames());
        }
    }

    @Test
    void choosesTheAskedLanguageThenTheBrowsersThenEnglish() {
        assertThat(ChallengeTexts.choose("ar", "fr")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(ChallengeTexts.choose(null, "de-DE,es;q=0.8,fr;q=0.5")).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(ChallengeTexts.choose("xx", "de")).isEqualTo(Locale.ENGLISH);
        assertThat(ChallengeTexts.choose(null, ";;;garbage")).isEqualTo(Locale.ENGLISH);
        assertThat(ChallengeTexts.of(Locale.forLanguageTag("ar")).get("dir")).isEqualTo("rtl");
        assertThat(ChallengeTexts.of(Locale.GERMAN).get("lang")).isEqualTo("en");
    }

    @Test
    void formatsArgumentsAndKeepsLeadingSpaces() {
        ChallengeTexts english = ChallengeTexts.of(Locale.ENGLISH);
        assertThat(english.get("owner.from", "FR")).isEqualTo(" from FR");
        assertThat(english.get("sms.body", "Acme", "123456", 10)).isEqualTo("123456 is your Acme verification code. It is valid for 10 minutes.");
        assertThat(ChallengeTexts.of(Locale.FRENCH).get("title.verification")).isEqualTo("Confirmez que c’est bien vous");
    }

    /** Found on the pages: "1 devices", "1 minutes", and the same in every language. */
    @Test
    void countsTakeTheirLanguagesPluralForm() {
        ChallengeTexts english = ChallengeTexts.of(Locale.ENGLISH);
        assertThat(english.get("intro.device_limit", "Acme", 1)).contains("on 1 device at most");
        assertThat(english.get("intro.device_limit", "Acme", 3)).contains("on 3 devices at most");
        assertThat(english.get("notice.code_sent", "m•••@example.com", 1)).endsWith("valid for 1 minute.");
        assertThat(english.get("sms.body", "Acme", "123456", 1)).endsWith("valid for 1 minute.");
        assertThat(english.get("mail.body", "Acme", "123456", 10)).contains("valid for 10 minutes.");
        assertThat(ChallengeTexts.of(Locale.FRENCH).get("intro.device_limit", "Acme", 1)).contains("sur 1 appareil au plus");
        assertThat(ChallengeTexts.of(Locale.FRENCH).get("notice.code_sent", "x", 2)).contains("valable 2 minutes");
        assertThat(ChallengeTexts.of(Locale.forLanguageTag("es")).get("intro.device_limit", "Acme", 1)).contains("en 1 dispositivo como");
        ChallengeTexts arabic = ChallengeTexts.of(Locale.forLanguageTag("ar"));
        assertThat(arabic.get("intro.device_limit", "Acme", 1)).contains("جهاز واحد");
        assertThat(arabic.get("intro.device_limit", "Acme", 2)).contains("جهازين");
        assertThat(arabic.get("sms.body", "Acme", "123456", 10)).contains("دقائق");
    }

    @Test
    void masksDestinations() {
        assertThat(ChallengePages.mask("mia@example.com")).isEqualTo("m•••@example.com");
        assertThat(ChallengePages.mask("nonsense")).isEqualTo("•••");
        assertThat(ChallengePages.maskPhone("+33612345678")).isEqualTo("+33•••••••78");
    }
}
