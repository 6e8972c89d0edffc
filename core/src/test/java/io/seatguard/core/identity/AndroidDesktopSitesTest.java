package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AndroidDesktopSitesTest {
    /** Chrome on Android asking for the desktop site, as Yauaa reads its user agent ({@code X11; Linux x86_64}). */
    private static final UserAgentInfo DESKTOP_LINUX_CHROME = new UserAgentInfo(DeviceType.COMPUTER, "Chrome", "Linux", 156);

    private static DeviceSignals components(Object... pairs) {
        Map<String, Object> components = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            components.put((String) pairs[i], pairs[i + 1]);
        }
        return new DeviceSignals(Optional.empty(), new TreeMap<>(components), List.of(), Optional.empty());
    }

    @Test
    void anArmLinuxWithATouchScreenSendingDesktopLinuxsAgentIsATablet() {
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 5L, "platform", "Linux armv81", "screen", "1280x800")))
                .as("Android's system, not the agent's desktop Linux").isEqualTo(new UserAgentInfo(DeviceType.TABLET, "Chrome", "Android", 156));
        for (String platform : List.of("Linux armv8l", "Linux aarch64", "Linux armv7l", "linux ARMV81")) {
            assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 10.0, "platform", platform)).type()).as(platform)
                    .isEqualTo(DeviceType.TABLET);
        }
    }

    /** Android's line between a phone's layout and a tablet's: a shorter side of 600 CSS pixels. */
    @Test
    void aPhoneAskingForTheDesktopSiteIsAPhone() {
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 5L, "platform", "Linux armv81", "screen", "915x412")).type())
                .isEqualTo(DeviceType.MOBILE);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 5L, "platform", "Linux armv81", "screen", "960x599")).type())
                .isEqualTo(DeviceType.MOBILE);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 5L, "platform", "Linux armv81", "screen", "960x600")).type())
                .isEqualTo(DeviceType.TABLET);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 5L, "platform", "Linux armv81", "screen", "wide")).type())
                .as("an unread screen").isEqualTo(DeviceType.TABLET);
    }

    @Test
    void aLinuxComputerStaysAComputer() {
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 10L, "platform", "Linux x86_64")))
                .as("a touch laptop").isEqualTo(DESKTOP_LINUX_CHROME);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 0L, "platform", "Linux aarch64")))
                .as("an ARM desktop without a touch screen").isEqualTo(DESKTOP_LINUX_CHROME);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 1L, "platform", "Linux armv81"))).isEqualTo(DESKTOP_LINUX_CHROME);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components("touch_points", 5L))).as("no platform").isEqualTo(DESKTOP_LINUX_CHROME);
        assertThat(AndroidDesktopSites.corrected(DESKTOP_LINUX_CHROME, components())).as("server mode sends none").isEqualTo(DESKTOP_LINUX_CHROME);
    }

    @Test
    void otherSystemsAndTypesAreLeftAsTheyAre() {
        UserAgentInfo chromeOs = new UserAgentInfo(DeviceType.COMPUTER, "Chrome", "Chrome OS", 156);
        UserAgentInfo windows = new UserAgentInfo(DeviceType.COMPUTER, "Chrome", "Windows NT", 156);
        UserAgentInfo androidPhone = new UserAgentInfo(DeviceType.MOBILE, "Chrome", "Android", 156);
        DeviceSignals armTouch = components("touch_points", 10L, "platform", "Linux armv81");

        assertThat(AndroidDesktopSites.corrected(chromeOs, armTouch)).as("a Chromebook, touch screen and ARM").isEqualTo(chromeOs);
        assertThat(AndroidDesktopSites.corrected(windows, armTouch)).isEqualTo(windows);
        assertThat(AndroidDesktopSites.corrected(androidPhone, armTouch)).isEqualTo(androidPhone);
    }
}
