package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.identity.KnownDevice;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.InMemoryPipelines;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvaluationPipelineTest {
    private static final String APP = "app_test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final EvaluationPipeline pipeline = InMemoryPipelines.standard(store, ids, clock);

    @Test
    void aFirstLoginIsANewUserOnANewDeviceAndAllowed() {
        Evaluation evaluation = pipeline.evaluate(request("login", "alice", "computer", signals("tok-alice-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(evaluation.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(evaluation.policy()).isEmpty();
        assertThat(evaluation.device().isNew()).isTrue();
        assertThat(evaluation.checks()).containsEntry("is_new_user", true).containsEntry("is_new_device", true)
                .containsEntry("is_new_fingerprint", true).containsEntry("is_new_ip", true).containsEntry("device_count", 1L)
                .containsEntry("computer_device_count", 1L).containsEntry("mobile_device_count", 0L);
        assertThat(store.find(APP, evaluation.id())).contains(evaluation);
    }

    @Test
    void theSameBrowserComesBackAsTheSameDeviceAndNothingIsNew() {
        Evaluation first = pipeline.evaluate(request("login", "alice", "computer", signals("tok-alice-laptop-0001", "laptop"), "198.51.100.1"));
        clock.advance(Duration.ofHours(1));
        Evaluation second = pipeline.evaluate(request("access", "alice", "computer", signals("tok-alice-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(second.device().id()).isEqualTo(first.device().id());
        assertThat(second.checks()).containsEntry("is_new_user", false).containsEntry("is_new_device", false)
                .containsEntry("is_new_fingerprint", false).containsEntry("is_new_ip", false).containsEntry("device_count", 1L);
    }

    @Test
    void clearedStorageIsRecognisedByTheExactFingerprint() {
        Evaluation first = pipeline.evaluate(request("login", "alice", "computer", signals("tok-alice-laptop-0001", "laptop"), "198.51.100.1"));
        Evaluation afterClearing = pipeline.evaluate(request("login", "alice", "computer", signals("tok-fresh-after-clear", "laptop"), "198.51.100.1"));
        assertThat(afterClearing.device().id()).isEqualTo(first.device().id());
        // The new token now leads to the same device too.
        Evaluation tokenOnly = pipeline.evaluate(request("access", "alice", "computer",
                new DeviceSignals(Optional.of("tok-fresh-after-clear"), new TreeMap<>(), java.util.List.of(), Optional.empty()), "198.51.100.1"));
        assertThat(tokenOnly.device().id()).isEqualTo(first.device().id());
    }

    @Test
    void withoutSignalsTheDeviceIsUnknownNeverNew() {
        pipeline.evaluate(request("login", "alice", "computer", signals("tok-alice-laptop-0001", "laptop"), "198.51.100.1"));
        Evaluation blind = pipeline.evaluate(request("access", "alice", "mobile", DeviceSignals.NONE, "198.51.100.1"));
        assertThat(blind.device().id()).isEqualTo(DeviceResolution.UNKNOWN_DEVICE_ID);
        assertThat(blind.device().isNew()).isFalse();
        assertThat(blind.checks()).containsEntry("is_new_device", false).containsEntry("device_count", 1L).containsEntry("mobile_device_count", 0L);
    }

    @Test
    void devicesCountPerTypeAndFallOutOfTheWindowAfterThirtyDays() {
        pipeline.evaluate(request("login", "bob", "computer", signals("tok-bob-laptop-00001", "laptop"), "198.51.100.1"));
        pipeline.evaluate(request("login", "bob", "mobile", signals("tok-bob-phone-000001", "phone"), "198.51.100.2"));
        Evaluation third = pipeline.evaluate(request("login", "bob", "tablet", signals("tok-bob-tablet-00001", "tablet"), "198.51.100.3"));
        assertThat(third.checks()).containsEntry("device_count", 3L).containsEntry("computer_device_count", 1L)
                .containsEntry("mobile_device_count", 1L).containsEntry("tablet_device_count", 1L);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        Evaluation later = pipeline.evaluate(request("access", "bob", "mobile", signals("tok-bob-phone-000001", "phone"), "198.51.100.2"));
        assertThat(later.checks()).containsEntry("device_count", 1L).containsEntry("mobile_device_count", 1L).containsEntry("computer_device_count", 0L);
        assertThat(later.checks()).containsEntry("is_new_device", false);
    }

    /** A device refused before it was let in is logged out and still new: refusing it vouched for nothing. */
    @Test
    void aRefusedDeviceIsToldItIsLoggedOutAndStaysNewUntilItIsLetIn() {
        Evaluation first = pipeline.evaluate(request("login", "cleo", "computer", signals("tok-cleo-laptop-0001", "laptop"), "198.51.100.1"));
        store.logOut(APP, "cleo", first.device().id(), io.seatguard.core.account.LinkStatus.REFUSED);

        Evaluation access = pipeline.evaluate(request("access", "cleo", "computer", signals("tok-cleo-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(access.logout()).isTrue();
        assertThat(access.checks()).containsEntry("is_new_device", true).containsEntry("device_count", 0L);
        Evaluation login = pipeline.evaluate(request("login", "cleo", "computer", signals("tok-cleo-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(login.checks()).as("a policy on new devices still sees it").containsEntry("is_new_device", true);
        Evaluation after = pipeline.evaluate(request("access", "cleo", "computer", signals("tok-cleo-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(after.logout()).as("the allowed login let it in").isFalse();
        assertThat(after.checks()).containsEntry("is_new_device", false);
    }

    @Test
    void aLoggedOutDeviceIsToldSoOnAccessAndComesBackOnLogin() {
        Evaluation first = pipeline.evaluate(request("login", "carol", "computer", signals("tok-carol-laptop-001", "laptop"), "198.51.100.1"));
        store.detach(APP, "carol", first.device().id());

        Evaluation access = pipeline.evaluate(request("access", "carol", "computer", signals("tok-carol-laptop-001", "laptop"), "198.51.100.1"));
        assertThat(access.logout()).isTrue();
        assertThat(access.checks()).containsEntry("device_count", 0L);
        Evaluation stillOut = pipeline.evaluate(request("access", "carol", "computer", signals("tok-carol-laptop-001", "laptop"), "198.51.100.1"));
        assertThat(stillOut.logout()).isTrue();

        Evaluation login = pipeline.evaluate(request("login", "carol", "computer", signals("tok-carol-laptop-001", "laptop"), "198.51.100.1"));
        assertThat(login.logout()).isFalse();
        assertThat(pipeline.evaluate(request("access", "carol", "computer", signals("tok-carol-laptop-001", "laptop"), "198.51.100.1")).logout())
                .isFalse();
    }

    @Test
    void aNewDeviceThatLosesTheRaceForItsTokenBecomesTheWinnersDevice() {
        DeviceSignals signals = signals("tok-racing-browser-01", "racer");
        KnownDevice winner = new KnownDevice("winner-device", DeviceType.COMPUTER, "B", "O", clock.instant(), clock.instant());
        store.stageRaceForToken(APP, Fingerprint.sha256Hex("tok-racing-browser-01"), winner);

        Evaluation evaluation = pipeline.evaluate(request("login", "dave", "computer", signals, "198.51.100.1"));
        assertThat(evaluation.device().id()).isEqualTo("winner-device");
        assertThat(evaluation.device().isNew()).isFalse();
        assertThat(store.evaluationCount()).isEqualTo(1);
    }

    /**
     * Two tabs of one browser without a token, evaluated at once: both found the fingerprint free, the
     * other tab's write took it first. This one is resolved again and finds that device, as it would have
     * one request later, instead of becoming a second device of the account.
     */
    @Test
    void aNewDeviceThatLosesTheRaceForItsFingerprintBecomesTheWinnersDevice() {
        // With a GPU, so the hardware class is known (and uncommon): the exact match to the winner, whose link
        // the staged race does not write, stands as it would one request later.
        DeviceSignals signals = new DeviceSignals(Optional.empty(), new TreeMap<>(Map.of("webgl_renderer", "GPU-1", "screen", "1920x1080", "cores", 8L)),
                java.util.List.of(), Optional.of("Europe/Paris"));
        KnownDevice winner = new KnownDevice("winner-device", DeviceType.COMPUTER, "B", "O", clock.instant(), clock.instant());
        store.stageRaceForFingerprint(APP, Fingerprint.of(signals.components()).orElseThrow(), winner);

        Evaluation evaluation = pipeline.evaluate(request("login", "erin", "computer", signals, "198.51.100.1"));
        assertThat(evaluation.device().id()).isEqualTo("winner-device");
        assertThat(evaluation.device().isNew()).isFalse();
        assertThat(store.evaluationCount()).isEqualTo(1);
    }

    @Test
    void aSignupWithoutAUserStillIdentifiesTheDevice() {
        Evaluation signup = pipeline.evaluate(request("signup", null, "mobile", signals("tok-signup-phone-0001", "phone"), "198.51.100.1"));
        assertThat(signup.checks()).containsEntry("is_new_user", false).containsEntry("is_new_device", true).containsEntry("is_new_ip", false)
                .containsEntry("device_count", 1L);
        Evaluation again = pipeline.evaluate(request("signup", null, "mobile", signals("tok-signup-phone-0001", "phone"), "198.51.100.1"));
        assertThat(again.device().id()).isEqualTo(signup.device().id());
        assertThat(again.checks()).containsEntry("is_new_device", false).containsEntry("is_new_fingerprint", false);
    }

    /**
     * Seed 003's retry for a signup: without {@code user}, {@code is_new_device} means never let in to the
     * app. The challenged signup stored the device, but only an allowed evaluation, a passed challenge or
     * an account's link lets it in.
     */
    @Test
    void aSignupStoppedAtItsChallengeLeavesItsDeviceNewToTheAppUntilItIsLetIn() {
        // Signups on devices new to the app are challenged, as an app guarding its free trial would.
        io.seatguard.core.policy.PolicyStage challengeNewDevices = (appId, facts) -> Boolean.TRUE.equals(facts.checks().get("is_new_device"))
                ? new io.seatguard.core.policy.PolicyDecision(Verdict.CHALLENGE, Optional.empty(), java.util.List.of(), Optional.empty())
                : io.seatguard.core.policy.PolicyDecision.ALLOW_NO_MATCH;
        EvaluationPipeline challenging = withPolicies(challengeNewDevices);

        Evaluation stopped = challenging.evaluate(request("signup", null, "mobile", signals("tok-trial-phone-0001", "phone"), "198.51.100.1"));
        assertThat(stopped.verdict()).isEqualTo(Verdict.CHALLENGE);
        Evaluation retry = challenging.evaluate(request("signup", null, "mobile", signals("tok-trial-phone-0001", "phone"), "198.51.100.1"));
        assertThat(retry.device().id()).isEqualTo(stopped.device().id());
        assertThat(retry.device().isNew()).isFalse();
        assertThat(retry.checks()).as("stored, never let in").containsEntry("is_new_device", true).containsEntry("is_new_fingerprint", false);
        assertThat(retry.verdict()).isEqualTo(Verdict.CHALLENGE);

        store.letIn(APP, stopped.device().id());
        Evaluation passed = challenging.evaluate(request("signup", null, "mobile", signals("tok-trial-phone-0001", "phone"), "198.51.100.1"));
        assertThat(passed.checks()).as("its challenge was passed").containsEntry("is_new_device", false);
        assertThat(passed.verdict()).isEqualTo(Verdict.ALLOW);
    }

    /** A device stored by a stopped signup and later allowed (the policy changed) is let in by that evaluation. */
    @Test
    void theFirstAllowedEvaluationOfAStoredDeviceLetsItIn() {
        boolean[] challengeAll = {true};
        io.seatguard.core.policy.PolicyStage switchable = (appId, facts) -> challengeAll[0]
                ? new io.seatguard.core.policy.PolicyDecision(Verdict.DENY, Optional.empty(), java.util.List.of(), Optional.empty())
                : io.seatguard.core.policy.PolicyDecision.ALLOW_NO_MATCH;
        EvaluationPipeline pipeline = withPolicies(switchable);
        Evaluation denied = pipeline.evaluate(request("signup", null, "computer", signals("tok-trial-laptop-001", "laptop"), "198.51.100.1"));
        assertThat(store.wasLetIn(APP, denied.device().id())).isFalse();
        assertThat(pipeline.evaluate(request("signup", null, "computer", signals("tok-trial-laptop-001", "laptop"), "198.51.100.1")).checks())
                .containsEntry("is_new_device", true);

        challengeAll[0] = false;
        Evaluation allowed = pipeline.evaluate(request("signup", null, "computer", signals("tok-trial-laptop-001", "laptop"), "198.51.100.1"));
        assertThat(allowed.checks()).as("judged before it is let in").containsEntry("is_new_device", true);
        assertThat(store.wasLetIn(APP, denied.device().id())).isTrue();
        assertThat(pipeline.evaluate(request("signup", null, "computer", signals("tok-trial-laptop-001", "laptop"), "198.51.100.1")).checks())
                .containsEntry("is_new_device", false);
    }

    /** Without an account, only a signup lets a device in: any other action is the caller's to name, and vouches for nothing. */
    @Test
    void anAllowedEvaluationOfAnotherActionWithoutAnAccountLetsNothingIn() {
        Evaluation browse = pipeline.evaluate(request("browse", null, "computer", signals("tok-anon-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(browse.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(store.wasLetIn(APP, browse.device().id())).isFalse();
        Evaluation signup = pipeline.evaluate(request("signup", null, "computer", signals("tok-anon-laptop-0001", "laptop"), "198.51.100.1"));
        assertThat(signup.checks()).containsEntry("is_new_device", true);
        assertThat(store.wasLetIn(APP, browse.device().id())).as("the allowed signup let it in").isTrue();
    }

    /** A device an account logged in on was let in to the app: a signup from it (a second account) is not a new device's. */
    @Test
    void aDeviceLetInByALoginIsNotNewToASignup() {
        Evaluation login = pipeline.evaluate(request("login", "fay", "computer", signals("tok-fay-laptop-00001", "laptop"), "198.51.100.1"));
        Evaluation signup = pipeline.evaluate(request("signup", null, "computer", signals("tok-fay-laptop-00001", "laptop"), "198.51.100.1"));
        assertThat(signup.device().id()).isEqualTo(login.device().id());
        assertThat(signup.checks()).containsEntry("is_new_device", false);
    }

    /**
     * Found in review: imported history was judged against today's logouts. A device logged out since is
     * not logged out in an import of its past (no logout answer, no deny), and the import does not attach
     * it again either: the logout stands for its next live page view.
     */
    @Test
    void anImportIsJudgedAsItHappenedAndLeavesALogoutMadeSinceStanding() {
        Evaluation first = pipeline.evaluate(request("login", "gus", "computer", signals("tok-gus-laptop-00001", "laptop"), "198.51.100.1"));
        store.detach(APP, "gus", first.device().id());
        for (String action : java.util.List.of("access", "login")) {
            EvaluationRequest live = request(action, "gus", "computer", signals("tok-gus-laptop-00001", "laptop"), "198.51.100.1");
            Evaluation imported = pipeline.evaluate(new EvaluationRequest(APP, action, live.userId(), live.email(), live.phone(), live.metadata(),
                    live.sessionId(), live.returnTo(), live.device(), live.clientIp(), live.userAgent(), Optional.of(clock.instant().minus(Duration.ofDays(3)))));
            assertThat(imported.logout()).as(action).isFalse();
            assertThat(imported.checks()).as("counted as it was then").containsEntry("device_count", 1L);
        }
        Evaluation next = pipeline.evaluate(request("access", "gus", "computer", signals("tok-gus-laptop-00001", "laptop"), "198.51.100.1"));
        assertThat(next.logout()).as("no import attached it again").isTrue();
    }

    @Test
    void anImportedEventKeepsItsOwnTime() {
        Instant past = clock.instant().minus(Duration.ofDays(3));
        EvaluationRequest imported = new EvaluationRequest(APP, "login", Optional.of("erin"), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), signals("tok-erin-imported-001", "e"), IpAddresses.parse("198.51.100.1").orElseThrow(),
                Optional.of("computer"), Optional.of(past));
        assertThat(pipeline.evaluate(imported).createdAt()).isEqualTo(past);
    }

    @Test
    void aRepeatVisitWithinTheThrottlesResolutionWritesOnlyTheEvaluation() {
        pipeline.evaluate(request("login", "fay", "computer", signals("tok-fay-laptop-000001", "laptop"), "198.51.100.1"));
        int rowsAfterFirst = store.rowWrites();
        clock.advance(WriteThrottle.RESOLUTION.minusSeconds(30));
        Evaluation repeat = pipeline.evaluate(request("access", "fay", "computer", signals("tok-fay-laptop-000001", "laptop"), "198.51.100.1"));
        assertThat(store.rowWrites()).isEqualTo(rowsAfterFirst);
        assertThat(store.find(APP, repeat.id())).isPresent();

        clock.advance(Duration.ofSeconds(31));
        pipeline.evaluate(request("access", "fay", "computer", signals("tok-fay-laptop-000001", "laptop"), "198.51.100.1"));
        assertThat(store.rowWrites()).as("stale last-seen times are moved: device, account, IP, fingerprint, link and the device's account row")
                .isEqualTo(rowsAfterFirst + 6);
    }

    @Test
    void aNewIpOnAKnownDeviceWritesJustTheIp() {
        pipeline.evaluate(request("login", "gus", "computer", signals("tok-gus-laptop-000001", "laptop"), "198.51.100.1"));
        int rowsAfterFirst = store.rowWrites();
        Evaluation roaming = pipeline.evaluate(request("access", "gus", "computer", signals("tok-gus-laptop-000001", "laptop"), "203.0.113.9"));
        assertThat(roaming.checks()).containsEntry("is_new_ip", true);
        assertThat(store.rowWrites()).isEqualTo(rowsAfterFirst + 1);
        assertThat(pipeline.evaluate(request("access", "gus", "computer", signals("tok-gus-laptop-000001", "laptop"), "203.0.113.9")).checks())
                .containsEntry("is_new_ip", false);
    }

    @Test
    void olderImportedHistoryStillMovesFirstSeenBack() {
        pipeline.evaluate(request("login", "hal", "computer", signals("tok-hal-laptop-000001", "laptop"), "198.51.100.1"));
        int rowsAfterFirst = store.rowWrites();
        Instant earlier = clock.instant().minus(Duration.ofDays(2));
        EvaluationRequest imported = new EvaluationRequest(APP, "login", Optional.of("hal"), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), signals("tok-hal-laptop-000001", "laptop"), IpAddresses.parse("198.51.100.1").orElseThrow(),
                Optional.of("computer"), Optional.of(earlier));
        pipeline.evaluate(imported);
        assertThat(store.rowWrites()).isGreaterThan(rowsAfterFirst);
        assertThat(store.load(APP, "hal", "198.51.100.1", Optional.empty(), Optional.empty(), earlier.minusSeconds(1)).user().orElseThrow().first())
                .isEqualTo(earlier);
    }

    @Test
    void clearedStorageAfterABrowserUpdateIsRecognisedAmongTheAccountsDevices() {
        Evaluation first = pipeline.evaluate(request("login", "ola", "computer", rich("tok-ola-laptop-000001", "canvas-v1"), "198.51.100.1"));
        Evaluation drifted = pipeline.evaluate(request("login", "ola", "computer", rich("tok-ola-after-clear-1", "canvas-v2"), "198.51.100.1"));
        assertThat(drifted.device().id()).isEqualTo(first.device().id());
        assertThat(drifted.device().isNew()).isFalse();
        assertThat(drifted.device().confidence()).isBetween(DeviceMatcherThreshold.VALUE, 0.99);
        assertThat(drifted.checks()).containsEntry("is_new_device", false).containsEntry("device_count", 1L).containsEntry("is_new_fingerprint", true);
        // The new token and the drifted components now lead to the device directly.
        assertThat(pipeline.evaluate(request("access", "ola", "computer", rich("tok-ola-after-clear-1", "canvas-v2"), "198.51.100.1")).device().confidence())
                .isEqualTo(1.0);
    }

    @Test
    void anotherMachineOrAnotherAccountIsNotFuzzilyMatched() {
        Evaluation first = pipeline.evaluate(request("login", "pia", "computer", rich("tok-pia-laptop-000001", "canvas-v1"), "198.51.100.1"));
        DeviceSignals otherMachine = new DeviceSignals(Optional.of("tok-pia-desktop-00001"), new TreeMap<>(Map.of("platform", "Win32",
                "webgl_renderer", "NVIDIA", "canvas", "canvas-v1", "fonts", "f1", "audio", "a1", "screen", "1920x1080")), java.util.List.of(), Optional.empty());
        assertThat(pipeline.evaluate(request("login", "pia", "computer", otherMachine, "198.51.100.1")).device().id()).isNotEqualTo(first.device().id());
    }

    @Test
    void withoutAnAccountUncommonHardwareIsRecognisedAcrossTheApp() {
        Evaluation first = pipeline.evaluate(request("login", "pia", "computer", rich("tok-pia-laptop-000001", "canvas-v1"), "198.51.100.1"));
        // Storage cleared and the browser updated since; signing up for a second account.
        Evaluation signup = pipeline.evaluate(request("signup", null, "computer", rich("tok-anonymous-000001", "canvas-v2"), "198.51.100.1"));
        assertThat(signup.device().id()).isEqualTo(first.device().id());
        assertThat(signup.device().isNew()).isFalse();
        assertThat(signup.device().confidence()).isBetween(DeviceMatcherThreshold.VALUE, 0.99);
    }

    @Test
    void identicalPhonesOfACommonModelAreNotMergedAcrossAccounts() {
        // Three owners of one phone model: the model's hardware class now holds three browsers' tokens.
        for (String owner : java.util.List.of("ann", "ben", "cat")) {
            pipeline.evaluate(request("login", owner, "mobile", phone("tok-" + owner + "-phone-00001", owner.equals("ann") ? "Europe/Paris" : "Europe/Berlin"),
                    "198.51.100.1"));
        }
        // A fourth, identical in every component to ann's, signs up; then logs in to its own account.
        Evaluation signup = pipeline.evaluate(request("signup", null, "mobile", phone("tok-dan-phone-00001", "Europe/Paris"), "203.0.113.4"));
        assertThat(signup.device().isNew()).isTrue();
        assertThat(pipeline.evaluate(request("login", "dan", "mobile", phone("tok-dan-phone-00001", "Europe/Paris"), "203.0.113.4")).device().id())
                .isEqualTo(signup.device().id());
        Evaluation login = pipeline.evaluate(request("login", "dan", "mobile", phone("tok-dan-after-clear1", "Europe/Paris"), "203.0.113.4"));
        assertThat(login.device().isNew()).as("cleared storage on dan's phone is still dan's phone, found in dan's account").isFalse();
        assertThat(login.device().id()).isEqualTo(signup.device().id());
        // Ann's own phone after clearing storage is still found, by its exact fingerprint within her account.
        Evaluation ann = pipeline.evaluate(request("access", "ann", "mobile", phone("tok-ann-after-clear1", "Europe/Paris"), "198.51.100.1"));
        assertThat(ann.device().isNew()).isFalse();
        assertThat(ann.device().id()).isNotEqualTo(signup.device().id());
    }

    @Test
    void aBrowserWithOtherLanguagesIsAnotherDeviceUnlessItShowsItsToken() {
        Evaluation owner = pipeline.evaluate(request("login", "rita", "computer", withLanguages(rich("tok-rita-laptop-00001", "canvas-v1"), "fr-FR,fr"),
                "198.51.100.1"));
        // The same hardware with other languages and no known token: a sharer's laptop of the owner's model.
        Evaluation sharer = pipeline.evaluate(request("access", "rita", "computer", withLanguages(rich("tok-sharer-laptop-001", "canvas-v1"), "pt-BR,pt"),
                "198.51.100.1"));
        assertThat(sharer.device().id()).isNotEqualTo(owner.device().id());
        assertThat(sharer.device().isNew()).isTrue();
        // The owner adds a language: her token still finds her laptop, and that is no copied token.
        Evaluation added = pipeline.evaluate(request("access", "rita", "computer", withLanguages(rich("tok-rita-laptop-00001", "canvas-v1"), "fr-FR,fr,en"),
                "198.51.100.1"));
        assertThat(added.device().id()).isEqualTo(owner.device().id());
        assertThat(added.checks()).containsEntry("token_mismatch", false);
        // From then on her cleared storage is compared with the languages she has now.
        Evaluation cleared = pipeline.evaluate(request("access", "rita", "computer", withLanguages(rich("tok-rita-after-clear1", "canvas-v2"), "fr-FR,fr,en"),
                "198.51.100.1"));
        assertThat(cleared.device().id()).isEqualTo(owner.device().id());
    }

    private static DeviceSignals withLanguages(DeviceSignals signals, String languages) {
        TreeMap<String, Object> components = new TreeMap<>(signals.components());
        components.put("languages", languages);
        return new DeviceSignals(signals.token(), components, signals.localIps(), signals.timezone());
    }

    @Test
    void aCopiedTokenOnAnotherMachineIsATokenMismatchNotAMerge() {
        Evaluation owner = pipeline.evaluate(request("login", "quinn", "computer", rich("tok-quinn-laptop-0001", "canvas-v1"), "198.51.100.1"));
        DeviceSignals otherMachine = new DeviceSignals(Optional.of("tok-quinn-laptop-0001"), new TreeMap<>(Map.of("platform", "Win32",
                "webgl_vendor", "NVIDIA Corporation", "webgl_renderer", "GeForce RTX 3060", "canvas", "canvas-w", "audio", "a2", "fonts", "f9",
                "cores", 16L, "screen", "2560x1440", "timezone", "Europe/Paris")), java.util.List.of(), Optional.of("Europe/Paris"));
        Evaluation copied = pipeline.evaluate(request("access", "quinn", "computer", otherMachine, "203.0.113.9"));
        assertThat(copied.checks()).containsEntry("token_mismatch", true);
        assertThat(copied.device().id()).isNotEqualTo(owner.device().id());
        assertThat(copied.checks()).containsEntry("device_count", 2L);
        // The token still belongs to the owner's laptop, and a plain browser update is no mismatch.
        Evaluation updated = pipeline.evaluate(request("access", "quinn", "computer", rich("tok-quinn-laptop-0001", "canvas-v2"), "198.51.100.1"));
        assertThat(updated.device().id()).isEqualTo(owner.device().id());
        assertThat(updated.checks()).containsEntry("token_mismatch", false);
        // The copier keeps being told apart, and keeps being flagged.
        Evaluation again = pipeline.evaluate(request("access", "quinn", "computer", otherMachine, "203.0.113.9"));
        assertThat(again.device().id()).isEqualTo(copied.device().id());
        assertThat(again.checks()).containsEntry("token_mismatch", true);
    }

    @Test
    void aPageViewWithFewComponentsKeepsItsDevicesRicherOnesForItsNextClearedStorage() {
        Evaluation owner = pipeline.evaluate(request("login", "sven", "computer", rich("tok-sven-laptop-00001", "canvas-v1"), "198.51.100.1"));
        // One page view whose probes mostly failed (or a hand-made call with the token): too few components to
        // tell whose they are. The token still finds the laptop.
        DeviceSignals thin = new DeviceSignals(Optional.of("tok-sven-laptop-00001"), new TreeMap<>(Map.of("timezone", "Europe/Paris",
                "screen", "1512x982")), java.util.List.of(), Optional.of("Europe/Paris"));
        assertThat(pipeline.evaluate(request("access", "sven", "computer", thin, "198.51.100.1")).device().id()).isEqualTo(owner.device().id());
        // After a browser update the owner clears storage: the laptop is still compared with what it showed in full.
        Evaluation cleared = pipeline.evaluate(request("access", "sven", "computer", rich("tok-sven-after-clear1", "canvas-v2"), "198.51.100.1"));
        assertThat(cleared.device().id()).isEqualTo(owner.device().id());
        assertThat(cleared.device().isNew()).isFalse();
    }

    private static DeviceSignals phone(String token, String zone) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "iPhone", "webgl_vendor", "Apple Inc.", "webgl_renderer",
                "Apple GPU", "canvas", "c-ios18", "audio", "a-ios18", "fonts", "f-ios", "cores", 6L, "touch_points", 5L, "screen", "852x393",
                "timezone", zone)), java.util.List.of(), Optional.of(zone));
    }

    private static DeviceSignals rich(String token, String canvas) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "MacIntel", "webgl_vendor", "Apple", "webgl_renderer", "Apple M2",
                "canvas", canvas, "audio", "a1", "fonts", "f1", "cores", 8L, "memory", 8L, "screen", "1512x982", "timezone", "Europe/Paris")),
                java.util.List.of(), Optional.of("Europe/Paris"));
    }

    /** The matcher's default threshold, named for readability in assertions. */
    private static final class DeviceMatcherThreshold {
        static final double VALUE = io.seatguard.core.identity.DeviceMatcher.DEFAULT_THRESHOLD;
    }

    /** The standard pipeline over this test's store, deciding with {@code policies}. */
    private EvaluationPipeline withPolicies(io.seatguard.core.policy.PolicyStage policies) {
        return new EvaluationPipeline(new io.seatguard.core.testing.FixedUserAgentParser(), new io.seatguard.core.identity.DeviceResolver(store,
                ids::newRandomId), store, io.seatguard.core.checks.CheckRegistry.standard(), policies, store, ids, clock);
    }

    private static DeviceSignals signals(String token, String model) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("model", model, "screen", "1920x1080", "cores", 8L)), java.util.List.of(),
                Optional.of("Europe/Paris"));
    }

    private static EvaluationRequest request(String action, String user, String agent, DeviceSignals signals, String ip) {
        return new EvaluationRequest(APP, action, Optional.ofNullable(user), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of(agent), Optional.empty());
    }
}
