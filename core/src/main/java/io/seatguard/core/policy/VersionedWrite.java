package io.seatguard.core.policy;

/**
 * What a policy or list write did that was conditional on the app's policy version ({@link
 * PolicyStore#version}). The condition is how a change checked against the app's other policies and
 * lists stays true when it lands: a policy that names a list, and the list's deletion, each checked
 * the other at one version, cannot both be written.
 */
public enum VersionedWrite {
    /** Written; the version moved. */
    WRITTEN,
    /** Not written, for the store's own reason: no such row (replace, delete) or a name already used (create). */
    REFUSED,
    /** Not written: the app's policies or lists changed after the version the caller checked against. */
    STALE
}
