package io.seatguard.server.http;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a request's {@code Accept-Encoding} (RFC 9110 §12.5.3) for the one question the SDK's scripts ask
 * of it: may the answer be gzipped? Yes when {@code gzip} (or its alias {@code x-gzip}) is listed with a
 * weight above 0, or is not listed and {@code *} is; a weight of 0 refuses it. A weight that does not read
 * as one is taken as 1, as a lenient server would: the worst that follows is an identity answer.
 */
final class AcceptEncoding {
    static final String HEADER = "Accept-Encoding";

    private AcceptEncoding() {}

    static boolean takesGzip(String header) {
        if (header == null) {
            return false;
        }
        Optional<Boolean> gzip = Optional.empty();
        Optional<Boolean> any = Optional.empty();
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = Optional.of(gzip.orElse(false) || wanted);
            }
            else if (coding.equals("*")) {
                any = Optional.of(wanted);
            }
        }
        return gzip.orElse(any.orElse(false));
    }

    private static double weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q') && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                }
                catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
