package io.seatguard.population;

/** Browser families: what each exposes differs (client hints and device memory are Chromium's). */
enum Browser {
    CHROME(true, "Google Inc."),
    EDGE(true, "Google Inc."),
    SAMSUNG(true, "Google Inc."),
    SAFARI(false, "Apple Computer, Inc."),
    FIREFOX(false, "");

    final boolean chromium;
    final String vendor;

    Browser(boolean chromium, String vendor) {
        this.chromium = chromium;
        this.vendor = vendor;
    }
}
