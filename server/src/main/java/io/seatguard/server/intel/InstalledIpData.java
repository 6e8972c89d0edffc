package io.seatguard.server.intel;

import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.server.SeatguardServer;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The IP data installed at build time (server/install-ip-data.mjs): a folder holding the DB-IP city
 * database, the ASN CSVs and {@code ip-data.properties}, which names each source, its files and its data
 * date. By default it is the {@code ip-data} folder beside the Seatguard jar (server/target/ip-data in a
 * checkout), so a jar copied with its folder keeps working.
 */
public record InstalledIpData(Path folder, Properties properties) {
    public static final String FILE = "ip-data.properties";

    /** The folder beside the running jar (or beside the classes folder in a checkout). */
    public static Optional<Path> besideJar() {
        try {
            Path code = Path.of(SeatguardServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = code.getParent().resolve("ip-data");
            return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        }
        catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the folder's {@code ip-data.properties}; empty when the folder holds none. */
    public static Optional<InstalledIpData> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new InstalledIpData(folder, properties));
    }

    /**
     * The files of one role ({@code geoip}, {@code asn}) as the properties list them, whether or not they
     * exist: a missing one fails that source's load, naming the file ({@code /readyz} {@code error}),
     * until it appears. Leaving the role out instead showed it {@code off}, as if turned off on purpose.
     */
    public List<Path> files(String role) {
        String names = properties.getProperty(role + ".files", "");
        return Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).map(folder::resolve).toList();
    }

    /**
     * Whether every one of {@code files} is one of the role's installed files (the same file, by any
     * path): then the installed data's date is theirs. Files unpacked from npm are all dated 1985-10-26,
     * so {@code --asn-db} naming them gave the data that date.
     */
    public boolean holdsAll(String role, List<Path> files) {
        List<Path> installed = files(role);
        return !files.isEmpty() && files.stream().allMatch(file -> installed.stream().anyMatch(own -> sameFile(own, file)));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        }
        catch (IOException e) {
            return false;
        }
    }

    public String name(String role) {
        return properties.getProperty(role + ".name", role);
    }

    public Optional<LocalDate> date(String role) {
        try {
            return Optional.ofNullable(properties.getProperty(role + ".date")).map(LocalDate::parse);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Intelligence from this data alone: its geolocation and ASN files, the curated ASN lists, no operator lists. */
    public IntelConfig intelConfig() {
        // The ASN date as the folder says it at each load: the files and the properties are rewritten together.
        return new IntelConfig(files("geoip"), name("geoip"), files("asn"), name("asn"), asnDating(folder), List.of(), List.of(), List.of());
    }

    /** The ASN date as {@code folder}'s {@code ip-data.properties} says it at each load (it is rewritten with the files). */
    public static IntelConfig.AsnDating asnDating(Path folder) {
        return new IntelConfig.AsnDating(folder.resolve(FILE).toString(), () -> read(folder).flatMap(data -> data.date("asn")));
    }

    public Optional<String> attribution(String role) {
        return Optional.ofNullable(properties.getProperty(role + ".attribution"));
    }
}
