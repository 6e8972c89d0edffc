package io.seatguard.storage;

import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.intel.SourceRef;
import java.time.LocalDate;
import java.util.TreeMap;
import io.seatguard.core.evaluation.DeviceInfo;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.evaluation.IpInfo;
import io.seatguard.core.evaluation.UserRef;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.policy.ChallengeRef;
import io.seatguard.core.policy.MatchReason;
import io.seatguard.core.policy.PolicyMatch;
import io.seatguard.core.risk.Risk;
import io.seatguard.core.risk.RiskCategory;
import io.seatguard.core.risk.RiskSignal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain {@link Evaluation} ↔ stored {@link EvaluationDocument}. */
final class EvaluationDocumentMapper {
    private EvaluationDocumentMapper() {}

    static EvaluationDocument toDocument(Evaluation evaluation) {
        DeviceInfo device = evaluation.device();
        DetectionFlags flags = evaluation.detectionFlags();
        Risk risk = evaluation.risk();
        return new EvaluationDocument(
                evaluation.action(),
                evaluation.verdict().wireName(),
                evaluation.createdAt().toEpochMilli(),
                evaluation.redirect().orElse(null),
                evaluation.user().id().orElse(null),
                evaluation.user().email().orElse(null),
                evaluation.user().phone().orElse(null),
                evaluation.metadata(),
                evaluation.sessionId().orElse(null),
                evaluation.returnTo().orElse(null),
                new EvaluationDocument.Device(device.id(), device.type().wireName(), device.isNew(), device.fingerprintId().orElse(null),
                        device.confidence(), device.browser(), device.os(), device.localIps() == null ? List.of() : device.localIps()),
                ip(evaluation.publicIp()),
                evaluation.localIp().map(EvaluationDocumentMapper::ip).orElse(null),
                new EvaluationDocument.Flags(flags.vpn().orElse(null), flags.proxy().orElse(null), flags.tor().orElse(null),
                        flags.hosting().orElse(null), flags.relay().orElse(null), flags.ipMismatch().orElse(null), flags.timezoneMismatch().orElse(null),
                        sources(flags.sources())),
                evaluation.checks(),
                new EvaluationDocument.Risk(risk.score(),
                        risk.signals().stream().map(s -> new EvaluationDocument.Signal(s.name(), s.points(), s.detail())).toList(),
                        risk.risks().stream().map(r -> new EvaluationDocument.Category(r.category(), r.score(), r.severity())).toList()),
                evaluation.policy().map(EvaluationDocumentMapper::policy).orElse(null),
                evaluation.monitoredPolicies().stream().map(EvaluationDocumentMapper::policy).toList(),
                evaluation.challenge().map(c -> new EvaluationDocument.Challenge(c.id(), c.type(), c.status(), c.expiresAt().toEpochMilli())).orElse(null),
                evaluation.logout(),
                evaluation.user().identity().map(IdentityProof::wireName).orElse(null));
    }

    static Evaluation toDomain(String appId, String id, Optional<Instant> consumedAt, EvaluationDocument document) {
        EvaluationDocument.Device device = document.device();
        EvaluationDocument.Flags flags = document.flags();
        EvaluationDocument.Risk risk = document.risk();
        return new Evaluation(
                id,
                appId,
                document.action(),
                Verdict.fromWireName(document.verdict()),
                Instant.ofEpochMilli(document.createdAt()),
                consumedAt,
                Optional.ofNullable(document.redirect()),
                new UserRef(Optional.ofNullable(document.userId()), Optional.ofNullable(document.email()), Optional.ofNullable(document.phone()),
                        Optional.ofNullable(document.identity()).flatMap(IdentityProof::fromWireName)),
                document.metadata() == null ? Map.of() : new LinkedHashMap<>(document.metadata()),
                Optional.ofNullable(document.sessionId()),
                Optional.ofNullable(document.returnTo()),
                new DeviceInfo(device.id(), DeviceType.fromWireName(device.type()), device.isNew(), Optional.ofNullable(device.fingerprintId()),
                        device.confidence(), device.browser(), device.os(), device.localIps() == null ? List.of() : device.localIps()),
                ip(document.publicIp()),
                Optional.ofNullable(document.localIp()).map(EvaluationDocumentMapper::ip),
                new DetectionFlags(Optional.ofNullable(flags.vpn()), Optional.ofNullable(flags.proxy()), Optional.ofNullable(flags.tor()),
                        Optional.ofNullable(flags.hosting()), Optional.ofNullable(flags.relay()), Optional.ofNullable(flags.ipMismatch()),
                        Optional.ofNullable(flags.timezoneMismatch()), sourceRefs(flags.sources())),
                document.checks() == null ? Map.of() : document.checks(),
                new Risk(risk.score(),
                        risk.signals().stream().map(s -> new RiskSignal(s.name(), s.points(), s.detail())).toList(),
                        risk.risks().stream().map(r -> new RiskCategory(r.category(), r.score(), r.severity())).toList()),
                Optional.ofNullable(document.policy()).map(p -> policy(p, document.verdict())),
                document.monitoredPolicies() == null ? List.of() : document.monitoredPolicies().stream().map(p -> policy(p, "allow")).toList(),
                Optional.ofNullable(document.challenge()).map(c -> new ChallengeRef(c.id(), c.type(), c.status(), Instant.ofEpochMilli(c.expiresAt()))),
                document.logout());
    }

    private static EvaluationDocument.Policy policy(PolicyMatch match) {
        return new EvaluationDocument.Policy(match.id(), match.name(), match.mode(), match.verdict().wireName(),
                match.reasons().stream().map(r -> new EvaluationDocument.Reason(r.field(), r.op(), r.value(), r.actual(), r.held(),
                        r.truncated() ? Boolean.TRUE : null)).toList(),
                match.reasonsOmitted() > 0 ? match.reasonsOmitted() : null);
    }

    private static PolicyMatch policy(EvaluationDocument.Policy stored, String fallbackVerdict) {
        List<MatchReason> reasons = stored.reasons() == null
                ? List.of()
                : stored.reasons().stream().map(r -> new MatchReason(r.field(), r.op(), r.value(), r.actual(), r.held(), Boolean.TRUE.equals(r.truncated())))
                        .toList();
        return new PolicyMatch(stored.id(), stored.name(), stored.mode(), Verdict.fromWireName(stored.verdict() == null ? fallbackVerdict : stored.verdict()),
                reasons, stored.reasonsOmitted() == null ? 0 : stored.reasonsOmitted());
    }

    private static Map<String, EvaluationDocument.Source> sources(Map<String, SourceRef> sources) {
        Map<String, EvaluationDocument.Source> stored = new TreeMap<>();
        sources.forEach((flag, source) -> stored.put(flag, new EvaluationDocument.Source(source.name(), source.date().map(LocalDate::toString).orElse(null))));
        return stored;
    }

    private static Map<String, SourceRef> sourceRefs(Map<String, EvaluationDocument.Source> stored) {
        Map<String, SourceRef> sources = new TreeMap<>();
        if (stored != null) {
            stored.forEach((flag, source) -> sources.put(flag,
                    new SourceRef(source.name(), Optional.ofNullable(source.date()).map(LocalDate::parse))));
        }
        return sources;
    }

    private static EvaluationDocument.Ip ip(IpInfo ip) {
        return new EvaluationDocument.Ip(ip.address(), ip.country().orElse(null), ip.city().orElse(null), ip.latitude().orElse(null),
                ip.longitude().orElse(null), ip.asn().orElse(null), ip.asnOrg().orElse(null));
    }

    private static IpInfo ip(EvaluationDocument.Ip ip) {
        return new IpInfo(ip.address(), Optional.ofNullable(ip.country()), Optional.ofNullable(ip.city()), Optional.ofNullable(ip.latitude()),
                Optional.ofNullable(ip.longitude()), Optional.ofNullable(ip.asn()), Optional.ofNullable(ip.asnOrg()));
    }
}
