package io.seatguard.intel;

import java.util.regex.Pattern;

/**
 * The product tokens of HTTP libraries in a native app's user agent, taken out before Yauaa reads it.
 * Yauaa reads OkHttp's (Android apps, React Native's Android build) and Dart's {@code dart:io} (Flutter)
 * as the agents of server-side clients, whatever else the header says: {@code Acme/2.3 (Linux; Android 14;
 * Pixel 8) okhttp/4.12.0} was a cloud client of unknown device type, although the app had named its
 * platform, and a session of a device of unknown type never counts in {@code concurrent_sessions}, which
 * compares devices of one type: an app that added the library's token to its own agent had no sharing
 * detected at all. Without the token the header reads as the app wrote it, here an Android phone.
 *
 * <p>A header that is nothing but such tokens (the libraries' own defaults, {@code okhttp/4.12.0},
 * {@code Dart/3.3 (dart:io)}) is left as it is: it names no platform, and an unknown device is right.
 */
final class HttpLibraryTokens {
    /** OkHttp's {@code okhttp/4.12.0}; Dart's {@code Dart/3.3 (dart:io)}; each with the space before it. */
    private static final Pattern TOKENS = Pattern.compile("(?i)\\s*\\b(?:okhttp/\\S*|dart/[0-9][^\\s(]*(?:\\s*\\(dart:io\\))?)");

    private HttpLibraryTokens() {}

    /** The header without the libraries' tokens, or as it is when it holds none or nothing else. */
    static String withoutLibraries(String header) {
        if (!mayHoldOne(header)) {
            return header;
        }
        String rest = TOKENS.matcher(header).replaceAll("").strip();
        return rest.isEmpty() ? header : rest;
    }

    /**
     * Whether the header may hold a token, found without a pattern: a browser's agent has neither
     * "ttp/" nor "art/", so the pattern runs only for the few that do.
     */
    private static boolean mayHoldOne(String header) {
        return header.contains("ttp/") || header.contains("TTP/") || header.contains("art/") || header.contains("ART/");
    }
}
