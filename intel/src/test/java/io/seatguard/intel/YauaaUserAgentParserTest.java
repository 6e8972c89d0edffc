package io.seatguard.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.UserAgentInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class YauaaUserAgentParserTest {
    private final YauaaUserAgentParser parser = YauaaUserAgentParser.shared();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|COMPUTER|Chrome|131",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15|COMPUTER|Safari|17",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|COMPUTER|Firefox|128",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1|MOBILE|Safari|17",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36|MOBILE|Chrome|131",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1|TABLET|Safari|17",
            "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|TABLET|Chrome|131",
    })
    void readsDeviceClassBrowserAndItsMajorVersion(String userAgent, DeviceType type, String browser, int major) {
        UserAgentInfo info = parser.parse(userAgent);
        assertThat(info.type()).isEqualTo(type);
        assertThat(info.browser()).isEqualTo(browser);
        assertThat(info.browserMajor()).isEqualTo(major);
        assertThat(info.os()).isNotEqualTo("unknown");
    }

    /**
     * Android's default app agent carries the model alone, and the parser knows some tablets by theirs but
     * not others (the integration guide says so, and asks apps for a {@code Tablet;} token): a release of
     * Yauaa that learns SM-X700 shows here, and the guide's sentence then needs changing.
     */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Dalvik/2.1.0 (Linux; U; Android 13; SM-T870 Build/TP1A.220624.014)|TABLET",
            "Dalvik/2.1.0 (Linux; U; Android 14; Pixel Tablet Build/UQ1A.240205.002)|TABLET",
            "Dalvik/2.1.0 (Linux; U; Android 14; SM-X700 Build/UP1A.231005.007)|MOBILE",
    })
    void readsAndroidsDefaultAppAgentByItsModel(String userAgent, DeviceType type) {
        UserAgentInfo info = parser.parse(userAgent);
        assertThat(info.type()).isEqualTo(type);
        assertThat(info.os()).isEqualTo("Android");
    }

    /**
     * A browser inside an app: Android's and iOS's web views, and the apps' own browsers (Instagram's,
     * TikTok's), which the parser names after the app. An owner notice calls these "an app".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240205.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.210 Mobile Safari/537.36|Chrome Webview",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/450.0]|UIWebView",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 320.0.2.31.101 (iPhone15,2; iOS 17_4; en_US)|Instagram",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_33.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US|TikTok",
    })
    void readsABrowserInsideAnAppAsSuch(String userAgent, String browser) {
        UserAgentInfo info = parser.parse(userAgent);
        assertThat(info.inApp()).as(userAgent).isTrue();
        assertThat(info.browser()).isEqualTo(browser);
        assertThat(info.type()).isEqualTo(DeviceType.MOBILE);
    }

    /** Browsers are not in an app, nor are a native app's own agents, which the parser cannot tell (AppAgents reads them). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Acme/2.3 (iPhone; iOS 17.4)",
            "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UQ1A.240205.002)",
    })
    void readsBrowsersAndNativeAgentsAsNotInAnApp(String userAgent) {
        assertThat(parser.parse(userAgent).inApp()).as(userAgent).isFalse();
    }

    @Test
    void botsAndGarbageAreUnknownDevices() {
        assertThat(parser.parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").type()).isEqualTo(DeviceType.UNKNOWN);
        assertThat(parser.parse("curl/8.5.0").type()).isEqualTo(DeviceType.UNKNOWN);
        assertThat(parser.parse("")).isEqualTo(UserAgentInfo.UNKNOWN);
        assertThat(parser.parse(null)).isEqualTo(UserAgentInfo.UNKNOWN);
        assertThat(parser.parse("\u0000\uffff<script>").type()).isEqualTo(DeviceType.UNKNOWN);
        assertThat(parser.parse("\u0000\uffff<script>").browserMajor()).isEqualTo(UserAgentInfo.UNKNOWN_VERSION);
    }

    @Test
    void aVersionThatIsNotAPlainNumberIsUnknown() {
        assertThat(YauaaUserAgentParser.majorVersion("130")).isEqualTo(130);
        assertThat(YauaaUserAgentParser.majorVersion("??")).isEqualTo(UserAgentInfo.UNKNOWN_VERSION);
        assertThat(YauaaUserAgentParser.majorVersion("Unknown")).isEqualTo(UserAgentInfo.UNKNOWN_VERSION);
        assertThat(YauaaUserAgentParser.majorVersion("9999999999")).as("would overflow an int").isEqualTo(UserAgentInfo.UNKNOWN_VERSION);
        assertThat(YauaaUserAgentParser.majorVersion("")).isEqualTo(UserAgentInfo.UNKNOWN_VERSION);
        assertThat(YauaaUserAgentParser.majorVersion(null)).isEqualTo(UserAgentInfo.UNKNOWN_VERSION);
    }

    @Test
    void anOverlongHeaderIsReadWithoutFailing() {
        String huge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) " + "A".repeat(100_000);
        assertThat(parser.parse(huge)).isNotNull();
    }

    @Test
    void deviceClassesFoldIntoTheContractsFour() {
        assertThat(YauaaUserAgentParser.deviceType("Desktop")).isEqualTo(DeviceType.COMPUTER);
        assertThat(YauaaUserAgentParser.deviceType("eReader")).isEqualTo(DeviceType.TABLET);
        assertThat(YauaaUserAgentParser.deviceType("Watch")).isEqualTo(DeviceType.MOBILE);
        assertThat(YauaaUserAgentParser.deviceType("Robot")).isEqualTo(DeviceType.UNKNOWN);
        assertThat(YauaaUserAgentParser.deviceType("TV")).isEqualTo(DeviceType.UNKNOWN);
        assertThat(YauaaUserAgentParser.deviceType(null)).isEqualTo(DeviceType.UNKNOWN);
    }
}
