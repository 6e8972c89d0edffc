package io.seatguard.population;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One real device in the simulation and its browser, with everything that drifts on it: the browser
 * version, installed fonts, an external monitor, the zone while travelling, a language the user adds, and
 * the token that cleared storage or a private window lose.
 */
final class PhysicalDevice {
    /** What a user who adds a language to their browser adds (to whatever list they had). */
    static final String ADDED_LANGUAGE = ",uk";
    final int index;
    final Person owner;
    final Model model;

    Model model() {
        return model;
    }
    final Browser browser;
    final Optional<String> dockedScreen;
    final String baseScreen;
    /** Days (from the start) on which the browser updates. */
    final int updateOffsetDays;
    final int firstVersion;
    final List<String> extraFonts;
    /** Day on which one more font is installed, or -1. */
    final int fontAddedOnDay;
    final String addedFont;
    /** Day from which the browser reports one more language (the user added one), or -1. */
    int languagesChangedOnDay = -1;
    String token;
    final String account;
    /** The corporate fleet this laptop belongs to, if any. */
    final Optional<Fleet> fleet;

    PhysicalDevice(int index, Person owner, String account, Model model, Browser browser, String baseScreen, Optional<String> dockedScreen,
            int updateOffsetDays, int firstVersion, List<String> extraFonts, int fontAddedOnDay, String addedFont, String token,
            Optional<Fleet> fleet) {
        this.index = index;
        this.fleet = fleet;
        this.owner = owner;
        this.account = account;
        this.model = model;
        this.browser = browser;
        this.baseScreen = baseScreen;
        this.dockedScreen = dockedScreen;
        this.updateOffsetDays = updateOffsetDays;
        this.firstVersion = firstVersion;
        this.extraFonts = extraFonts;
        this.fontAddedOnDay = fontAddedOnDay;
        this.addedFont = addedFont;
        this.token = token;
    }

    Platform platform() {
        return model.platform();
    }

    /** Browser updates every 28 days, each device on its own day of the cycle. */
    int browserVersion(double day) {
        return firstVersion + (int) Math.floor((day + 28 - updateOffsetDays) / 28);
    }

    /** The components the SDK would collect on this day. */
    SortedMap<String, Object> components(double day, Renders renders, Random random, boolean docked, boolean probeFails) {
        SortedMap<String, Object> c = new TreeMap<>();
        int version = browserVersion(day);
        boolean safari = browser == Browser.SAFARI;
        boolean firefox = browser == Browser.FIREFOX;
        String renderer = safari ? "Apple GPU" : firefox ? "Mozilla-" + model.webglRenderer().hashCode() : model.webglRenderer();
        String vendor = safari ? "Apple Inc." : firefox ? "Mozilla" : model.webglVendor();
        String hardware = model.navigatorPlatform() + '|' + renderer + '|' + fontsKey(day);
        c.put("canvas", renders.value("canvas", hardware, browser, version));
        c.put("audio", renders.value("audio", model.navigatorPlatform() + '|' + model.chArch(), browser, version));
        c.put("webgl_params", renders.value("webgl_params", renderer, browser, version));
        c.put("math", renders.value("math", model.navigatorPlatform() + '|' + model.chArch(), browser, version));
        c.put("webgl_vendor", vendor);
        c.put("webgl_renderer", renderer);
        c.put("fonts", Integer.toHexString(fontsKey(day).hashCode()));
        String screen = docked && dockedScreen.isPresent() ? dockedScreen.get() : baseScreen;
        c.put("screen", screen);
        c.put("pixel_ratio", docked && dockedScreen.isPresent() ? 1.0 : model.pixelRatio());
        c.put("color_depth", 24L);
        c.put("cores", (long) (safari && model.platform() == Platform.MACOS ? Math.min(model.cores(), 8) : model.cores()));
        c.put("platform", model.navigatorPlatform());
        c.put("timezone", owner.zoneOn(day));
        c.put("languages", languagesChangedOnDay >= 0 && day >= languagesChangedOnDay ? owner.languages + ADDED_LANGUAGE : owner.languages);
        c.put("touch_points", (long) model.touchPoints());
        c.put("vendor", browser.vendor);
        c.put("pdf_viewer", model.platform() == Platform.WINDOWS || model.platform() == Platform.MACOS || model.platform() == Platform.LINUX);
        if (browser.chromium) {
            c.put("memory", (long) Math.min(model.memory() == 0 ? 8 : model.memory(), 8));
            c.put("ch_platform", chPlatform());
            c.put("ch_model", model.chModel());
            c.put("ch_arch", model.chArch());
            c.put("ch_bitness", "64");
        }
        if (probeFails) {
            // One probe failed this time (audio blocked, a canvas randomiser, a timeout): reported missing.
            List<String> fallible = List.of("audio", "canvas", "fonts", "webgl_params", "math");
            c.remove(fallible.get(random.nextInt(fallible.size())));
        }
        return Collections.unmodifiableSortedMap(c);
    }

    private String fontsKey(double day) {
        StringBuilder fonts = new StringBuilder(model.platform().name());
        extraFonts.forEach(font -> fonts.append(',').append(font));
        if (fontAddedOnDay >= 0 && day >= fontAddedOnDay) {
            fonts.append(',').append(addedFont);
        }
        return fonts.toString();
    }

    private String chPlatform() {
        return switch (model.platform()) {
            case WINDOWS -> "Windows";
            case MACOS -> "macOS";
            case LINUX -> "Linux";
            case IPHONE -> "iOS";
            case ANDROID_PHONE, TABLET -> "Android";
        };
    }

    /** Whether a laptop is plugged into its monitor on this visit. */
    boolean dockedOn(Random random) {
        return dockedScreen.isPresent() && random.nextBoolean();
    }
}
