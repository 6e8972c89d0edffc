package io.seatguard.server.cli;

import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.server.config.ConfigException;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.intel.InstalledIpData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The {@code serve} options for IP intelligence and the network and history checks (docs/ip-intelligence.md).
 * Defaults use the data installed at build time; {@code off} turns a source off.
 */
public final class NetworkOptions {
    @Option(names = "--ip-data-dir", defaultValue = "${env:SEATGUARD_IP_DATA_DIR}", description = "Folder of the IP data installed at build time (env SEATGUARD_IP_DATA_DIR; default: ip-data beside the jar).")
    String ipDataDir;

    @Option(names = "--geoip-db", defaultValue = "${env:SEATGUARD_GEOIP_DB}", description = "City-level .mmdb file(s), comma-separated: DB-IP or MaxMind GeoLite2/GeoIP2 (env SEATGUARD_GEOIP_DB; default: the installed DB-IP Lite; 'off' for none).")
    String geoipDb;

    @Option(names = "--asn-db", defaultValue = "${env:SEATGUARD_ASN_DB}", description = "ASN CSV file(s) in ip-location-db's format, comma-separated (env SEATGUARD_ASN_DB; default: the installed ones; 'off' for none).")
    String asnDb;

    @Option(names = "--hosting-asns", defaultValue = "${env:SEATGUARD_HOSTING_ASNS}", description = "Extra hosting ASN list file(s), comma-separated, added to the curated list (env SEATGUARD_HOSTING_ASNS).")
    String hostingAsns;

    @Option(names = "--vpn-asns", defaultValue = "${env:SEATGUARD_VPN_ASNS}", description = "Extra VPN ASN list file(s), comma-separated, added to the curated list (env SEATGUARD_VPN_ASNS).")
    String vpnAsns;

    @Option(names = "--ip-list", description = "An address list as kind=file-or-url, kind one of tor, vpn, hosting (cloud), relay; repeatable (env SEATGUARD_IP_LISTS: entries separated by a comma before the next kind=). A URL's user, query and fragment are never shown; of two lists shown alike, the second is named '... (2)'.")
    List<String> ipLists = new ArrayList<>();

    @Option(names = "--ip-data-refresh", defaultValue = "${env:SEATGUARD_IP_DATA_REFRESH:-3600}", description = "Seconds between re-reads of IP data and lists, 60 to 604800 (env SEATGUARD_IP_DATA_REFRESH; default ${DEFAULT-VALUE}).")
    long refreshSeconds;

    @Option(names = "--stun-port", defaultValue = "${env:SEATGUARD_STUN_PORT:-3478}", description = "UDP port of the STUN responder the browser SDK uses to find its real network, 0-65535 (env SEATGUARD_STUN_PORT; default ${DEFAULT-VALUE}).")
    int stunPort;

    @Option(names = "--no-stun", defaultValue = "${env:SEATGUARD_NO_STUN:-false}", description = "Do not answer STUN (env SEATGUARD_NO_STUN=true); local_ip then comes only from what browsers report.")
    boolean noStun;

    @Option(names = "--travel-speed", defaultValue = "${env:SEATGUARD_TRAVEL_SPEED:-900}", description = "Impossible travel above this speed in km/h, 100 to 5000 (env SEATGUARD_TRAVEL_SPEED; default ${DEFAULT-VALUE}).")
    double travelSpeed;

    @Option(names = "--travel-min-distance", defaultValue = "${env:SEATGUARD_TRAVEL_MIN_DISTANCE:-300}", description = "Never impossible travel under this many km, 0 to 5000 (env SEATGUARD_TRAVEL_MIN_DISTANCE; default ${DEFAULT-VALUE}).")
    double travelMinDistance;

    @Option(names = "--velocity-window", defaultValue = "${env:SEATGUARD_VELOCITY_WINDOW:-3600}", description = "Seconds event_count looks back, 60 to 86400 (env SEATGUARD_VELOCITY_WINDOW; default ${DEFAULT-VALUE}).")
    long velocityWindowSeconds;

    @Option(names = "--high-velocity", defaultValue = "${env:SEATGUARD_HIGH_VELOCITY:-100}", description = "has_high_velocity from this many events in the window (env SEATGUARD_HIGH_VELOCITY; default ${DEFAULT-VALUE}).")
    long highVelocity;

    @Option(names = "--event-count-limit", defaultValue = "${env:SEATGUARD_EVENT_COUNT_LIMIT:-1000}", description = "event_count stops at this many events (or at --high-velocity when higher), 2 to 1000000: each counted event is an index entry read per evaluation of a busy account (env SEATGUARD_EVENT_COUNT_LIMIT; default ${DEFAULT-VALUE}).")
    long eventCountLimit;

    NetworkSettings settings() {
        CheckSettings checks = checks();
        // Checked even with --no-stun: a port no socket could have is a mistake whether or not it is used.
        if (stunPort < 0 || stunPort > 65535) {
            throw new ConfigException("the STUN port (--stun-port, SEATGUARD_STUN_PORT) must be between 0 and 65535, not " + stunPort);
        }
        return new NetworkSettings(intel(), Duration.ofSeconds(refreshSeconds), checks, noStun ? OptionalInt.empty() : OptionalInt.of(stunPort));
    }

    /**
     * The checks' thresholds, each first judged alone against the defaults of the others, so that a
     * refusal names the one flag and variable at fault ("travel speed must be from 100 to 5000 km/h" alone
     * left an operator to guess which of five settings, and where it was set).
     */
    private CheckSettings checks() {
        CheckSettings defaults = CheckSettings.DEFAULTS;
        Duration velocityWindow = Duration.ofSeconds(velocityWindowSeconds);
        judged("--travel-speed", "SEATGUARD_TRAVEL_SPEED", shown(travelSpeed), () -> new CheckSettings(travelSpeed, defaults.minTravelDistanceKm(),
                defaults.velocityWindow(), defaults.highVelocityEvents(), defaults.eventCountCap()));
        judged("--travel-min-distance", "SEATGUARD_TRAVEL_MIN_DISTANCE", shown(travelMinDistance), () -> new CheckSettings(defaults.maxTravelSpeedKmh(),
                travelMinDistance, defaults.velocityWindow(), defaults.highVelocityEvents(), defaults.eventCountCap()));
        judged("--velocity-window", "SEATGUARD_VELOCITY_WINDOW", velocityWindowSeconds + " seconds", () -> new CheckSettings(defaults.maxTravelSpeedKmh(),
                defaults.minTravelDistanceKm(), velocityWindow, defaults.highVelocityEvents(), defaults.eventCountCap()));
        judged("--high-velocity", "SEATGUARD_HIGH_VELOCITY", String.valueOf(highVelocity), () -> new CheckSettings(defaults.maxTravelSpeedKmh(),
                defaults.minTravelDistanceKm(), defaults.velocityWindow(), highVelocity, defaults.eventCountCap()));
        judged("--event-count-limit", "SEATGUARD_EVENT_COUNT_LIMIT", String.valueOf(eventCountLimit), () -> new CheckSettings(defaults.maxTravelSpeedKmh(),
                defaults.minTravelDistanceKm(), defaults.velocityWindow(), defaults.highVelocityEvents(), eventCountLimit));
        try {
            return new CheckSettings(travelSpeed, travelMinDistance, velocityWindow, highVelocity, eventCountLimit);
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("the network checks' thresholds: " + e.getMessage());
        }
    }

    private static void judged(String flag, String variable, String value, Runnable build) {
        try {
            build.run();
        }
        catch (IllegalArgumentException e) {
            throw new ConfigException("the " + e.getMessage().replaceFirst(" must ", " (" + flag + ", " + variable + ") must ") + ", not " + value);
        }
    }

    /** A whole number of km or km/h as it was most likely written: 6000, not 6000.0. */
    private static String shown(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    private IntelConfig intel() {
        Optional<InstalledIpData> installed = installed();
        List<Path> geo;
        String geoName;
        if (geoipDb == null || geoipDb.isBlank()) {
            geo = installed.map(data -> data.files("geoip")).orElse(List.of());
            geoName = installed.map(data -> data.name("geoip")).orElse("geoip");
        }
        else {
            geo = files("--geoip-db", geoipDb);
            geoName = geo.isEmpty() ? "geoip" : geo.get(0).getFileName().toString();
        }
        List<Path> asn;
        String asnName;
        IntelConfig.AsnDating asnDate;
        // The date is read from the folder at each load of the files, not once here: install-ip-data.mjs
        // rewrites the files and ip-data.properties together, and a reload that took the new files kept
        // serving them under the old date.
        Optional<Path> folder = installed.map(InstalledIpData::folder);
        if (asnDb == null || asnDb.isBlank()) {
            asn = installed.map(data -> data.files("asn")).orElse(List.of());
            asnName = installed.map(data -> data.name("asn")).orElse("asn");
            asnDate = folder.map(InstalledIpData::asnDating).orElse(new IntelConfig.AsnDating("no installed data", Optional::empty));
        }
        else {
            List<Path> given = files("--asn-db", asnDb);
            asn = given;
            asnName = asn.isEmpty() ? "asn" : asn.get(0).getFileName().toString();
            // The installed files named by path keep their package's date: their own time is npm's 1985.
            asnDate = new IntelConfig.AsnDating(folder.map(path -> path + ", when it holds " + given).orElse("no installed data"),
                    () -> folder.flatMap(InstalledIpData::read).filter(data -> data.holdsAll("asn", given)).flatMap(data -> data.date("asn")));
        }
        List<String> listTexts = new ArrayList<>(ipLists);
        if (listTexts.isEmpty()) {
            listTexts.addAll(IpListsVariable.entries(System.getenv("SEATGUARD_IP_LISTS")));
        }
        List<IntelConfig.ListSpec> lists = new ArrayList<>();
        for (String text : listTexts) {
            try {
                lists.add(IntelConfig.ListSpec.parse(text));
            }
            catch (IllegalArgumentException e) {
                throw new ConfigException("--ip-list: " + e.getMessage());
            }
        }
        return new IntelConfig(geo, geoName, asn, asnName, asnDate, files("--hosting-asns", hostingAsns), files("--vpn-asns", vpnAsns), lists);
    }

    private Optional<InstalledIpData> installed() {
        if (ipDataDir != null && !ipDataDir.isBlank()) {
            Path folder = Path.of(ipDataDir.strip());
            if (!Files.isDirectory(folder)) {
                throw new ConfigException("--ip-data-dir " + folder + " is not a folder");
            }
            // Named on purpose: a folder that is not the build's would leave geolocation and ASN data off unsaid.
            return Optional.of(InstalledIpData.read(folder).orElseThrow(() -> new ConfigException("--ip-data-dir " + folder + " holds no readable "
                    + InstalledIpData.FILE + ": name the folder the build installs (server/target/ip-data)")));
        }
        return InstalledIpData.besideJar().flatMap(InstalledIpData::read);
    }

    /** Comma-separated files that must exist; "off" or nothing is none. */
    private static List<Path> files(String option, String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("off")) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = Path.of(name.strip());
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(option + " " + file + " is not a readable file");
            }
            files.add(file);
        }
        if (files.isEmpty()) {
            // "," or " , " names nothing; taking it as "off" would turn a source off by a typo.
            throw new ConfigException(option + " '" + text + "' names no file: give files, comma-separated, or off for none");
        }
        return files;
    }
}
