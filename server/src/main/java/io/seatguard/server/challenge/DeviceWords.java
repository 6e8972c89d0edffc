package io.seatguard.server.challenge;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.intel.WellKnownAgents;

/**
 * How a message (an owner notice by mail or SMS, a page's prose) names a device: "Chrome on Windows
 * (computer)". The browser and system are named only when they are well-known families
 * ({@link WellKnownAgents}), and otherwise as "an app" (the agent was not a browser's, {@link
 * io.seatguard.core.identity.AppAgents}, or a browser's inside an app, {@link
 * io.seatguard.core.identity.UserAgentInfo#inApp}), "an unknown browser" or "an unknown system" in the
 * message's language: the parsed names come from the request's
 * user agent, which the caller writes, and a message may go to an address the caller chose (a browser-mode evaluation names its own email and
 * phone). A list that shows the parsed name as data (the device-limit page's devices) need not go
 * through here, but must escape it and keep it in its own {@code <bdi>}.
 */
final class DeviceWords {
    private DeviceWords() {
    }

    /**
     * @param fromApp the agent was an app's, or a browser's inside an app: the parser names such an agent
     *     by its own product token (the caller's words, so not repeated either), and it is "an app", not an
     *     unknown browser
     */
    static String describe(ChallengeTexts texts, String browser, String os, boolean fromApp, DeviceType type) {
        // A well-known name comes first: Opera Mini's agent does not begin as other browsers' do.
        String browserName = WellKnownAgents.browser(browser).map(texts::isolate)
                .orElseGet(() -> texts.get(fromApp ? "agent.app" : "agent.unknown_browser"));
        String systemName = WellKnownAgents.system(os).map(texts::isolate).orElseGet(() -> texts.get("agent.unknown_system"));
        // The type's word is a page's label ("Computer"); in the middle of a sentence it is a common noun.
        return texts.get("owner.device", browserName, systemName, texts.get("device." + type.wireName()).toLowerCase(texts.locale()));
    }
}
