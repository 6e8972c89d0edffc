package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TouchMacsTest {
    private static final UserAgentInfo MAC_SAFARI = new UserAgentInfo(DeviceType.COMPUTER, "Safari", "Mac OS", 18);

    private static DeviceSignals components(Map<String, Object> components) {
        return new DeviceSignals(Optional.empty(), new TreeMap<>(components), List.of(), Optional.empty());
    }

    @Test
    void aMacUserAgentWithTouchPointsIsATablet() {
        UserAgentInfo corrected = TouchMacs.corrected(MAC_SAFARI, components(Map.of("touch_points", 5L, "platform", "MacIntel")));

        assertThat(corrected).as("an iPad's system, as the parser names it").isEqualTo(new UserAgentInfo(DeviceType.TABLET, "Safari", "iOS", 18));
        assertThat(TouchMacs.corrected(new UserAgentInfo(DeviceType.COMPUTER, "Chrome", "macOS", 156), components(Map.of("touch_points", 5.0))).type())
                .as("another spelling of macOS, a decimal count").isEqualTo(DeviceType.TABLET);
    }

    @Test
    void aMacWithoutTouchPointsOrWithoutComponentsStaysAComputer() {
        assertThat(TouchMacs.corrected(MAC_SAFARI, components(Map.of("touch_points", 0L)))).isEqualTo(MAC_SAFARI);
        // A single touch point is what some desktop browsers report for a pen or an emulated touch: not a tablet's five.
        assertThat(TouchMacs.corrected(MAC_SAFARI, components(Map.of("touch_points", 1L)))).isEqualTo(MAC_SAFARI);
        assertThat(TouchMacs.corrected(MAC_SAFARI, components(Map.of()))).as("server mode sends none").isEqualTo(MAC_SAFARI);
        assertThat(TouchMacs.corrected(MAC_SAFARI, components(Map.of("touch_points", "5")))).as("not the SDK's number").isEqualTo(MAC_SAFARI);
    }

    @Test
    void otherComputersWithTouchScreensStayComputers() {
        UserAgentInfo windows = new UserAgentInfo(DeviceType.COMPUTER, "Chrome", "Windows NT", 156);
        UserAgentInfo linux = new UserAgentInfo(DeviceType.COMPUTER, "Chrome", "Linux", 156);
        UserAgentInfo iphone = new UserAgentInfo(DeviceType.MOBILE, "Safari", "iOS", 18);

        assertThat(TouchMacs.corrected(windows, components(Map.of("touch_points", 10L)))).as("a Surface, a touch laptop").isEqualTo(windows);
        assertThat(TouchMacs.corrected(linux, components(Map.of("touch_points", 10L)))).isEqualTo(linux);
        assertThat(TouchMacs.corrected(iphone, components(Map.of("touch_points", 5L)))).isEqualTo(iphone);
    }
}
