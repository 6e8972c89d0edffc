package io.seatguard.server.challenge;

import static io.seatguard.server.challenge.PluralCategory.FEW;
import static io.seatguard.server.challenge.PluralCategory.MANY;
import static io.seatguard.server.challenge.PluralCategory.ONE;
import static io.seatguard.server.challenge.PluralCategory.OTHER;
import static io.seatguard.server.challenge.PluralCategory.TWO;
import static io.seatguard.server.challenge.PluralCategory.ZERO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The table against CLDR's own integer examples ({@code @integer} in common/supplemental/plurals.xml,
 * ranges written out), plus the counts the pages really show: minutes up to 1440, devices up to 100.
 */
class PluralCategoryTest {
    private static final Locale AR = Locale.forLanguageTag("ar");
    private static final Locale ES = Locale.forLanguageTag("es");

    private static void assertCategories(Locale locale, Map<PluralCategory, long[]> examples) {
        examples.forEach((category, counts) -> {
            for (long count : counts) {
                assertThat(PluralCategory.of(locale, count)).as("%s %d", locale, count).isEqualTo(category);
            }
        });
    }

    private static long[] range(long from, long to) {
        return LongStream.rangeClosed(from, to).toArray();
    }

    private static long[] concat(long[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    @Test
    void arabicFollowsCldrExamples() {
        assertCategories(AR, Map.of(
                ZERO, new long[] {0},
                ONE, new long[] {1},
                TWO, new long[] {2},
                FEW, concat(range(3, 10), range(103, 110), new long[] {1003, 203, 210, 1410}),
                MANY, concat(range(11, 26), new long[] {99, 111, 199, 1011, 1440}),
                OTHER, concat(range(100, 102), range(200, 202), range(300, 302), range(400, 402), range(500, 502),
                        new long[] {600, 1000, 10000, 100000, 1000000})));
    }

    @Test
    void frenchFollowsCldrExamples() {
        assertCategories(Locale.FRENCH, Map.of(
                ONE, new long[] {0, 1},
                MANY, new long[] {1000000, 2000000, 6000000},
                OTHER, concat(range(2, 17), new long[] {100, 1000, 10000, 100000, 1000001})));
    }

    @Test
    void spanishFollowsCldrExamples() {
        assertCategories(ES, Map.of(
                ONE, new long[] {1},
                MANY, new long[] {1000000, 2000000, 6000000},
                OTHER, concat(new long[] {0}, range(2, 16), new long[] {100, 1000, 10000, 100000, 1000001})));
    }

    @Test
    void englishFollowsCldrExamples() {
        assertCategories(Locale.ENGLISH, Map.of(
                ONE, new long[] {1},
                OTHER, concat(new long[] {0}, range(2, 16), new long[] {100, 1000, 10000, 100000, 1000000})));
    }

    @Test
    void everyCategoryALanguageGivesIsOneItDistinguishes() {
        for (Locale locale : ChallengeTexts.SUPPORTED) {
            for (long count = 0; count <= 2_000_000; count += count < 2000 ? 1 : 1000) {
                assertThat(PluralCategory.distinguishedIn(locale)).as("%s %d", locale, count).contains(PluralCategory.of(locale, count));
            }
        }
    }
}
