package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengeExits;
import io.seatguard.core.challenge.ChallengeService;
import io.seatguard.core.challenge.VerificationCodes;
import io.seatguard.core.challenge.ChallengeStatus;
import io.seatguard.core.challenge.CodeSender;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.ChallengeType;
import io.seatguard.server.http.ForwardedProto;
import io.seatguard.server.http.Origins;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted challenge pages under {@code /challenge/} (CONTRACT.md "Pages"): server-rendered, no
 * script, no third-party asset, a strict Content-Security-Policy, CSRF protection by a double-submit
 * token (a SameSite=Strict cookie matched against a hidden field), in the person's language, and rate
 * limited per account, per recipient (sends) and per IP on top of each challenge's own attempt count.
 */
public final class ChallengePages {
    private static final Pattern CHALLENGE_ID = Pattern.compile("ch_[0-9A-Za-z]{32}");
    private static final Pattern CSRF_TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "fr", "Français", "es", "Español", "ar", "العربية");

    private static final Logger log = LoggerFactory.getLogger(ChallengePages.class);
    /** The notices of a challenge that ended with an exit too long for a redirect: passed, or declined. */
    private static final String DONE_WITHOUT_EXIT = "done_no_exit";
    private static final String FAILED_WITHOUT_EXIT = "failed_no_exit";

    private final ChallengeService challenges;
    private final AppService apps;
    private final CodeSender sender;
    private final ClientIpResolver clientIps;
    private final AttemptLimits limits;
    private final java.util.function.Supplier<String> publicUrl;
    private final SecureRandom random = new SecureRandom();
    private final Template page;
    private final byte[] stylesheet;

    /** @param publicUrl the address people reach this server at ({@code --public-url}, or the one the server derived) */
    public ChallengePages(ChallengeService challenges, AppService apps, CodeSender sender, ClientIpResolver clientIps, AttemptLimits limits,
            java.util.function.Supplier<String> publicUrl) {
        this.challenges = requireNonNull(challenges, "challenges is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.clientIps = requireNonNull(clientIps, "clientIps is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.publicUrl = requireNonNull(publicUrl, "publicUrl is null");
        this.page = Mustache.compiler().defaultValue("").emptyStringIsFalse(true).compile(resource("challenge/page.mustache"));
        try (InputStream in = ChallengePages.class.getClassLoader().getResourceAsStream("challenge/challenge.css")) {
            this.stylesheet = requireNonNull(in, "challenge.css is missing").readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // routes

    public void show(Context ctx) {
        withChallenge(ctx, id -> render(ctx, challenges.open(id), 200));
    }

    public void send(Context ctx) {
        withChallenge(ctx, id -> {
            if (!csrfHolds(ctx)) {
                return;
            }
            Challenge challenge = challenges.get(id);
            String channel = String.valueOf(ctx.formParam("channel"));
            if (!channel.equals("email") && !channel.equals("sms")) {
                // No button posts anything else: a form made by hand is told it is wrong, not that the channel is down.
                render(ctx, new ChallengeService.Step.Show(challenge, Optional.of("channel_unavailable"), challenges.attemptsLeft(challenge)), 422);
                return;
            }
            // Looked up before any limit is spent: a challenge whose app the store no longer has is not
            // found, and its sends took the client address's token first (found in review), so such pages
            // drained the send limit that address's real challenges need.
            App app = app(challenge);
            // Only a send that would go out spends the limits: refusals cost nobody anything.
            Optional<AttemptLimits.Permit> permit = Optional.empty();
            if (challenges.maySend(challenge, channel)) {
                switch (limits.tryAcquire(sendClaims(ctx, challenge, channel))) {
                    case AttemptLimits.Decision.Refused refused -> {
                        rateLimited(ctx, challenge, refused.retryAfter());
                        return;
                    }
                    case AttemptLimits.Decision.Allowed allowed -> permit = Optional.of(allowed.permit());
                }
            }
            ChallengeService.Step step = challenges.sendCode(id, channel, app.name(), locale(ctx));
            boolean failed = step instanceof ChallengeService.Step.Show show && show.notice().filter(ChallengeService.SEND_FAILED::equals).isPresent();
            if (failed) {
                // The provider was tried and failed: the owner's and the recipient's limits get their tokens back
                // (an outage locks nobody out), the client address's does not. Giving that back too let one address
                // have the mail server or SMS provider tried without end for a recipient it always refuses.
                permit.ifPresent(taken -> taken.giveBackAllBut(AttemptLimits.SEND_PER_IP));
            }
            else if (!(step instanceof ChallengeService.Step.Show show
                    && show.notice().filter(notice -> notice.equals(ChallengeService.CODE_SENT) || notice.equals(ChallengeService.CODE_MAY_BE_LATE)).isPresent())) {
                // Nothing was tried (another request changed the challenge first): the send is not counted.
                permit.ifPresent(AttemptLimits.Permit::giveBack);
            }
            if (step instanceof ChallengeService.Step.Wait wait) {
                long seconds = io.seatguard.server.http.RetryAfter.set(ctx, wait.retryAfter());
                render(ctx, new ChallengeService.Step.Show(wait.challenge(), Optional.of("wait:" + seconds),
                        challenges.attemptsLeft(wait.challenge())), 429);
                return;
            }
            render(ctx, step, failed ? 503 : 200);
        });
    }

    public void verify(Context ctx) {
        withChallenge(ctx, id -> {
            if (!csrfHolds(ctx)) {
                return;
            }
            Challenge challenge = challenges.get(id);
            // Looked up before any limit is spent, as for a send: a challenge whose app is gone is not found.
            app(challenge);
            String code = Optional.ofNullable(ctx.formParam("code")).orElse("");
            // Only a check that would judge a code spends the limits: checks sent to an expired, finished or
            // codeless challenge must not use up the owner's, and neither does what cannot be a code.
            if (challenges.awaitsCode(challenge) && VerificationCodes.typed(code).isPresent()
                    && limits.tryAcquire(List.of(new AttemptLimits.Claim(AttemptLimits.VERIFY_PER_ACCOUNT, accountKey(challenge)),
                            new AttemptLimits.Claim(AttemptLimits.VERIFY_PER_IP, limitKey(ctx)))) instanceof AttemptLimits.Decision.Refused refused) {
                rateLimited(ctx, challenge, refused.retryAfter());
                return;
            }
            ChallengeService.Step step = challenges.verify(id, code);
            boolean wrong = step instanceof ChallengeService.Step.Show show && show.notice()
                    .filter(notice -> notice.equals("wrong_code") || notice.equals(ChallengeService.NOT_A_CODE) || notice.equals(ChallengeService.CODE_EXPIRED)
                            || notice.equals(ChallengeService.CODE_REPLACED))
                    .isPresent();
            render(ctx, step, wrong ? 422 : 200);
        });
    }

    public void decline(Context ctx) {
        withChallenge(ctx, id -> {
            if (csrfHolds(ctx)) {
                render(ctx, challenges.decline(id), 200);
            }
        });
    }

    /** The device-limit page's Continue: completes the challenge once the account is within its limit. */
    public void continueDeviceLimit(Context ctx) {
        withChallenge(ctx, id -> {
            if (csrfHolds(ctx)) {
                render(ctx, challenges.continueIfWithinLimit(id), 200);
            }
        });
    }

    /**
     * A GET of a form's address (the address bar shows it after any post; reopened, or opened in a new tab):
     * back to the challenge's page, rather than the API's 405 problem document in a browser.
     */
    public void backToPage(Context ctx) {
        withChallenge(ctx, id -> {
            String lang = ctx.queryParam("lang");
            boolean knownLang = lang != null && ChallengeTexts.SUPPORTED.stream().anyMatch(locale -> locale.getLanguage().equals(lang));
            ctx.status(303).header("Location", "/challenge/" + id + (knownLang ? "?lang=" + lang : "")).result("");
        });
    }

    public void logoutDevice(Context ctx) {
        withChallenge(ctx, id -> {
            if (!csrfHolds(ctx)) {
                return;
            }
            Optional<String> deviceId = io.seatguard.core.ids.UuidText.canonical(ctx.formParam("device_id"));
            if (deviceId.isEmpty()) {
                // No button posts anything but a device id: a form made by hand is told it is wrong.
                Challenge challenge = challenges.get(id);
                render(ctx, new ChallengeService.Step.Show(challenge, Optional.of("unknown_device"), challenges.attemptsLeft(challenge)), 422);
                return;
            }
            render(ctx, challenges.logOutDevice(id, deviceId.get()), 200);
        });
    }

    /** {@code /challenge/{id}/brand.css}: the app's colour, with text colours that keep WCAG AA contrast on and next to it. */
    public void brandStylesheet(Context ctx) {
        String id = ctx.pathParam("id");
        String css = "";
        if (CHALLENGE_ID.matcher(id).matches()) {
            try {
                css = app(challenges.get(id)).branding().color().map(BrandColors::css).orElse("");
            }
            catch (SeatguardException e) {
                css = "";
            }
        }
        ctx.header("Cache-Control", "private, max-age=300").contentType("text/css; charset=utf-8").result(css);
    }

    public void stylesheet(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600").contentType("text/css; charset=utf-8").result(stylesheet);
    }

    // rendering

    private interface Action {
        void run(String challengeId);
    }

    /** Unknown and malformed ids get one plain page, so a probe learns nothing about which ids exist. */
    private void withChallenge(Context ctx, Action action) {
        securityHeaders(ctx, Set.of());
        String id = ctx.pathParam("id");
        try {
            if (!CHALLENGE_ID.matcher(id).matches()) {
                throw SeatguardException.notFound("challenge");
            }
            action.run(id);
        }
        catch (SeatguardException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            ChallengeTexts texts = ChallengeTexts.of(locale(ctx));
            ctx.status(404).contentType("text/html; charset=utf-8").result(plainPage(texts, texts.get("notice.expired")));
        }
    }

    private void render(Context ctx, ChallengeService.Step step, int status) {
        Challenge challenge = step.challenge();
        securityHeaders(ctx, exitOrigins(challenge));
        if (step instanceof ChallengeService.Step.Leave leave) {
            String location = ExitLocations.of(leave.url());
            if (ExitLocations.fits(location, ExitLocations.headerBytes(ctx.res()))) {
                ctx.status(303).header("Location", location).result("");
                return;
            }
            // A policy stored before its URLs were limited (its refused_now names the field): the header would
            // not fit, and the person who passed or declined got a 500. The challenge has ended as it should;
            // the page says it cannot go on, and the operator is told which policy to edit.
            log.warn("Challenge {} of policy {} ended {}, but its exit ({}) is {} characters once percent-encoded, too long for a redirect: "
                    + "the page said so instead. Edit the policy's URLs (its refused_now names the field).", challenge.id(), challenge.plan().policyId(),
                    challenge.status().wireName(), ChallengeExits.kindOf(challenge, leave.url()), location.length());
            step = new ChallengeService.Step.Show(challenge,
                    Optional.of(challenge.status() == ChallengeStatus.COMPLETED ? DONE_WITHOUT_EXIT : FAILED_WITHOUT_EXIT), 0);
        }
        ChallengeTexts texts = ChallengeTexts.of(locale(ctx));
        App app = app(challenge);
        Optional<String> notice = step instanceof ChallengeService.Step.Show show ? show.notice() : Optional.empty();
        int attemptsLeft = step instanceof ChallengeService.Step.Show show ? show.attemptsLeft() : 0;
        Map<String, Object> model = new HashMap<>();
        String csrf = csrfToken(ctx);
        model.put("id", challenge.id());
        model.put("csrf", csrf);
        model.put("lang", texts.get("lang"));
        model.put("dir", texts.get("dir"));
        model.put("appName", app.name());
        // A <title> holds text, not markup: in a right-to-left page the name is isolated by U+2068 … U+2069 there.
        model.put("titleAppName", texts.isolate(app.name()));
        model.put("logoUrl", app.branding().logoUrl().orElse(""));
        model.put("branded", app.branding().color().isPresent());
        boolean limit = challenge.type() == ChallengeType.DEVICE_LIMIT;
        // An account the browser named without the app's signature: its devices are neither shown nor logged out here.
        boolean managesDevices = ChallengeService.managesDevices(challenge);
        model.put("title", texts.get(limit ? "title.device_limit" : "title.verification"));
        // An ended check has nothing to ask of the person: its notice alone says what happened.
        boolean open = !challenge.status().isFinal();
        // HTML: the app's name in its own <bdi>, which "Stream+ (EU) Ltd." needs in an Arabic sentence.
        ChallengeTexts.Isolated appName = new ChallengeTexts.Isolated(app.name());
        // Within its limit already (a device logged out in another tab or by the app's backend since the
        // challenge opened): a logout would log nothing out, so the page offers Continue alone. Not for an
        // unsigned page, which tells nothing of the account's devices, their count included.
        boolean room = limit && open && managesDevices && challenges.withinDeviceLimit(challenge);
        model.put("intro", !open ? "" : room ? texts.html("intro.device_limit_room", appName) : limit
                ? texts.html(managesDevices ? "intro.device_limit" : "intro.device_limit_unsigned", appName, challenge.plan().deviceLimit().orElse(0))
                // A signup is finishing an account, whether or not the app already named it (`user` on signup).
                : texts.html("signup".equals(challenge.plan().action()) ? "intro.signup" : "intro.verification", appName));
        model.put("why", texts.get("why"));
        List<String> reasons = reasons(texts, challenge);
        model.put("hasReasons", !reasons.isEmpty() && !challenge.status().isFinal());
        model.put("reasons", reasons);
        noticeModel(model, texts, challenge, notice);
        if (!limit && open) {
            verificationModel(model, texts, challenge, csrf, attemptsLeft);
        }
        if (limit && open && managesDevices && !room) {
            model.put("devices", devicesModel(texts, challenge, csrf));
        }
        if (room) {
            model.put("limitWithRoom", Map.of("id", challenge.id(), "csrf", csrf, "lang", texts.get("lang"), "continueLabel", texts.get("devices.continue")));
        }
        if (limit && open && !managesDevices) {
            // Continue (the owner signed out elsewhere) or cancel: nothing that reads or changes the account's devices.
            model.put("limitWithoutDevices", Map.of("id", challenge.id(), "csrf", csrf, "lang", texts.get("lang"),
                    "continueLabel", texts.get("devices.continue"), "declineLabel", texts.get("decline.other")));
        }
        if (open && challenge.plan().action().equals("access") && !limit) {
            model.put("decline", Map.of("id", challenge.id(), "csrf", csrf, "lang", texts.get("lang"), "declineLabel", texts.get("decline.access")));
        }
        List<Map<String, Object>> languages = new ArrayList<>();
        for (Locale locale : ChallengeTexts.SUPPORTED) {
            languages.add(Map.of("code", locale.getLanguage(), "name", LANGUAGE_NAMES.get(locale.getLanguage()), "id", challenge.id(),
                    "current", locale.getLanguage().equals(texts.locale().getLanguage())));
        }
        model.put("languages", languages);
        model.put("languagesLabel", texts.get("languages.label"));
        model.put("footer", texts.get("footer"));
        ctx.status(status).contentType("text/html; charset=utf-8").result(page.execute(model));
    }

    private void verificationModel(Map<String, Object> model, ChallengeTexts texts, Challenge challenge, String csrf, int attemptsLeft) {
        Set<String> deliverable = sender.channels();
        List<String> channels = challenge.channels().stream().filter(deliverable::contains).toList();
        boolean codeSent = challenge.status() == ChallengeStatus.CODE_SENT;
        if (codeSent) {
            model.put("codeForm", true);
            model.put("codeLabel", texts.get("code.label"));
            model.put("codeHint", texts.get("code.hint", destinations(texts, challenge, codeChannels(challenge, channels))));
            model.put("codeSubmit", texts.get("code.submit"));
            model.put("attemptsLeft", texts.get("attempts_left", attemptsLeft));
        }
        List<Map<String, Object>> options = new ArrayList<>();
        // After the last code a challenge may send, no button offers another.
        for (String channel : codeSent && !challenges.mayResend(challenge) ? List.<String>of() : channels) {
            String destination = isolated(texts, channel.equals("email") ? MaskedRecipients.email(challenge.email().orElse("")) : MaskedRecipients.phone(challenge.phone().orElse("")));
            options.add(Map.of("id", challenge.id(), "csrf", csrf, "lang", texts.get("lang"), "channel", channel,
                    "buttonClass", codeSent ? "secondary" : "",
                    "label", codeSent ? texts.get("code.resend") + " (" + destination + ")" : texts.get("send." + channel, destination)));
        }
        model.put("sendOptions", options);
        if (channels.isEmpty() && !model.containsKey("notice")) {
            // The policy names channels this server cannot send on (no --smtp-url, say), or the evaluation
            // gave none of the addresses they need: two different things to tell the person.
            boolean undeliverable = challenge.channels().stream().anyMatch(channel -> !deliverable.contains(channel));
            model.put("notice", texts.html(undeliverable ? "notice.no_delivery" : "notice.no_channel", new ChallengeTexts.Isolated((String) model.get("appName"))));
            model.put("noticeKind", "error");
            model.put("noticeRole", "alert");
        }
    }

    private Map<String, Object> devicesModel(ChallengeTexts texts, Challenge challenge, String csrf) {
        DateTimeFormatter seen = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(texts.locale()).withZone(ZoneOffset.UTC);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale()).withZone(ZoneOffset.UTC);
        List<Map<String, Object>> list = new ArrayList<>();
        for (AccountDevice device : challenges.attachedDevices(challenge)) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", challenge.id());
            item.put("csrf", csrf);
            item.put("lang", texts.get("lang"));
            item.put("deviceId", device.id());
            item.put("type", texts.get("device." + device.type().wireName()));
            // The parsed names, which are the user agent's words: shown as data, each in its own <bdi> on the
            // page and between U+2068 and U+2069 in the button's label (an attribute holds no markup), so that
            // a right-to-left override in an agent turns nothing around it.
            item.put("browser", device.browser());
            item.put("os", device.os());
            item.put("browserLabel", "\u2068" + device.browser() + "\u2069");
            item.put("osLabel", "\u2068" + device.os() + "\u2069");
            item.put("current", device.id().equals(challenge.deviceId()));
            item.put("currentLabel", texts.get("devices.current"));
            // Listed so the owner can log it out, but let in only by unsigned calls (anyone holding the client
            // id can make them): the policy did not count it, and neither does this page (ChallengeService).
            item.put("notCounted", !ChallengeService.countsTowardsLimit(challenge, device));
            item.put("notCountedLabel", texts.get("devices.not_counted"));
            item.put("lastSeen", texts.get("devices.last_seen", seen.format(device.lastSeen()) + " UTC"));
            // Two browsers of one make on one system read alike ("Chrome · Linux"); when each was first
            // seen is what usually tells the owner's own from a sharer's.
            item.put("firstSeen", texts.get("devices.first_seen", day.format(device.firstSeen())));
            item.put("place", device.lastCountry().orElse(""));
            item.put("logoutLabel", texts.get("devices.logout"));
            list.add(item);
        }
        // Continue: for an account already within its limit (another tab or the app's backend logged
        // devices out since the page opened), which would otherwise have no way forward but logging out
        // one more device, perhaps this one. Over the limit it says so.
        return Map.of("devicesHeading", texts.get("devices.heading"), "list", list, "id", challenge.id(), "csrf", csrf, "lang", texts.get("lang"),
                "continueLabel", texts.get("devices.continue"));
    }

    private void noticeModel(Map<String, Object> model, ChallengeTexts texts, Challenge challenge, Optional<String> notice) {
        Optional<String> key = notice.or(() -> challenge.status().isFinal() ? Optional.of(challenge.status().wireName()) : Optional.empty());
        if (key.isEmpty()) {
            return;
        }
        // HTML, as the page shows it unescaped (a notice may set a name apart in a <bdi>, as notice.no_channel does).
        String text;
        if (key.get().startsWith("wait:")) {
            text = texts.html("notice.wait", Integer.parseInt(key.get().substring("wait:".length())));
        }
        else if (key.get().equals(ChallengeService.CODE_SENT) || key.get().equals(ChallengeService.CODE_MAY_BE_LATE)) {
            // The code's own lifetime (or the challenge's, if shorter), in the email's and SMS's words; one
            // whose send had no answer may still arrive, and the person is told to give it a while.
            long minutes = CodeDelivery.minutesShown(challenges.codeValidFor(challenge));
            text = texts.html("notice." + key.get(), destinations(texts, challenge, codeChannels(challenge, challenge.channels())), minutes);
        }
        else if (key.get().equals(ChallengeService.CODE_EXPIRED)) {
            // Sends are left (the page shows their buttons): after the last allowed code's lifetime the challenge
            // has expired (ChallengeMachine.settle), and the page says so instead.
            text = texts.html("notice.code_expired");
        }
        else if (key.get().equals(ChallengeService.NOT_A_CODE)) {
            text = texts.html("notice.not_a_code", VerificationCodes.DIGITS);
        }
        else if (key.get().equals(DONE_WITHOUT_EXIT) || key.get().equals(FAILED_WITHOUT_EXIT)) {
            text = texts.html("notice." + key.get(), new ChallengeTexts.Isolated((String) model.get("appName")));
        }
        else {
            text = texts.html("notice." + key.get());
        }
        boolean error = !Set.of("code_sent", ChallengeService.CODE_MAY_BE_LATE, "device_logged_out", ChallengeService.ALREADY_LOGGED_OUT, "completed", ChallengeService.DONE,
                ChallengeService.NO_LOGOUT_NEEDED).contains(key.get());
        model.put("notice", text);
        model.put("noticeKind", error ? "error" : "info");
        model.put("noticeRole", error ? "alert" : "status");
    }

    /**
     * The reasons in plain words. A challenge without an account (a signup without {@code user}) says
     * what its signal meant there, where the words have a {@code .no_account} form: {@code is_new_device}
     * is then "never let in to the app", and there is no account to have used it with.
     */
    private static List<String> reasons(ChallengeTexts texts, Challenge challenge) {
        LinkedHashSet<String> lines = new LinkedHashSet<>();
        for (String reason : challenge.reasons()) {
            String key = "reason." + reason;
            if (challenge.userId().isEmpty() && texts.has(key + ".no_account")) {
                key += ".no_account";
            }
            lines.add(texts.has(key) ? texts.get(key) : texts.get("reason.other"));
        }
        return List.copyOf(lines);
    }

    /**
     * The channel the current code went on; for a code sent before challenges kept it, every channel
     * offered (all the page could say then).
     */
    private static List<String> codeChannels(Challenge challenge, List<String> offered) {
        return challenge.codeChannel().map(List::of).orElse(offered);
    }

    private static String destinations(ChallengeTexts texts, Challenge challenge, List<String> channels) {
        List<String> masked = new ArrayList<>();
        if (channels.contains("email")) {
            challenge.email().map(MaskedRecipients::email).map(text -> isolated(texts, text)).ifPresent(masked::add);
        }
        if (channels.contains("sms")) {
            challenge.phone().map(MaskedRecipients::phone).map(text -> isolated(texts, text)).ifPresent(masked::add);
        }
        return String.join(", ", masked);
    }

    /**
     * An address or number in a right-to-left page, kept left-to-right (U+2066 … U+2069, a left-to-right
     * isolate): unisolated, Arabic text shows +33•••••••78 as 78•••••••+33.
     */
    private static String isolated(ChallengeTexts texts, String leftToRight) {
        return "rtl".equals(texts.get("dir")) ? "\u2066" + leftToRight + "\u2069" : leftToRight;
    }

    private void rateLimited(Context ctx, Challenge challenge, Duration wait) {
        io.seatguard.server.http.RetryAfter.set(ctx, wait);
        render(ctx, new ChallengeService.Step.Show(challenge, Optional.of("rate_limited"), challenges.attemptsLeft(challenge)), 429);
    }

    // security

    private static void securityHeaders(Context ctx, Set<String> exitOrigins) {
        String formAction = "'self'" + (exitOrigins.isEmpty() ? "" : " " + String.join(" ", exitOrigins));
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' https: data:; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /** Where the page's forms may end up after a redirect: the plan's URLs (browsers apply form-action to redirects). */
    private static Set<String> exitOrigins(Challenge challenge) {
        Set<String> origins = new LinkedHashSet<>();
        for (Optional<String> url : List.of(challenge.plan().successUrl(), challenge.plan().returnTo(), challenge.plan().logoutUrl())) {
            url.flatMap(Origins::of).map(FormActionSources::of).ifPresent(origins::add);
        }
        return origins;
    }

    private String csrfToken(Context ctx) {
        ChallengeCsrfCookie cookie = new ChallengeCsrfCookie(secure(ctx));
        String existing = cookie.read(ctx);
        if (existing != null && CSRF_TOKEN.matcher(existing).matches()) {
            return existing;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = java.util.HexFormat.of().formatHex(bytes);
        ctx.header("Set-Cookie", cookie.set(token));
        return token;
    }

    /**
     * Whether the CSRF cookie is {@code Secure} (and {@code __Host-} named: {@link ChallengeCsrfCookie}), decided as the dashboard's cookies are: always when the
     * public URL is https, since that is where browsers reach the pages, whatever the request says (a proxy
     * that terminates TLS and sends no {@code X-Forwarded-Proto} made it look like plain http); else when
     * the request came over https, or a proxy says it did. {@code X-Forwarded-Proto} is taken from anyone:
     * it can only add {@code Secure}. A list ({@code https, http}) is read by its left-most element
     * ({@link ForwardedProto}).
     */
    private boolean secure(Context ctx) {
        return ForwardedProto.secureCookies(ctx, publicUrl.get());
    }

    /** A cross-site form cannot carry the SameSite=Strict cookie, so its post never matches. */
    private boolean csrfHolds(Context ctx) {
        String cookie = new ChallengeCsrfCookie(secure(ctx)).read(ctx);
        String field = ctx.formParam("csrf");
        boolean holds = cookie != null && field != null && CSRF_TOKEN.matcher(cookie).matches()
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
        if (!holds) {
            ChallengeTexts texts = ChallengeTexts.of(locale(ctx));
            ctx.status(403).contentType("text/html; charset=utf-8").result(plainPage(texts, texts.get("notice.try_again")));
        }
        return holds;
    }

    // helpers

    private App app(Challenge challenge) {
        return apps.find(challenge.appId()).orElseThrow(() -> SeatguardException.notFound("challenge"));
    }

    /**
     * A send's limits: its account's, its recipient's (whatever the account: a browser-mode evaluation
     * names its own email and phone, so without it one number could be sent a code per made-up account),
     * and its client address's. The account's and the recipient's are the app's own, as owner notices
     * count theirs, so that one app's traffic cannot use up the codes another app's users need; the
     * client address's is the server's.
     */
    private List<AttemptLimits.Claim> sendClaims(Context ctx, Challenge challenge, String channel) {
        return List.of(new AttemptLimits.Claim(AttemptLimits.SEND_PER_ACCOUNT, accountKey(challenge)),
                new AttemptLimits.Claim(AttemptLimits.SEND_PER_RECIPIENT, AttemptClaims.recipient(challenge, channel)),
                new AttemptLimits.Claim(AttemptLimits.SEND_PER_IP, limitKey(ctx)));
    }

    private static String accountKey(Challenge challenge) {
        return AttemptClaims.account(challenge);
    }

    /**
     * The key of the per-address limits: the IPv4 address, or the IPv6 /64 ({@link IpAddresses#clientKey}).
     * One subscriber holds a whole /64 and may pick any address in it, so a limit per IPv6 address would
     * limit nothing.
     */
    private String limitKey(Context ctx) {
        return IpAddresses.clientKey(io.seatguard.server.http.PeerAddress.client(ctx, clientIps));
    }

    private static Locale locale(Context ctx) {
        String lang = ctx.method().name().equals("POST") ? ctx.formParam("lang") : ctx.queryParam("lang");
        return ChallengeTexts.choose(lang, ctx.header("Accept-Language"));
    }

    private static String plainPage(ChallengeTexts texts, String message) {
        return "<!doctype html><html lang=\"" + texts.get("lang") + "\" dir=\"" + texts.get("dir") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Seatguard</title>"
                + "<link rel=\"stylesheet\" href=\"/challenge/assets/challenge.css\"></head><body><main class=\"card\"><p class=\"notice error\" role=\"alert\">"
                + Mustache.compiler().compile("{{m}}").execute(Map.of("m", message)) + "</p></main></body></html>";
    }

    private static InputStreamReader resource(String name) {
        InputStream in = ChallengePages.class.getClassLoader().getResourceAsStream(name);
        return new InputStreamReader(requireNonNull(in, name + " is missing"), StandardCharsets.UTF_8);
    }
}
