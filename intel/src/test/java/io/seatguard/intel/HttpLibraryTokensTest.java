package io.seatguard.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.UserAgentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A native app's agent read as the app wrote it, without its HTTP library's token; the libraries' bare defaults stay unknown. */
class HttpLibraryTokensTest {
    private final YauaaUserAgentParser parser = YauaaUserAgentParser.shared();

    @ParameterizedTest(name = "{1} {2}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Acme/3.1.0 (Linux; Android 14; Pixel 8) okhttp/4.12.0|MOBILE|Android|Acme",
            "Acme/3.1.0 (Linux; Android 14; Pixel 8) OkHttp/4.12.0|MOBILE|Android|Acme",
            "Acme/3.1.0 (Linux; Android 14; Pixel 8) Retrofit/2.9 okhttp/4.12.0|MOBILE|Android|Acme",
            "Acme/3.1.0 (Linux; Android 14; Tablet; SM-X700) okhttp/4.12.0|TABLET|Android|Acme",
            "okhttp/4.12.0 Acme/3.1.0 (Linux; Android 14; Pixel 8)|MOBILE|Android|Acme",
            "Acme/1.0 (Linux; Android 14; Pixel 8) Dart/3.3 (dart:io)|MOBILE|Android|Acme",
            "Acme/1.0 (iPhone; iOS 17.4) Dart/3.3 (dart:io)|MOBILE|iOS|Acme",
            "Acme/1.0 (iPad; iPadOS 17.4) Dart/3.3|TABLET|iOS|Acme",
    })
    void anAppsAgentIsReadWithoutItsLibrarysToken(String agent, DeviceType type, String os, String browser) {
        UserAgentInfo info = parser.parse(agent);
        assertThat(info.type()).isEqualTo(type);
        assertThat(info.os()).isEqualTo(os);
        assertThat(info.browser()).isEqualTo(browser);
    }

    /** Nothing but a library's token names no platform: an unknown device, as before. */
    @ParameterizedTest
    @ValueSource(strings = {"okhttp/4.12.0", "OkHttp/3.14.9", "Dart/3.3 (dart:io)", "Dart/2.19", "  okhttp/4.12.0  "})
    void aLibrarysOwnDefaultStaysUnknown(String agent) {
        assertThat(HttpLibraryTokens.withoutLibraries(agent)).isEqualTo(agent);
        assertThat(parser.parse(agent).type()).isEqualTo(DeviceType.UNKNOWN);
    }

    /** Words that only look like the tokens, and every browser's agent, are left as they are. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Acme/1.0 (Linux; Android 14; Pixel 8) MyOkhttp/1.0", "Acme/1.0 (Linux; Android 14; Pixel 8) Smart/2.0", "Dartmouth/1.0 (Linux; Android 14)"})
    void lookAlikesAreLeftAsTheyAre(String agent) {
        assertThat(HttpLibraryTokens.withoutLibraries(agent)).isEqualTo(agent);
    }

    @Test
    void everyTokenOfAHeaderGoesAndTheSpacesWithThem() {
        assertThat(HttpLibraryTokens.withoutLibraries("Acme/1.0 okhttp/4.12.0 (Linux; Android 14)  Dart/3.3 (dart:io)")).isEqualTo("Acme/1.0 (Linux; Android 14)");
    }
}
