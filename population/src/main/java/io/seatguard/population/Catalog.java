package io.seatguard.population;

import java.util.List;

/**
 * The hardware, zones and languages the population is drawn from. Weights are heavy-headed on
 * purpose: a few phone models, GPUs and zones cover most people, which is where look-alikes come from.
 * The figures are plausible shapes (StatCounter-like platform shares, common GPUs and screens), not
 * measurements of a real audience.
 */
final class Catalog {
    private Catalog() {}

    /** Platform shares: Windows 40 %, macOS 15 %, Linux 2 %, iPhone 20 %, Android phones 18 %, tablets 5 %. */
    static final List<Weighted<Platform>> PLATFORMS = List.of(
            new Weighted<>(Platform.WINDOWS, 40), new Weighted<>(Platform.MACOS, 15), new Weighted<>(Platform.LINUX, 2),
            new Weighted<>(Platform.IPHONE, 20), new Weighted<>(Platform.ANDROID_PHONE, 18), new Weighted<>(Platform.TABLET, 5));

    private static final List<String> DESKTOP_SCREENS = List.of("1920x1080", "2560x1440", "1366x768", "1536x864", "3840x2160", "1440x900");
    private static final List<String> LAPTOP_SCREENS = List.of("1920x1080", "1366x768", "1536x864", "1920x1200");

    static final List<Model> MODELS = List.of(
            // Windows: laptops with integrated graphics dominate; office fleets share one model exactly.
            windows("win-uhd620-4c", "ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)", 8, 8, LAPTOP_SCREENS, true, 9),
            windows("win-irisxe-8c", "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics (0x00009A49) Direct3D11 vs_5_0 ps_5_0, D3D11)", 8, 8, LAPTOP_SCREENS, true, 9),
            windows("win-irisxe-12c", "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics (0x00009A49) Direct3D11 vs_5_0 ps_5_0, D3D11)", 12, 8, LAPTOP_SCREENS, true, 6),
            windows("win-uhd-4c", "ANGLE (Intel, Intel(R) UHD Graphics (0x00009B41) Direct3D11 vs_5_0 ps_5_0, D3D11)", 4, 8, LAPTOP_SCREENS, true, 5),
            windows("win-radeon-vega", "ANGLE (AMD, AMD Radeon(TM) Graphics (0x00001638) Direct3D11 vs_5_0 ps_5_0, D3D11)", 16, 8, LAPTOP_SCREENS, true, 5),
            windows("win-gtx1650", "ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 (0x00001F91) Direct3D11 vs_5_0 ps_5_0, D3D11)", 12, 8, DESKTOP_SCREENS, false, 4),
            windows("win-rtx3060", "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)", 16, 8, DESKTOP_SCREENS, false, 4),
            windows("win-rtx4070", "ANGLE (NVIDIA, NVIDIA GeForce RTX 4070 (0x00002786) Direct3D11 vs_5_0 ps_5_0, D3D11)", 24, 8, DESKTOP_SCREENS, false, 2),
            windows("win-rx6600", "ANGLE (AMD, AMD Radeon RX 6600 (0x000073FF) Direct3D11 vs_5_0 ps_5_0, D3D11)", 12, 8, DESKTOP_SCREENS, false, 1),
            windows("win-uhd770-20c", "ANGLE (Intel, Intel(R) UHD Graphics 770 (0x00004680) Direct3D11 vs_5_0 ps_5_0, D3D11)", 20, 8, DESKTOP_SCREENS, false, 3),
            // macOS: a handful of Apple GPUs; Chrome reports memory 8, Safari none.
            mac("mac-m1", "Apple M1", 8, List.of("1440x900"), 2.0, 6),
            mac("mac-m2", "Apple M2", 8, List.of("1470x956"), 2.0, 5),
            mac("mac-m3pro", "Apple M3 Pro", 12, List.of("1512x982"), 2.0, 3),
            mac("mac-intel", "Intel(R) Iris(TM) Plus Graphics 655", 8, List.of("1440x900"), 2.0, 1),
            // Linux desktops.
            new Model("linux-mesa-uhd", Platform.LINUX, "Linux x86_64", "Google Inc. (Intel)", "ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)",
                    8, 8, 0, "", "x86", LAPTOP_SCREENS, 1.0, true, 2),
            new Model("linux-amd", Platform.LINUX, "Linux x86_64", "Google Inc. (AMD)", "ANGLE (AMD, AMD Radeon RX 580 Series (radeonsi, polaris10, LLVM 15.0.7), OpenGL 4.6)",
                    8, 8, 0, "", "x86", DESKTOP_SCREENS, 1.0, false, 1),
            // iPhones: identical units by the thousand.
            iphone("iphone-15", List.of("852x393"), 3.0, 8),
            iphone("iphone-14", List.of("844x390"), 3.0, 7),
            iphone("iphone-13", List.of("844x390"), 3.0, 6),
            iphone("iphone-15-pro-max", List.of("932x430"), 3.0, 4),
            iphone("iphone-se", List.of("667x375"), 2.0, 2),
            // Android phones: client hints carry the model.
            android("SM-S911B", "Qualcomm", "Adreno (TM) 740", 8, List.of("780x360"), 3.0, 5, Platform.ANDROID_PHONE),
            android("SM-A546B", "ARM", "Mali-G68", 8, List.of("800x360"), 2.625, 6, Platform.ANDROID_PHONE),
            android("Pixel 8", "ARM", "Mali-G715", 9, List.of("915x412"), 2.625, 4, Platform.ANDROID_PHONE),
            android("Pixel 7a", "ARM", "Mali-G710", 8, List.of("915x412"), 2.625, 3, Platform.ANDROID_PHONE),
            android("22101316G", "Qualcomm", "Adreno (TM) 642L", 8, List.of("851x393"), 2.75, 3, Platform.ANDROID_PHONE),
            android("moto g54 5G", "ARM", "Mali-G57", 8, List.of("854x384"), 2.8125, 2, Platform.ANDROID_PHONE),
            // Tablets.
            new Model("ipad-10", Platform.TABLET, "MacIntel", "Apple Inc.", "Apple GPU", 4, 0, 5, "", "", List.of("1180x820"), 2.0, false, 5),
            android("SM-X200", "ARM", "Mali-G52", 8, List.of("1340x800"), 1.5, 2, Platform.TABLET));

    /** Time zones, most people in a few. */
    static final List<Weighted<String>> TIMEZONES = List.of(
            new Weighted<>("America/New_York", 14), new Weighted<>("America/Chicago", 8), new Weighted<>("America/Los_Angeles", 9),
            new Weighted<>("America/Denver", 3), new Weighted<>("Europe/London", 9), new Weighted<>("Europe/Berlin", 9),
            new Weighted<>("Europe/Paris", 7), new Weighted<>("Europe/Madrid", 4), new Weighted<>("Europe/Rome", 4),
            new Weighted<>("Europe/Warsaw", 3), new Weighted<>("Asia/Kolkata", 6), new Weighted<>("Asia/Tokyo", 4),
            new Weighted<>("Australia/Sydney", 3), new Weighted<>("America/Sao_Paulo", 5), new Weighted<>("America/Toronto", 3),
            new Weighted<>("Asia/Singapore", 2), new Weighted<>("Africa/Lagos", 1), new Weighted<>("Asia/Manila", 2));

    /** Travel destinations for a few days abroad. */
    static final List<String> TRAVEL_ZONES = List.of("Europe/Lisbon", "America/Mexico_City", "Asia/Bangkok", "Europe/Athens", "America/New_York",
            "Europe/London", "Asia/Dubai");

    static final List<Weighted<String>> LANGUAGES = List.of(
            new Weighted<>("en-US,en", 40), new Weighted<>("en-GB,en", 8), new Weighted<>("de-DE,de,en", 7), new Weighted<>("fr-FR,fr,en", 6),
            new Weighted<>("es-ES,es", 5), new Weighted<>("pt-BR,pt", 5), new Weighted<>("it-IT,it", 3), new Weighted<>("pl-PL,pl,en", 2),
            new Weighted<>("ja-JP,ja", 3), new Weighted<>("en-IN,en,hi", 4), new Weighted<>("en-US", 8), new Weighted<>("nl-NL,nl,en", 2));

    /**
     * Public address prefixes of large home ISPs (a /16 each: many households per prefix) and of mobile
     * carriers, whose NAT puts thousands of phones behind a few addresses.
     */
    static final List<String> HOME_NETWORKS = List.of("73.12.", "24.30.", "98.210.", "86.140.", "92.184.", "84.56.", "79.208.", "189.6.",
            "177.32.", "49.36.", "122.161.", "126.78.", "1.144.", "203.59.", "88.12.", "151.38.", "83.24.", "112.198.");
    static final List<String> CARRIER_NETWORKS = List.of("172.56.", "174.224.", "80.187.", "92.40.", "37.166.", "106.76.", "191.56.");

    /** Fonts some desktop users install on top of the OS's own (Office, Adobe, developer fonts). */
    static final List<String> EXTRA_FONTS = List.of("Calibri Light", "Adobe Garamond", "Fira Code", "JetBrains Mono", "Roboto", "Open Sans",
            "Lato", "Source Sans Pro", "Myriad Pro", "Century Gothic", "Garamond", "Book Antiqua", "Bookman Old Style", "Helvetica Neue LT");

    private static Model windows(String id, String renderer, int cores, int memory, List<String> screens, boolean laptop, double weight) {
        String vendor = "Google Inc. (" + renderer.substring("ANGLE (".length(), renderer.indexOf(',')) + ")";
        return new Model(id, Platform.WINDOWS, "Win32", vendor, renderer, cores, memory, 0, "", "x86", screens, 1.0, laptop, weight);
    }

    private static Model mac(String id, String gpu, int cores, List<String> screens, double ratio, double weight) {
        return new Model(id, Platform.MACOS, "MacIntel", "Google Inc. (Apple)", "ANGLE (Apple, ANGLE Metal Renderer: " + gpu + ", Unspecified Version)",
                cores, 8, 0, "", gpu.startsWith("Apple") ? "arm" : "x86", screens, ratio, true, weight);
    }

    private static Model iphone(String id, List<String> screens, double ratio, double weight) {
        // iOS reports one GPU string for every model, and Safari no cores beyond 4 and no memory.
        return new Model(id, Platform.IPHONE, "iPhone", "Apple Inc.", "Apple GPU", 4, 0, 5, "", "", screens, ratio, false, weight);
    }

    private static Model android(String model, String gpuVendor, String gpu, int cores, List<String> screens, double ratio, double weight,
            Platform platform) {
        return new Model(model, platform, "Linux armv81", "Google Inc. (" + gpuVendor + ")", "ANGLE (" + gpuVendor + ", " + gpu + ", OpenGL ES 3.2)",
                cores, 8, 5, model, "", screens, ratio, false, weight);
    }

    /** A value and its relative weight. */
    record Weighted<T>(T value, double weight) {}
}
