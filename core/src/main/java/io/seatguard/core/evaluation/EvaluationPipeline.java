package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.DeviceWindow;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.challenge.ChallengeIssuer;
import io.seatguard.core.challenge.OwnerNotice;
import io.seatguard.core.challenge.OwnerNotifier;
import io.seatguard.core.checks.CheckInputs;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.pattern.PatternDetector;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.core.webhook.WebhookSubscriptions;
import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.identity.AndroidDesktopSites;
import io.seatguard.core.identity.AppAgents;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.KnownDevice;
import io.seatguard.core.identity.TouchMacs;
import io.seatguard.core.identity.UserAgentInfo;
import io.seatguard.core.identity.UserAgentParser;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.intel.IpIntelligence;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.PolicyDecision;
import io.seatguard.core.policy.PolicyFacts;
import io.seatguard.core.presence.InMemoryPresence;
import io.seatguard.core.presence.Presence;
import io.seatguard.core.policy.PolicyStage;
import io.seatguard.core.risk.Risk;
import io.seatguard.core.risk.RiskScorer;
import io.seatguard.core.risk.RiskWeights;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs one evaluation through its stages, in this order (DESIGN.md "What flows through it"):
 *
 * <ol>
 *   <li>context — the validated request, with its app and client IP already settled by the edge;
 *   <li>identity — user agent to device type, signals to a durable device id by token or exact fingerprint;
 *   <li>account state — what the store knew of the account before this request;
 *   <li>identity, second look — an exact fingerprint match is kept only where it is trustworthy, and a
 *       device still unknown is compared with the account's own devices, whose components may have
 *       drifted since they were last seen, then with look-alikes of uncommon hardware across the app;
 *       where components cannot tell look-alikes apart, the client's network breaks the tie;
 *   <li>network and history — what outside data says of the client's addresses ({@link NetworkAssessor})
 *       and what the account did recently (its last located evaluation, countries, event count);
 *   <li>checks — every registered check, in registry order;
 *   <li>risk — the score and its signals ({@link RiskScorer});
 *   <li>policy — the verdict and any challenge;
 *   <li>one write — the evaluation and the device and account updates, durable before we answer.
 * </ol>
 *
 * <p>Each stage only reads what earlier ones produced. If what they read no longer holds when the write
 * runs ({@link StaleReadConflict}), the whole pipeline runs again and judges by what is there now: a
 * brand-new device that lost a race for its token or fingerprint to a concurrent first request of the
 * same browser ({@link DeviceClaimConflict}) resolves as it would have one request later, finding the
 * winner's device; an evaluation whose account or device was erased meanwhile ({@link DeletedSinceRead})
 * finds the account new and the browser a new device. A retry finds what it lost committed, so it does
 * not lose the same way again; an erasure can cost two (its batches delete the device, its last
 * transaction the account), hence three attempts.
 */
public final class EvaluationPipeline {
    private static final int ATTEMPTS = 3;

    private final UserAgentParser userAgents;
    private final DeviceResolver devices;
    private final AccountReader accounts;
    private final CheckRegistry checks;
    private final PolicyStage policies;
    private final EvaluationStore store;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final Presence presence;
    private final RiskScorer risks;
    private final NetworkAssessor networks;
    private final ActivityReader activity;
    private final CheckSettings settings;
    private final Optional<ChallengeIssuer> challenges;
    private final OwnerNotifier notifier;
    private final PatternDetector patterns;
    private final WebhookSubscriptions webhooks;

    /** A pipeline with presence kept in this process (one node) and the default risk weights. */
    public EvaluationPipeline(
            UserAgentParser userAgents,
            DeviceResolver devices,
            AccountReader accounts,
            CheckRegistry checks,
            PolicyStage policies,
            EvaluationStore store,
            IdGenerator ids,
            InstantSource clock) {
        this(userAgents, devices, accounts, checks, policies, store, ids, clock, new InMemoryPresence(InMemoryPresence.DEFAULT_ACTIVE_WINDOW),
                new RiskScorer(RiskWeights.defaults()));
    }

    public EvaluationPipeline(
            UserAgentParser userAgents,
            DeviceResolver devices,
            AccountReader accounts,
            CheckRegistry checks,
            PolicyStage policies,
            EvaluationStore store,
            IdGenerator ids,
            InstantSource clock,
            Presence presence,
            RiskScorer risks) {
        this(userAgents, devices, accounts, checks, policies, store, ids, clock, presence, risks, IpIntelligence.NONE, ActivityReader.NONE,
                CheckSettings.DEFAULTS, Optional.empty(), OwnerNotifier.NONE, new PatternDetector(PatternThresholds.DEFAULTS),
                WebhookSubscriptions.NONE);
    }

    private EvaluationPipeline(
            UserAgentParser userAgents,
            DeviceResolver devices,
            AccountReader accounts,
            CheckRegistry checks,
            PolicyStage policies,
            EvaluationStore store,
            IdGenerator ids,
            InstantSource clock,
            Presence presence,
            RiskScorer risks,
            IpIntelligence intel,
            ActivityReader activity,
            CheckSettings settings,
            Optional<ChallengeIssuer> challenges,
            OwnerNotifier notifier,
            PatternDetector patterns,
            WebhookSubscriptions webhooks) {
        this.userAgents = requireNonNull(userAgents, "userAgents is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.checks = requireNonNull(checks, "checks is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.store = requireNonNull(store, "store is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.presence = requireNonNull(presence, "presence is null");
        this.risks = requireNonNull(risks, "risks is null");
        this.networks = new NetworkAssessor(intel);
        this.activity = requireNonNull(activity, "activity is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.challenges = requireNonNull(challenges, "challenges is null");
        this.notifier = requireNonNull(notifier, "notifier is null");
        this.patterns = requireNonNull(patterns, "patterns is null");
        this.webhooks = requireNonNull(webhooks, "webhooks is null");
    }

    /**
     * This pipeline with network intelligence and account history: outside data on the client's
     * addresses, and the reader of recent activity, with the thresholds the checks were built with
     * (for the velocity window the reader must look back over).
     */
    public EvaluationPipeline withNetwork(IpIntelligence intel, ActivityReader activity, CheckSettings settings) {
        return new EvaluationPipeline(userAgents, devices, accounts, checks, policies, store, ids, clock, presence, risks, intel, activity, settings,
                challenges, notifier, patterns, webhooks);
    }

    /** This pipeline putting the webhook events its apps subscribe to in the outbox, with each evaluation's write. */
    public EvaluationPipeline withWebhooks(WebhookSubscriptions subscriptions) {
        return new EvaluationPipeline(userAgents, devices, accounts, checks, policies, store, ids, clock, presence, risks, networks.intel(), activity,
                settings, challenges, notifier, patterns, subscriptions);
    }

    /** This pipeline judging account patterns by these thresholds (the defaults otherwise). */
    public EvaluationPipeline withPatternThresholds(PatternThresholds thresholds) {
        return new EvaluationPipeline(userAgents, devices, accounts, checks, policies, store, ids, clock, presence, risks, networks.intel(), activity,
                settings, challenges, notifier, new PatternDetector(thresholds), webhooks);
    }

    /**
     * This pipeline opening the challenges its policies ask for, and telling owners what their policies
     * ask to be told; without it a challenge verdict has no redirect.
     */
    public EvaluationPipeline withChallenges(ChallengeIssuer issuer, OwnerNotifier owners) {
        return new EvaluationPipeline(userAgents, devices, accounts, checks, policies, store, ids, clock, presence, risks, networks.intel(), activity,
                settings, Optional.of(issuer), owners, patterns, webhooks);
    }

    public Evaluation evaluate(EvaluationRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(request);
            }
            catch (StaleReadConflict conflict) {
                if (attempt >= ATTEMPTS) {
                    // Nothing was stored, so the caller may send it again: a 409 that says so, not a 500.
                    throw new SeatguardException(ErrorCode.CONCURRENT_CHANGE,
                            "The account or its device kept changing while this evaluation was judged (erased, or the device claimed at the same"
                                    + " moment); nothing was recorded: send it again",
                            java.util.List.of(), conflict);
                }
            }
        }
    }

    private Evaluation attempt(EvaluationRequest request) {
        // Whole milliseconds, as every store keeps the evaluation's time: history is "strictly earlier, to the
        // millisecond" (docs/checks.md), and a finer time judged events of one stored millisecond as earlier
        // only where it was still held (the embedded store's activity cache, in-memory presence).
        Instant at = request.timestamp().orElseGet(clock::instant).truncatedTo(ChronoUnit.MILLIS);
        // Imported history (a server-mode timestamp) is judged as it happened, not against the present: no
        // browser-version rule, no logout made since, no challenge, no re-attach (see their uses below).
        boolean imported = request.timestamp().isPresent();
        String ip = IpAddresses.format(request.clientIp());

        // identity
        // An iPad sends a Mac's user agent, an Android tablet asking for the desktop site desktop Linux's; the
        // page's touch points (and Android's platform) say what they are (TouchMacs, AndroidDesktopSites).
        UserAgentInfo agent = AndroidDesktopSites.corrected(
                TouchMacs.corrected(request.userAgent().map(userAgents::parse).orElse(UserAgentInfo.UNKNOWN), request.device()), request.device());
        DeviceResolver.Resolved first = devices.resolve(request.appId(), request.device());

        // account state
        AccountState account = request.userId()
                .map(user -> accounts.load(request.appId(), user, ip, first.resolution().fingerprintId(),
                        first.resolution().isKnownDevice() ? Optional.of(first.resolution().deviceId()) : Optional.empty(),
                        at.minus(DeviceWindow.DEFAULT_LENGTH)))
                .orElse(AccountState.NO_ACCOUNT);
        // identity, second look: a "new" device may be one of the account's own after drift
        // A token shown with another device's components may be a copied one (token_mismatch).
        DeviceResolver.Resolved checked = devices.verifyToken(request.appId(), request.device(), first);
        // A token that proved to be another install's gets a device of its own.
        DeviceResolver.Resolved resolved = checked.resolution().matchedBy() == DeviceResolution.MatchKind.TOKEN
                ? devices.separate(request.appId(), checked, at)
                : devices.settle(request.appId(), request.device(), checked, account.devices().stream().map(LinkedDevice::deviceId).toList(),
                        // A token's version is known as of its latest sighting, which may come after an import.
                        request.clientIp(), at, imported ? UserAgentInfo.UNKNOWN_VERSION : agent.browserMajor());
        DeviceResolution device = resolved.resolution();
        DeviceType deviceType = agent.type() != DeviceType.UNKNOWN
                ? agent.type()
                : resolved.device().map(KnownDevice::type).orElse(DeviceType.UNKNOWN);
        // A logout made since an import's time does not apply to it (no logout answer, no deny), and the
        // import does not undo it either (attach, below).
        boolean linkLoggedOut = hasLoggedOutLink(device, account);
        boolean logout = !imported && linkLoggedOut && !signsIn(request);
        Optional<Map.Entry<String, DeviceType>> current = device.isKnownDevice()
                ? Optional.of(Map.entry(device.deviceId(), deviceType))
                : Optional.empty();
        // A vouched evaluation counts the devices vouched evaluations let in (DeviceWindow), as it knows only those.
        Map<String, DeviceType> window = DeviceWindow.devicesInWindow(account, current, !logout, at, DeviceWindow.DEFAULT_LENGTH,
                request.identity().vouched());

        // checks, risk, policy
        // Imported history (a server-mode timestamp): who was online then is not known, and presence only
        // knows now, so the checks that need it are unknown rather than judged against today's sessions.
        Optional<List<Presence.LiveSession>> liveSessions = request.userId().isEmpty()
                ? Optional.of(List.of())
                : imported ? Optional.empty() : presence.liveIfReadable(request.appId(), request.userId().get(), at);
        NetworkView network = networks.assess(request.clientIp(), request.device().localIps(), request.device().timezone(), at);
        // An evaluation vouched for is judged by vouched history alone: unsigned evaluations naming the
        // account may be anyone's who read the client id, and must not get the owner refused.
        // A new device (or the zero id) has no accounts yet: its accounts are read only for one seen before.
        Optional<String> seenDevice = device.isKnownDevice() && !device.isNew() ? Optional.of(device.deviceId()) : Optional.empty();
        ActivityReader.WithDevice recent = request.userId()
                .map(user -> activity.readWithDevice(request.appId(), user, network.place().country(), device.fingerprintId(), seenDevice, at,
                        settings.velocityWindow(), request.identity().vouched()))
                .orElseGet(() -> new ActivityReader.WithDevice(withoutAccount(request.appId(), device, request.identity().vouched()),
                        seenDevice.isPresent()
                                ? activity.accountsOnDevice(request.appId(), seenDevice.get(), Optional.empty(), request.identity().vouched())
                                : OptionalLong.of(0)));
        // Without an account, is_new_device means never let in to the app: read only then (signups, mostly).
        boolean letInBefore = request.userId().isEmpty() && devices.wasLetIn(request.appId(), device);
        CheckInputs inputs = new CheckInputs(request, device, deviceType, account, window, liveSessions, ip, network, recent.activity(), at,
                letInBefore, recent.otherAccountsOnDevice());
        Map<String, Object> checkValues = checks.evaluateAll(inputs);
        Risk risk = risks.score(checkValues, request.userId().isPresent());
        PolicyDecision decision = policies.decide(request.appId(), new PolicyFacts(request.action(), request.userId(), request.email(),
                request.phone(), request.metadata(), ip, device.deviceId(), deviceType.wireName(), checkValues, risk, network.flags()));

        String evaluationId = ids.newTimeOrderedId();
        // A device logged out of the account is not offered a challenge on it: it is sent to the logout page.
        // An import keeps the policy's verdict but opens no challenge: nobody is at a page, one opened as of
        // then has expired already, and it would override a live one of the same account and device.
        boolean challenges = decision.verdict() == Verdict.CHALLENGE && !logout && !imported;
        Optional<ChallengeIssuer.Opened> opened = challenges && decision.decidedBy().isPresent()
                ? this.challenges.flatMap(issuer -> issuer.openUnlessVerified(evaluationId, request, device.deviceId(), decision.decidedBy().get(),
                        decision.policy().orElseThrow(), at))
                : Optional.empty();
        // The owner passed this verification on this device recently: the policy still matched (recorded), and the answer is allow.
        boolean alreadyVerified = challenges && this.challenges.isPresent() && opened.isEmpty();
        Verdict verdict = alreadyVerified ? Verdict.ALLOW : decision.verdict() == Verdict.CHALLENGE && logout ? Verdict.DENY : decision.verdict();
        Evaluation evaluation = new Evaluation(
                evaluationId,
                request.appId(),
                request.action(),
                verdict,
                at,
                Optional.empty(),
                // A logged-out device is sent where the app's policy says logged-out devices land.
                opened.map(ChallengeIssuer.Opened::redirect).or(() -> logout ? policies.logoutUrl(request.appId(), request.action()) : Optional.empty()),
                new UserRef(request.userId(), request.email(), request.phone(), Optional.of(request.identity())),
                request.metadata(),
                request.sessionId(),
                request.returnTo(),
                new DeviceInfo(device.deviceId(), deviceType, device.isNew(), device.fingerprintId(), device.confidence(), agent.browser(), agent.os(),
                        request.device().localIps()),
                network.publicIp(),
                network.localIp(),
                network.flags(),
                checkValues,
                risk,
                decision.policy(),
                decision.monitored(),
                opened.map(ChallengeIssuer.Opened::ref),
                logout);

        // one write
        // Only an allowed evaluation vouches for the device: a challenged or denied one must not make it
        // known to the account, or a login abandoned at its challenge would find the device "not new" at
        // the next try and walk through (seed 003). Passing the challenge links it (ChallengeService).
        boolean attach = !logout && verdict == Verdict.ALLOW && !(imported && linkLoggedOut);
        // An import still carries a logout to a token separated from the logged-out device.
        Touches throttled = WriteThrottle.touches(at, account, device, resolved.device(), deviceType, attach, request.identity().vouched(),
                logout || imported && linkLoggedOut,
                request.userId().isPresent(), recent.activity().countryUpToDate());
        // An account's attached link vouches for its device (DeviceDirectory.wasLetIn); without an account,
        // only an allowed signup lets it in. Any other action is the browser's to name: an allowed
        // {"action": "x"} must not vouch for a device whose signup is still at its challenge.
        Touches touches = attach && request.userId().isEmpty() && Actions.SIGNUP.equals(request.action()) && device.isKnownDevice() && !letInBefore
                ? throttled.lettingDeviceIn()
                : throttled;
        List<PatternObservation> observed = request.userId().isPresent() && !imported
                ? patterns.observe(attach ? checkValues : withAccountsDevicesOnly(checkValues, account, at, request.identity().vouched()), account, at)
                : List.of();
        // An evaluation that does not let its device in joins no new token to a device that exists already,
        // and does not move one found by close components toward the ones shown: copied components must earn
        // neither a token of the owner's device nor its fingerprint (DeviceResolution.withoutJoiningToken,
        // withoutTakingComponents).
        DeviceResolution written = attach ? device : device.withoutJoiningToken().withoutTakingComponents();
        store.record(new EvaluationWrite(evaluation, written, attach, touches, request.device().components(), network.place(),
                opened.map(ChallengeIssuer.Opened::challenge), observed, WebhookEvents.of(webhooks, evaluation, account, device, attach),
                agent.browserMajor(), account.userKnown()));
        keepSessionLive(request, device, deviceType, ip, at, attach);
        endRefusedPageView(request, at, attach);
        notifyOwner(request, decision, evaluation, device, agent.inApp(), logout, at);
        return evaluation;
    }

    /** A policy that decided this evaluation asked to tell the owner; best effort, after the write. */
    /** @param inApp the parser read the agent as a browser inside an app (a web view, Instagram's own) */
    private void notifyOwner(EvaluationRequest request, PolicyDecision decision, Evaluation evaluation, DeviceResolution device, boolean inApp,
            boolean logout, Instant at) {
        if (decision.decidedBy().isEmpty() || decision.decidedBy().get().definition().notifyChannels().isEmpty() || request.userId().isEmpty()
                || !device.isKnownDevice() || logout || request.timestamp().isPresent()) {
            return;
        }
        DeviceInfo info = evaluation.device();
        try {
            notifier.notify(new OwnerNotice(request.appId(), request.userId().get(), device.deviceId(), decision.decidedBy().get().definition().notifyChannels(),
                    request.email(), request.phone(), info.browser(), info.os(), inApp || AppAgents.isApp(request.userAgent()), info.type(),
                    evaluation.publicIp().country(), decision.decidedBy().get().id(), at, request.clientIp(), request.identity().vouched(),
                    request.acceptLanguage()));
        }
        catch (RuntimeException e) {
            // The evaluation is stored and answered whatever happens to the notice.
        }
    }

    /**
     * An evaluation that lets its device in is a sign of life of its session, like a heartbeat. Imported
     * history (a server-mode timestamp) is not, and neither is a logged-out device, nor a challenged or
     * denied evaluation: the person has no session (seed 003: none is opened before the challenge passes),
     * and a login stopped at its challenge must not show the owner's other devices a concurrent session.
     * The session is vouched for once a vouched evaluation touched it (presence keeps that through unsigned
     * ones): one opened with the public client id alone must not count for the evaluations the app vouches
     * for ({@code concurrent_sessions}). Presence failing
     * must not fail an evaluation that is already stored.
     */
    private void keepSessionLive(EvaluationRequest request, DeviceResolution device, DeviceType type, String ip, Instant at, boolean letIn) {
        if (request.userId().isEmpty() || request.sessionId().isEmpty() || request.timestamp().isPresent() || !letIn) {
            return;
        }
        try {
            presence.touch(request.appId(), request.userId().get(),
                    new Presence.LiveSession(request.sessionId().get(), device.deviceId(), type.wireName(), ip, at, request.identity().vouched()));
        }
        catch (RuntimeException e) {
            // Best effort: the next heartbeat touches it again.
        }
    }

    /**
     * A page view not let in (denied, sent to a challenge, or from a logged-out device) ends its session:
     * a single-page app keeps one session for all its page views, and an earlier one's allow must not keep
     * the tab live once a later one is refused, or the tab the app refused still showed the owner a
     * concurrent session. Only {@code access}: a custom action refused on an allowed page (an export the
     * plan does not include) says nothing of the page view. Imported history is not now. Presence failing
     * must not fail an evaluation that is already stored.
     */
    private void endRefusedPageView(EvaluationRequest request, Instant at, boolean letIn) {
        if (letIn || !Actions.ACCESS.equals(request.action()) || request.userId().isEmpty() || request.sessionId().isEmpty()
                || request.timestamp().isPresent()) {
            return;
        }
        try {
            presence.end(request.appId(), request.userId().get(), request.sessionId().get(), at);
        }
        catch (RuntimeException e) {
            // Best effort: the SDK stops the tab's heartbeats on the same answer.
        }
    }

    /**
     * An evaluation naming no account has no history of its own, but its fingerprint's accounts are still
     * known: a signup without a user is where one browser opening many accounts shows
     * ({@code fingerprint_user_count}; in an evaluation vouched for, of the accounts vouched ones showed it for).
     */
    private AccountActivity withoutAccount(String appId, DeviceResolution device, boolean vouched) {
        if (device.fingerprintId().isEmpty()) {
            return AccountActivity.UNKNOWN;
        }
        return new AccountActivity(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                activity.accountsOnFingerprint(appId, device.fingerprintId().get(), vouched));
    }

    /**
     * Whether the device's link to the account is logged out now. A device logged out of an account stays
     * out on access and custom actions (the SDK then fires {@code on_logout}); a fresh login or signup on
     * it ({@link #signsIn}) is the person signing in again and attaches it anew.
     */
    private static boolean hasLoggedOutLink(DeviceResolution device, AccountState account) {
        if (!device.isKnownDevice()) {
            return false;
        }
        // A token separated from a logged-out device stays logged out: separation must not undo a logout.
        return isDetached(account, device.deviceId()) || device.separatedFrom().map(from -> isDetached(account, from)).orElse(false);
    }

    private static boolean signsIn(EvaluationRequest request) {
        return Actions.LOGIN.equals(request.action()) || Actions.SIGNUP.equals(request.action());
    }

    /**
     * The checks as {@code many_devices} must see them when this evaluation did not let its device in:
     * {@code device_count} counts the device being signed in on, but the pattern counts the account's
     * devices (patterns.md), and its levels never fall, so a challenged or denied login must not raise it.
     */
    private static Map<String, Object> withAccountsDevicesOnly(Map<String, Object> checks, AccountState account, Instant at, boolean vouched) {
        if (!(checks.get("device_count") instanceof Number)) {
            return checks;
        }
        Map<String, Object> adjusted = new java.util.HashMap<>(checks);
        // The account's attached devices in the window, this one among them only if it is one of them.
        adjusted.put("device_count", (long) DeviceWindow.devicesInWindow(account, Optional.empty(), false, at, DeviceWindow.DEFAULT_LENGTH, vouched)
                .size());
        return adjusted;
    }

    private static boolean isDetached(AccountState account, String deviceId) {
        return account.device(deviceId).map(LinkedDevice::status).orElse(LinkStatus.ATTACHED).loggedOut();
    }
}
