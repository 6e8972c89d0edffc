package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of device resolution.
 *
 * @param deviceId the durable device id, or {@link #UNKNOWN_DEVICE_ID} when the signals identify nothing
 * @param isNew whether this evaluation creates the device
 * @param matchedBy how the device was found
 * @param confidence how sure the match is, 0 to 1 (1 for a token or an exact fingerprint)
 * @param fingerprintId the exact fingerprint of the components, when there were any
 * @param tokenHash the SHA-256 of the presented token, when it is to be kept for the device (absent
 *     when there was none, when it belongs to another device: see {@code tokenMismatch}, and when an
 *     evaluation that did not let the device in would join it to an existing device:
 *     {@link #withoutJoiningToken})
 * @param tokenMismatch whether the request presented a known token together with components that
 *     clearly belong to another device (a copied token); the device was then resolved by its components
 * @param replacesComponents whether the device's stored latest components are not the ones shown and
 *     must be replaced by them, though the fingerprint belongs to another device: an identical unit of
 *     its model showed it first (after the same browser update, say). Without this the device would keep
 *     its old components, and its next cleared storage would be compared with those and split off. A
 *     fingerprint new to the app replaces them anyway, as does a new device. Never set for an existing
 *     device by an evaluation that did not let it in ({@link #withoutTakingComponents}).
 * @param separatedFrom the device the presented token is taken from, for a new device made of a token
 *     that proved to be another install's ({@link DeviceResolver#separate}); the store moves the token
 *     only if it still belongs there
 * @param fingerprintHeld whether resolution saw a device holding the fingerprint (this one or another):
 *     the store then need not try to claim it. A fingerprint once held stays held, so this never goes
 *     stale. False means resolution looked and found it free: a new device whose claim then finds it
 *     taken lost a race to a concurrent request ({@link io.seatguard.core.evaluation.DeviceClaimConflict}),
 *     while a known device just goes without it. Also set for a token match whose components are too few
 *     to be compared with anything while its device's stored ones are not ({@link DeviceResolver#verifyToken}):
 *     the device then neither claims the fingerprint nor takes those components as its latest. Set too
 *     for an existing device found by its components by an evaluation that did not let it in, to the same
 *     effect ({@link #withoutTakingComponents})
 */
public record DeviceResolution(
        String deviceId,
        boolean isNew,
        MatchKind matchedBy,
        double confidence,
        Optional<String> fingerprintId,
        Optional<String> tokenHash,
        boolean tokenMismatch,
        boolean replacesComponents,
        Optional<String> separatedFrom,
        boolean fingerprintHeld) {
    /** "Device unknown" (CONTRACT.md; seed 002's all-zero DeviceID). */
    public static final String UNKNOWN_DEVICE_ID = "00000000-0000-0000-0000-000000000000";

    /** How a device was resolved. */
    public enum MatchKind {
        TOKEN,
        EXACT_FINGERPRINT,
        /** Components close enough to one of the account's devices (drift after cleared storage). */
        FUZZY,
        /** Components close enough to a device of the app with the same, uncommon, hardware. */
        FUZZY_APP,
        NEW_DEVICE,
        NO_SIGNALS
    }

    public DeviceResolution {
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(matchedBy, "matchedBy is null");
        requireNonNull(fingerprintId, "fingerprintId is null");
        requireNonNull(tokenHash, "tokenHash is null");
        requireNonNull(separatedFrom, "separatedFrom is null");
        if (separatedFrom.isPresent() && (!isNew || tokenHash.isEmpty())) {
            throw new IllegalArgumentException("only a new device with the token can be separated from another");
        }
        if (fingerprintHeld && fingerprintId.isEmpty()) {
            throw new IllegalArgumentException("no fingerprint to be held");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
    }

    public DeviceResolution(String deviceId, boolean isNew, MatchKind matchedBy, double confidence, Optional<String> fingerprintId,
            Optional<String> tokenHash) {
        this(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, false);
    }

    public DeviceResolution(String deviceId, boolean isNew, MatchKind matchedBy, double confidence, Optional<String> fingerprintId,
            Optional<String> tokenHash, boolean tokenMismatch) {
        this(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, tokenMismatch, false);
    }

    public DeviceResolution(String deviceId, boolean isNew, MatchKind matchedBy, double confidence, Optional<String> fingerprintId,
            Optional<String> tokenHash, boolean tokenMismatch, boolean replacesComponents) {
        this(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, tokenMismatch, replacesComponents, Optional.empty());
    }

    public DeviceResolution(String deviceId, boolean isNew, MatchKind matchedBy, double confidence, Optional<String> fingerprintId,
            Optional<String> tokenHash, boolean tokenMismatch, boolean replacesComponents, Optional<String> separatedFrom) {
        this(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, tokenMismatch, replacesComponents, separatedFrom, false);
    }

    /** This resolution, telling the store to replace the device's stored components with the ones shown. */
    public DeviceResolution replacingComponents() {
        return new DeviceResolution(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, tokenMismatch, true, separatedFrom, fingerprintHeld);
    }

    /** This resolution, knowing whether a device held the fingerprint when it was looked up. */
    public DeviceResolution withFingerprintHeld(boolean held) {
        return new DeviceResolution(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, tokenMismatch, replacesComponents, separatedFrom,
                held && fingerprintId.isPresent());
    }

    /**
     * This resolution as an evaluation that does not let its device in must write it: a token the store
     * does not know yet is not kept for a device that already exists (found by its fingerprint or its
     * components). Whoever copied a device's components, which any page its owner visits can read, would
     * otherwise get a token of that device from a login the service refused, and with it the device's id
     * from then on, whatever components it showed later. The browser's next evaluation that is let in
     * finds the device the same way and keeps the token then. A new device's own token, the device's own
     * known token, and a token moved to a device of its own ({@link DeviceResolver#separate}) are kept:
     * none of them joins a device somebody else has.
     */
    public DeviceResolution withoutJoiningToken() {
        if (isNew || matchedBy == MatchKind.TOKEN || tokenHash.isEmpty()) {
            return this;
        }
        return new DeviceResolution(deviceId, isNew, matchedBy, confidence, fingerprintId, Optional.empty(), tokenMismatch, replacesComponents,
                separatedFrom, fingerprintHeld);
    }

    /**
     * This resolution as an evaluation that does not let its device in must write it: a device that exists
     * already and was found by its components alone (a close match, {@link MatchKind#FUZZY} or
     * {@link MatchKind#FUZZY_APP}) neither claims the fingerprint shown nor takes the components shown as
     * its latest. Whoever copied components close to the owner's (any page the owner visits can read them)
     * would otherwise move the owner's device toward their own with a login the service refused: their
     * fingerprint would find the owner's device exactly from then on, and the owner's next cleared storage
     * would be compared with their components. The browser's next evaluation that is let in finds the
     * device the same way and updates it then. Set as {@link #fingerprintHeld} with nothing to replace,
     * which the store already reads as "claim nothing, keep the stored components" (as for
     * {@link DeviceResolver#verifyToken}'s too few components). A new device keeps its own components
     * whatever its verdict (nothing anybody had is at stake), an exact match has nothing to claim or
     * replace, and the device's own known token ({@link MatchKind#TOKEN}) is the device itself, as for
     * {@link #withoutJoiningToken}.
     */
    public DeviceResolution withoutTakingComponents() {
        if (isNew || matchedBy == MatchKind.TOKEN || matchedBy == MatchKind.EXACT_FINGERPRINT || fingerprintId.isEmpty()) {
            return this;
        }
        return new DeviceResolution(deviceId, isNew, matchedBy, confidence, fingerprintId, tokenHash, tokenMismatch, false, separatedFrom, true);
    }

    /**
     * Whether this evaluation's user agent may rename the device's stored browser and OS: only when it came
     * with the device's own known token (a new device is named by its first evaluation anyway). One browser
     * install never changes its browser family or OS, so a reading that differs under a fingerprint or
     * components match is another browser's: a look-alike merged into the device, or somebody who copied
     * the owner's components and chose a user agent, who would otherwise rename the owner's device in its
     * account's device list. Any match may still fill in a reading that is unknown.
     */
    public boolean renamesDevice() {
        return isNew || matchedBy == MatchKind.TOKEN;
    }

    public boolean isKnownDevice() {
        return matchedBy != MatchKind.NO_SIGNALS;
    }
}
