package io.seatguard.core.operator;

import io.seatguard.core.ids.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recovery codes of two-factor sign-in: each signs its operator in once in place of the
 * authenticator's code. A code is 12 characters of Crockford's base32 (60 random bits), shown in groups
 * of four ({@code 7k3m-q9xa-e2vd}); typing it back forgives case, spaces, dashes and the letters
 * Crockford reads as digits (o as 0, i and l as 1), since people copy them from paper.
 */
final class RecoveryCodes {
    /** How many an operator is given at a time. */
    static final int COUNT = 10;
    private static final int LENGTH = 12;
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private RecoveryCodes() {}

    /** A fresh set, as shown to the operator. */
    static List<String> make(IdGenerator ids) {
        List<String> codes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            String raw = ids.newText(LENGTH, ALPHABET);
            String shown = raw.substring(0, 4) + '-' + raw.substring(4, 8) + '-' + raw.substring(8);
            if (!codes.contains(shown)) {
                codes.add(shown);
            }
        }
        return codes;
    }

    /** The code as stored (hashed): what was typed, read the forgiving way; empty when it cannot be a recovery code. */
    static Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = switch (c) {
                case 'o' -> '0';
                case 'i', 'l' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** What the store keeps of a code. */
    static String hash(String canonical) {
        return OperatorService.sha256("recovery:" + canonical);
    }

    static List<String> hashes(List<String> shown) {
        return shown.stream().map(code -> hash(canonical(code).orElseThrow())).toList();
    }
}
