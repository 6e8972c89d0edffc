package io.seatguard.core.evaluation;

import io.seatguard.core.intel.Anonymity;
import io.seatguard.core.intel.AsnInfo;
import io.seatguard.core.intel.Coordinates;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpIntelligence;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.Judgement;
import io.seatguard.core.intel.Place;
import io.seatguard.core.intel.SourceRef;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.net.Networks;
import java.net.InetAddress;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the client's addresses and what outside data says of them into an evaluation's network view:
 * {@code public_ip}, {@code local_ip}, {@code detection_flags} and the place travel and country history
 * are built on.
 *
 * <p>Rules, each chosen to avoid a false positive:
 * <ul>
 *   <li>the local IP is the first globally routable address the browser reported (the server-reflexive
 *       STUN candidate: its real network as seen on the UDP path); private and mDNS addresses say nothing,
 *       unless the HTTP peer is itself private (see {@link #localIp});
 *   <li>{@code proxy}: the local IP is on another network than the HTTP peer (an HTTP-only proxy or a
 *       browser VPN extension). Addresses of two families are not compared (one dual-stack household),
 *       and a private local IP judges nothing (it may be any interface of the machine);
 *   <li>{@code ip_mismatch}: the local and public IPs are in different countries;
 *   <li>the place (what travel and country history use) is the public IP's unless that is masked; only
 *       then the local IP's, which the browser reports and so must not outweigh a clean public IP;
 *   <li>{@code timezone_mismatch}: the browser's zone has another UTC offset, at the evaluation's time,
 *       than every zone the public IP may be in (so Paris vs Berlin never mismatch; the intel adapter
 *       gives an address every zone of its country, so no US browser zone mismatches a US address);
 *   <li>anonymity labels are exclusive, most specific first: Tor, then relay (iCloud Private Relay is
 *       ordinary iPhone traffic that VPN lists also hold), then VPN, then hosting. A lower label under a
 *       higher one is reported false, with the higher one's source saying why.
 * </ul>
 */
public final class NetworkAssessor {
    private static final SourceRef STUN = new SourceRef("stun", Optional.empty());
    private static final List<Anonymity> PRECEDENCE = List.of(Anonymity.TOR, Anonymity.RELAY, Anonymity.VPN, Anonymity.HOSTING);

    private final IpIntelligence intel;

    IpIntelligence intel() {
        return intel;
    }

    public NetworkAssessor(IpIntelligence intel) {
        this.intel = java.util.Objects.requireNonNull(intel, "intel is null");
    }

    public NetworkView assess(InetAddress client, List<String> localIps, Optional<String> browserZone, Instant at) {
        IpFacts publicFacts = lookup(client);
        Optional<InetAddress> local = localIp(client, localIps);
        Optional<IpFacts> localFacts = local.map(this::lookup);
        Map<String, SourceRef> sources = new HashMap<>();
        Map<Anonymity, Optional<Boolean>> labels = labels(publicFacts, sources);

        // Only a routable local IP can expose a proxy: a private one may be any interface of the machine.
        Optional<Boolean> proxy = local.filter(IpAddresses::isGlobal)
                .flatMap(address -> Networks.sameNetwork(IpAddresses.format(address), IpAddresses.format(client)))
                .map(same -> !same);
        proxy.ifPresent(value -> sources.put("proxy", STUN));
        Optional<Boolean> ipMismatch = Optional.empty();
        if (localFacts.isPresent() && localFacts.get().country().isPresent() && publicFacts.country().isPresent()) {
            ipMismatch = Optional.of(!localFacts.get().country().get().equals(publicFacts.country().get()));
            sources.put("ip_mismatch", publicFacts.location().get().source());
        }
        Optional<Boolean> zoneMismatch = timezoneMismatch(publicFacts, browserZone, at);
        zoneMismatch.ifPresent(value -> sources.put("timezone_mismatch", publicFacts.location().get().source()));

        DetectionFlags flags = new DetectionFlags(labels.get(Anonymity.VPN), proxy, labels.get(Anonymity.TOR), labels.get(Anonymity.HOSTING),
                labels.get(Anonymity.RELAY), ipMismatch, zoneMismatch, sources);
        return new NetworkView(info(IpAddresses.format(client), publicFacts), publicFacts,
                local.map(address -> info(IpAddresses.format(address), localFacts.get())), localFacts, flags,
                place(publicFacts, localFacts));
    }

    /**
     * The first globally routable reported address. When the HTTP peer itself is not global (Seatguard
     * inside a private network, or a test on one machine) a private address is comparable with it, so
     * the first one that is not loopback, link-local or unspecified is taken instead.
     */
    static Optional<InetAddress> localIp(InetAddress client, List<String> localIps) {
        List<InetAddress> reported = localIps.stream().map(IpAddresses::parse).flatMap(Optional::stream).toList();
        Optional<InetAddress> global = reported.stream().filter(IpAddresses::isGlobal).findFirst();
        if (global.isPresent() || IpAddresses.isGlobal(client)) {
            return global;
        }
        return reported.stream()
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress() && !a.isMulticastAddress())
                .findFirst();
    }

    private IpFacts lookup(InetAddress address) {
        try {
            return intel.lookup(address);
        }
        catch (RuntimeException | InternalError | StackOverflowError e) {
            // A broken source must not fail an evaluation: what it would have said is unknown. InternalError
            // is how the JVM reports a fault reading a memory-mapped database rewritten in place, which it
            // may raise after the adapter's own guard (compiled code delivers it late). StackOverflowError
            // is a damaged database's record that points into itself: the adapter catches it at its own
            // lookup, and this catch is the last line. Safe at this boundary: a lookup only reads data
            // swapped in whole, so the frames it unwinds leave nothing half-written.
            return IpFacts.UNKNOWN;
        }
    }

    private static Map<Anonymity, Optional<Boolean>> labels(IpFacts facts, Map<String, SourceRef> sources) {
        Map<Anonymity, Optional<Boolean>> labels = new HashMap<>();
        Optional<Judgement> higher = Optional.empty();
        for (Anonymity kind : PRECEDENCE) {
            Optional<Judgement> judged = facts.judged(kind);
            if (higher.isPresent()) {
                labels.put(kind, Optional.of(false));
                sources.put(kind.wireName(), higher.get().source());
                continue;
            }
            labels.put(kind, judged.map(Judgement::value));
            judged.ifPresent(j -> sources.put(kind.wireName(), j.source()));
            if (judged.map(Judgement::value).orElse(false)) {
                higher = judged;
            }
        }
        return labels;
    }

    private static Optional<Boolean> timezoneMismatch(IpFacts facts, Optional<String> browserZone, Instant at) {
        List<ZoneId> ipZones = facts.location().map(IpLocation::zones).orElse(List.of());
        Optional<ZoneId> browser = browserZone.flatMap(NetworkAssessor::zone);
        if (ipZones.isEmpty() || browser.isEmpty()) {
            return Optional.empty();
        }
        ZoneOffset offset = browser.get().getRules().getOffset(at);
        return Optional.of(ipZones.stream().noneMatch(zone -> zone.getRules().getOffset(at).equals(offset)));
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the evaluation took place. An unmasked public address places it, whatever the browser
     * reported: {@code local_ips} is the client's own claim, so letting it move the place would let a
     * sharer on a clean network send an address in the owner's city (of another family, or another
     * country) and silence travel and country history. Only when the public address is masked (a Tor,
     * relay, VPN or hosting source holds it), and so says nothing of where the person is, does the local
     * (real) network's location stand in for it; a local address that is itself masked says nothing
     * either (a full-tunnel VPN carries the browser's UDP too, so its STUN candidate is the exit, as the
     * HTTP peer is). The {@code proxy} flag is not masking here: it is derived from that same claim.
     */
    private static Place place(IpFacts publicFacts, Optional<IpFacts> localFacts) {
        IpFacts placing = publicFacts;
        if (publicFacts.masked()) {
            Optional<IpFacts> real = localFacts.filter(facts -> !facts.masked());
            if (real.isEmpty()) {
                return Place.UNKNOWN;
            }
            placing = real.get();
        }
        return placing.location().map(seen -> new Place(seen.country(), seen.coordinates())).orElse(Place.UNKNOWN);
    }

    private static IpInfo info(String address, IpFacts facts) {
        Optional<IpLocation> location = facts.location();
        Optional<Coordinates> point = location.flatMap(IpLocation::coordinates);
        return new IpInfo(address, location.flatMap(IpLocation::country), location.flatMap(IpLocation::city),
                point.map(Coordinates::latitude), point.map(Coordinates::longitude),
                facts.asn().map(AsnInfo::number), facts.asn().flatMap(AsnInfo::organization));
    }
}
