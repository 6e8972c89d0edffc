package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
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
        // One malformed element (as Chromium writes a language setting that already names a weight) leaves
        // the others in force: the whole header used to be dropped for it, and the page was English.
        assertThat(ChallengeTexts.choose(null, "es-ES,es;q=0.9;q=0.9")).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(ChallengeTexts.choose(null, "de;q=x,fr;q=0.4,ar;q=0.6")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(ChallengeTexts.choose(null, "fr;q=often")).isEqualTo(Locale.ENGLISH);
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

    /** Review finding: "Stream+ (EU) Ltd." read ".Stream+ (EU) Ltd" in Arabic text. */
    @Test
    void aNameIsIsolatedInRightToLeftPlainTextOnly() {
        assertThat(ChallengeTexts.of(Locale.forLanguageTag("ar")).isolate("Stream+ (EU) Ltd.")).isEqualTo("\u2068Stream+ (EU) Ltd.\u2069");
        for (Locale leftToRight : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
            assertThat(ChallengeTexts.of(leftToRight).isolate("Stream+ (EU) Ltd.")).as("an SMS in GSM-7 stays in GSM-7").isEqualTo("Stream+ (EU) Ltd.");
        }
    }

    @Test
    void htmlEscapesTheWordsAndSetsANameApartInABdi() {
        ChallengeTexts arabic = ChallengeTexts.of(Locale.forLanguageTag("ar"));
        assertThat(arabic.html("intro.verification", new ChallengeTexts.Isolated("Stream+ (EU) Ltd.")))
                .isEqualTo("لحماية <bdi>Stream+ (EU) Ltd.</bdi>، نحتاج إلى التأكد من أنك صاحب هذا الحساب.");
        ChallengeTexts english = ChallengeTexts.of(Locale.ENGLISH);
        assertThat(english.html("intro.device_limit", new ChallengeTexts.Isolated("<b>A&B</b>"), 2))
                .startsWith("Your <bdi>&lt;b&gt;A&amp;B&lt;/b&gt;</bdi> account can be used on 2 devices at most.");
        assertThat(english.html("notice.code_sent", "<m•••@example.com>", 1)).as("any other argument is escaped, in no <bdi>")
                .isEqualTo("We sent a code to &lt;m•••@example.com&gt;. It is valid for 1 minute.");
        // A name that holds what stands in for a name while the message is formatted is still itself, and
        // such characters in another argument stand in for nothing.
        assertThat(english.html("intro.device_limit", new ChallengeTexts.Isolated("x\uE0001\uE001"), 2)).startsWith("Your <bdi>x\uE0001\uE001</bdi> account");
        assertThat(english.html("notice.code_sent", "\uE0000\uE001", 1)).doesNotContain("<bdi>");
        assertThat(english.html("notice.expired")).isEqualTo(english.get("notice.expired"));
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

    private static String number(Locale locale, long count) {
        return NumberFormat.getInstance(locale).format(count);
    }

    /** CLDR's example numbers per language, in the code's lifetime (sms.body) and in the device limit (intro.device_limit). */
    @Test
    void minutesAndDevicesTakeTheirCldrFormAtEveryExampleNumber() {
        Locale ar = Locale.forLanguageTag("ar");
        ChallengeTexts arabic = ChallengeTexts.of(ar);
        Map<Long, String> arabicMinutes = new LinkedHashMap<>();
        arabicMinutes.put(0L, "0 دقيقة");
        // "A minute": the code's SMS is one part of 70 characters (SmsCodeFitsOneSegmentTest), "دقيقة واحدة" took 6 of them.
        arabicMinutes.put(1L, "دقيقة");
        arabicMinutes.put(2L, "دقيقتين");
        for (long few : new long[] {3, 10, 103, 105, 110, 203, 210, 1003}) {
            arabicMinutes.put(few, number(ar, few) + " دقائق");
        }
        for (long manyOrOther : new long[] {11, 26, 99, 100, 101, 102, 111, 199, 200, 1000, 1011, 1440}) {
            arabicMinutes.put(manyOrOther, number(ar, manyOrOther) + " دقيقة");
        }
        arabicMinutes.forEach((minutes, words) ->
                assertThat(arabic.get("sms.body", "Acme", "123456", minutes)).as("%d", minutes).endsWith("صالح لمدة " + words + "."));
        Map<Integer, String> arabicDevices = new LinkedHashMap<>();
        arabicDevices.put(0, "0 جهاز");
        arabicDevices.put(1, "جهاز واحد");
        arabicDevices.put(2, "جهازين");
        arabicDevices.put(3, "3 أجهزة");
        arabicDevices.put(10, "10 أجهزة");
        arabicDevices.put(11, "11 جهازًا");
        arabicDevices.put(99, "99 جهازًا");
        arabicDevices.put(100, "100 جهاز");
        arabicDevices.forEach((devices, words) ->
                assertThat(arabic.get("intro.device_limit", "Acme", devices)).as("%d", devices).contains("على " + words + " كحد أقصى"));

        ChallengeTexts french = ChallengeTexts.of(Locale.FRENCH);
        for (long one : new long[] {0, 1}) {
            assertThat(french.get("sms.body", "Acme", "123456", one)).endsWith("valable " + one + " minute.");
            assertThat(french.get("intro.device_limit", "Acme", one)).contains("sur " + one + " appareil au plus");
        }
        for (long other : new long[] {2, 17, 100, 1440}) {
            assertThat(french.get("sms.body", "Acme", "123456", other)).endsWith("valable " + number(Locale.FRENCH, other) + " minutes.");
        }
        assertThat(french.get("intro.device_limit", "Acme", 100)).contains("sur 100 appareils au plus");

        Locale es = Locale.forLanguageTag("es");
        ChallengeTexts spanish = ChallengeTexts.of(es);
        assertThat(spanish.get("sms.body", "Acme", "123456", 1)).endsWith("Caduca en 1 minuto.");
        assertThat(spanish.get("intro.device_limit", "Acme", 1)).contains("en 1 dispositivo como");
        for (long other : new long[] {0, 2, 16, 100, 1440}) {
            assertThat(spanish.get("sms.body", "Acme", "123456", other)).endsWith("Caduca en " + number(es, other) + " minutos.");
            assertThat(spanish.get("intro.device_limit", "Acme", other)).contains("en " + number(es, other) + " dispositivos como");
        }

        ChallengeTexts english = ChallengeTexts.of(Locale.ENGLISH);
        assertThat(english.get("sms.body", "Acme", "123456", 1)).endsWith("valid for 1 minute.");
        assertThat(english.get("intro.device_limit", "Acme", 1)).contains("on 1 device at most");
        for (long other : new long[] {0, 2, 16, 100, 1440}) {
            assertThat(english.get("sms.body", "Acme", "123456", other)).endsWith("valid for " + number(Locale.ENGLISH, other) + " minutes.");
            assertThat(english.get("intro.device_limit", "Acme", other)).contains("on " + number(Locale.ENGLISH, other) + " devices at most");
        }
    }

    /** A day of minutes (1,440: what a code of the longest challenge once said) and the largest device limit (100), in every message that counts them. */
    @Test
    void theLargestCountsRenderInEveryLanguage() {
        Map<Locale, String[]> words = Map.of(
                Locale.ENGLISH, new String[] {"1,440 minutes", "on 100 devices at most"},
                Locale.FRENCH, new String[] {"1\u202f440 minutes", "sur 100 appareils au plus"},
                Locale.forLanguageTag("es"), new String[] {"1.440 minutos", "en 100 dispositivos como"},
                Locale.forLanguageTag("ar"), new String[] {"1,440 دقيقة", "على 100 جهاز كحد"});
        words.forEach((locale, expected) -> {
            ChallengeTexts texts = ChallengeTexts.of(locale);
            for (String key : new String[] {"mail.body", "mail.body.signup", "sms.body"}) {
                assertThat(texts.get(key, "Acme", "123456", 1440L)).as("%s %s", locale, key).contains(expected[0]);
            }
            assertThat(texts.get("notice.code_sent", "x", 1440L)).as("%s", locale).contains(expected[0]);
            for (String key : new String[] {"intro.device_limit", "intro.device_limit_unsigned"}) {
                assertThat(texts.get(key, "Acme", 100)).as("%s %s", locale, key).contains(expected[1]);
            }
        });
    }

    @Test
    void secondsToWaitTakeTheirPluralForm() {
        assertThat(ChallengeTexts.of(Locale.ENGLISH).get("notice.wait", 1)).isEqualTo("Please wait 1 second before asking for a new code.");
        assertThat(ChallengeTexts.of(Locale.ENGLISH).get("notice.wait", 30)).isEqualTo("Please wait 30 seconds before asking for a new code.");
        assertThat(ChallengeTexts.of(Locale.FRENCH).get("notice.wait", 1)).contains("patienter 1 seconde avant");
        assertThat(ChallengeTexts.of(Locale.forLanguageTag("es")).get("notice.wait", 1)).contains("Espera 1 segundo antes");
        ChallengeTexts arabic = ChallengeTexts.of(Locale.forLanguageTag("ar"));
        assertThat(arabic.get("notice.wait", 2)).contains("الانتظار ثانيتين قبل");
        assertThat(arabic.get("notice.wait", 5)).contains("الانتظار 5 ثوانٍ قبل");
        assertThat(arabic.get("notice.wait", 45)).contains("الانتظار 45 ثانية قبل");
    }

    /**
     * A translation counts what English counts, in the same argument, and names only its own language's
     * categories (a misspelled "fwe" would silently fall back to other); Arabic names all six.
     */
    @Test
    void everyTranslationHasThePluralBlocksEnglishHas() throws IOException {
        Properties english = bundle("");
        Map<String, Locale> languages = Map.of("", Locale.ENGLISH, "_fr", Locale.FRENCH, "_es", Locale.forLanguageTag("es"), "_ar", Locale.forLanguageTag("ar"));
        languages.forEach((suffix, locale) -> {
            Properties translation;
            try {
                translation = bundle(suffix);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> keywords = PluralCategory.distinguishedIn(locale).stream().map(PluralCategory::keyword).collect(Collectors.toSet());
            for (String key : english.stringPropertyNames()) {
                List<PluralPatterns.Block> blocks = PluralPatterns.blocks(translation.getProperty(key));
                assertThat(blocks.stream().map(PluralPatterns.Block::argument).toList()).as("%s %s", suffix, key)
                        .isEqualTo(PluralPatterns.blocks(english.getProperty(key)).stream().map(PluralPatterns.Block::argument).toList());
                for (PluralPatterns.Block block : blocks) {
                    assertThat(keywords).as("%s %s", suffix, key).containsAll(block.branches().keySet());
                    if (suffix.equals("_ar")) {
                        assertThat(block.branches().keySet()).as(key).isEqualTo(keywords);
                    }
                }
            }
        });
        assertThat(PluralPatterns.blocks(english.getProperty("sms.body"))).hasSize(1);
    }

    @Test
    void masksDestinations() {
        assertThat(MaskedRecipients.email("mia@example.com")).isEqualTo("m•••@example.com");
        assertThat(MaskedRecipients.email("nonsense")).isEqualTo("•••");
        assertThat(MaskedRecipients.phone("+33612345678")).isEqualTo("+33•••••••78");
    }
}
