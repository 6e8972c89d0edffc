package io.seatguard.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The stored form of an evaluation's parts that are written once and never queried by column
 * ({@code evaluations.document}). Nullable fields, epoch-millisecond times: this is a storage row, and
 * {@link EvaluationDocumentMapper} is the only bridge to the domain record.
 */
record EvaluationDocument(
        String action,
        String verdict,
        long createdAt,
        String redirect,
        String userId,
        String email,
        String phone,
        // Stored and returned as given (openapi.json), nulls included at every depth: the annotation reaches
        // the maps nested in it too, which NON_NULL otherwise emptied ({"a": {"d": null}} came back {"a": {}}).
        @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> metadata,
        String sessionId,
        String returnTo,
        Device device,
        Ip publicIp,
        Ip localIp,
        Flags flags,
        // A check that is unknown (null: presence unreadable, an imported event) stays in the document as
        // null; the mapper's NON_NULL would otherwise drop it, and the API would not list the check at all.
        @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> checks,
        Risk risk,
        Policy policy,
        List<Policy> monitoredPolicies,
        Challenge challenge,
        boolean logout,
        // server | signed | unsigned; absent (null) from documents written before it was kept.
        String identity) {
    /** {@code localIps} is absent (null) from documents written before it was kept. */
    record Device(String id, String type, boolean isNew, String fingerprintId, double confidence, String browser, String os, List<String> localIps) {}

    record Ip(String address, String country, String city, Double latitude, Double longitude, Long asn, String asnOrg) {}

    /** {@code sources} is absent from documents written before flags carried their source. */
    record Flags(Boolean vpn, Boolean proxy, Boolean tor, Boolean hosting, Boolean relay, Boolean ipMismatch, Boolean timezoneMismatch,
            Map<String, Source> sources) {}

    /** {@code date} is an ISO date or null. */
    record Source(String name, String date) {}

    record Risk(int score, List<Signal> signals, List<Category> risks) {}

    record Signal(String name, int points, String detail) {}

    record Category(String category, int score, String severity) {}

    /**
     * {@code verdict} and {@code reasons} are absent from documents written before policies existed;
     * {@code reasonsOmitted} is null (left out) when every reason was recorded, as in documents written
     * before reasons were bounded.
     */
    record Policy(String id, String name, String mode, String verdict, List<Reason> reasons, Integer reasonsOmitted) {}

    /** {@code truncated} is null (left out) unless the reason's value or actual was cut. */
    record Reason(String field, String op, Object value, Object actual, boolean held, Boolean truncated) {}

    record Challenge(String id, String type, String status, long expiresAt) {}
}
