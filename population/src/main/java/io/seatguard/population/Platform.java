package io.seatguard.population;

/** The platforms the population is broken down by, with the device type the user agent would give. */
enum Platform {
    WINDOWS("computer"),
    MACOS("computer"),
    LINUX("computer"),
    IPHONE("mobile"),
    ANDROID_PHONE("mobile"),
    TABLET("tablet");

    final String deviceType;

    Platform(String deviceType) {
        this.deviceType = deviceType;
    }
}
