package io.seatguard.server.cli;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The entries of {@code SEATGUARD_IP_LISTS}, the variable form of the repeatable {@code --ip-list kind=file-or-url}.
 * It was split on every comma, so a URL with a comma in its query ({@code ?fields=ip,asn}) or a file
 * named with one became two entries, the second refused as no {@code kind=} (review finding). An entry
 * now ends only at a comma that the next entry's {@code kind=} follows (spaces allowed around both):
 * a comma anywhere else belongs to the file or URL. Kinds are those {@code IntelConfig.ListSpec}
 * takes; a location holding ",kind=" itself writes that comma as {@code %2C} (in a URL) or is given by
 * the flag, which takes one entry per use.
 */
final class IpListsVariable {
    private static final Pattern ENTRY_BOUNDARY = Pattern.compile(",(?=\\s*(?i:tor|vpn|hosting|cloud|datacenter|relay)\\s*=)");

    private IpListsVariable() {}

    /** The variable's entries, stripped; none for an unset or blank variable. */
    static List<String> entries(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ENTRY_BOUNDARY.split(value)).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
