package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secrets an app's backend signs browser identities with ({@link IdentitySignature}). Unlike the
 * secret key they are kept in clear, because Seatguard must compute the same HMAC to check a signature.
 * A rotation keeps the replaced secret valid for a while, since pages rendered with it are still open.
 *
 * @param current the secret signatures are made with now; empty for an app made before signed identity
 *     existed, until its first rotation
 * @param retired secrets rotations replaced, newest first, each still accepted until its own time
 */
public record IdentitySecrets(Optional<String> current, List<Retired> retired) {
    public static final IdentitySecrets NONE = new IdentitySecrets(Optional.empty(), List.of());
    /**
     * The most replaced secrets kept at once. Each rotation keeps the one it replaces for its overlap, so
     * a second rotation within it does not cut off pages still signed with the first; past this many the
     * oldest goes.
     */
    public static final int MAX_RETIRED = 5;

    public IdentitySecrets {
        requireNonNull(current, "current is null");
        retired = List.copyOf(retired);
    }

    /** A secret a rotation replaced, still accepted until {@code acceptedUntil}. */
    public record Retired(String secret, Instant acceptedUntil) {
        public Retired {
            requireNonNull(secret, "secret is null");
            requireNonNull(acceptedUntil, "acceptedUntil is null");
        }

        @Override
        public String toString() {
            return "Retired[secret=***, acceptedUntil=" + acceptedUntil + "]";
        }
    }

    /** The secrets a signature may be made with at {@code at}: the current one, then each replaced one still accepted. */
    public List<String> accepted(Instant at) {
        List<String> secrets = new ArrayList<>(1 + retired.size());
        current.ifPresent(secrets::add);
        for (Retired old : retired) {
            if (at.isBefore(old.acceptedUntil())) {
                secrets.add(old.secret());
            }
        }
        return secrets;
    }

    /**
     * After rotating to {@code next} at {@code now}: the current secret (if any) joins the replaced ones,
     * accepted until {@code overlapUntil}; those no longer accepted go, and past {@link #MAX_RETIRED} the oldest.
     */
    public IdentitySecrets rotatedTo(String next, Instant now, Instant overlapUntil) {
        List<Retired> kept = new ArrayList<>();
        current.ifPresent(secret -> kept.add(new Retired(secret, overlapUntil)));
        for (Retired old : retired) {
            if (now.isBefore(old.acceptedUntil()) && kept.size() < MAX_RETIRED) {
                kept.add(old);
            }
        }
        return new IdentitySecrets(Optional.of(next), kept);
    }

    /** Never the secrets themselves: an app is logged now and then. */
    @Override
    public String toString() {
        return "IdentitySecrets[current=" + (current.isPresent() ? "***" : "none") + ", retired=" + retired.size() + "]";
    }
}
