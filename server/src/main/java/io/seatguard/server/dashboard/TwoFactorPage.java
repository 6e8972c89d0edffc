package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.operator.OperatorService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /dashboard/two-factor}: any operator turns two-factor sign-in (an authenticator app's code) on
 * or off for themselves. Turning it on shows a new secret as a QR code and as text, and takes effect
 * once the app's code for it and the current password are entered; turning it off takes the password.
 * Turning it on, or asking for new ones, signs the operator out of every other browser (this one goes on
 * in a new session, as after a password change) and shows recovery codes this once: each signs in once in place
 * of the app's code.
 */
public final class TwoFactorPage {
    private static final String ISSUER = "Seatguard";
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Two-factor sign-in</h1>
            {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
            {{#hasErrors}}<div class="notice error" role="alert"><p>Nothing was changed:</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            {{#on}}<p id="two-factor-state">On: signing in takes your password and the code your authenticator app shows.</p>
            {{#hasNewCodes}}<div class="notice" role="status"><p>Your recovery codes. Keep them somewhere safe, away from your phone: each signs
              you in once in place of the app's code (type it in the code field). They are not shown again.</p>
              <ol id="recovery-codes">{{#newCodes}}<li><code>{{.}}</code></li>{{/newCodes}}</ol></div>{{/hasNewCodes}}
            <p id="recovery-codes-left">{{codesLeft}} of {{codesMade}} recovery codes left.</p>
            <form method="post" action="/dashboard/two-factor"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="do" value="recovery-codes">
              <label for="tf-codes-password">Current password</label><input id="tf-codes-password" name="current_password" type="password" autocomplete="current-password" required>
              <button type="submit" class="secondary">Make new recovery codes (the old ones stop working)</button></form>
            <form method="post" action="/dashboard/two-factor"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="do" value="disable">
              <label for="tf-off-password">Current password</label><input id="tf-off-password" name="current_password" type="password" autocomplete="current-password" required>
              <button type="submit" class="secondary">Turn two-factor sign-in off</button></form>{{/on}}
            {{^on}}<p id="two-factor-state">Off: signing in takes your password only.</p>
            <p>To turn it on, add this account to an authenticator app (scan the code, or type the secret), then enter the code the app shows.</p>
            <img src="{{{qr}}}" alt="QR code of the secret below, for an authenticator app" width="{{qrSize}}" height="{{qrSize}}">
            <p>Secret: <code id="two-factor-secret">{{secret}}</code></p>
            <form method="post" action="/dashboard/two-factor"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="do" value="enable">
              <input type="hidden" name="secret" value="{{secret}}">
              <label for="tf-code">Code from the app</label><input id="tf-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}" required>
              <label for="tf-password">Current password</label><input id="tf-password" name="current_password" type="password" autocomplete="current-password" required>
              <button type="submit">Turn two-factor sign-in on</button></form>{{/on}}
            <p>Lost the app? Sign in with a recovery code. Lost those too? Another operator who manages every app can remove and add
            you again, or on the server: <code>./seatguard operators reset-two-factor --email {{email}}</code>.</p>
            """);

    private final DashboardPages sessions;
    private final OperatorService operators;

    public TwoFactorPage(DashboardPages sessions, OperatorService operators) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.operators = requireNonNull(operators, "operators is null");
    }

    public void page(Context ctx) {
        sessions.requireSignedIn(ctx).ifPresent(operator -> render(ctx, 200, operator, Optional.empty(), List.of(), Optional.empty(), List.of()));
    }

    public void change(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        String password = Optional.ofNullable(ctx.formParam("current_password")).orElse("");
        String action = Optional.ofNullable(ctx.formParam("do")).orElse("");
        // The secret shown with the form, so that a refused code does not make the person scan a new one.
        Optional<String> secret = Optional.ofNullable(ctx.formParam("secret")).filter(value -> value.matches("[A-Z2-7]{16,64}"));
        try {
            OperatorService.TwoFactorChange change = switch (action) {
                case "enable" -> operators.enableTwoFactor(operator.get().operator(), password, ctx.formParam("secret"), ctx.formParam("code"),
                        sessions.clientKey(ctx));
                case "recovery-codes" -> operators.replaceRecoveryCodes(operator.get().operator(), password, sessions.clientKey(ctx));
                case "disable" -> new OperatorService.TwoFactorChange(operators.disableTwoFactor(operator.get().operator(), password, sessions.clientKey(ctx)),
                        List.of(), Optional.empty());
                default -> throw SeatguardException.invalid("do", "must be enable, disable or recovery-codes");
            };
            if (change.backOff().isPresent()) {
                render(ctx, 429, operator.get(), Optional.empty(), DashboardPages.tooManyWrongPasswords(ctx, change.backOff().get()), secret, List.of());
                return;
            }
            String notice = switch (action) {
                case "enable" -> "Two-factor sign-in is on; other browsers are signed out.";
                case "recovery-codes" -> "New recovery codes made; the old ones no longer work, and other browsers are signed out.";
                default -> "Two-factor sign-in is off.";
            };
            OperatorService.SignedIn shown = operator.get();
            if (!"disable".equals(action)) {
                // Every session ended, this one too: this browser goes on in a new one, whose CSRF token the
                // answer's forms carry. None (the password changed meanwhile): the codes are still shown, this once.
                if (change.session().isPresent()) {
                    sessions.setSessionCookie(ctx, change.session().get());
                    shown = new OperatorService.SignedIn(operator.get().operator(), change.session().get().csrfToken());
                }
                else {
                    sessions.clearSessionCookie(ctx);
                    notice += " Sign in again to go on.";
                }
            }
            render(ctx, 200, shown, Optional.of(notice), List.of(), Optional.empty(), change.recoveryCodes());
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator.get(), Optional.empty(), DashboardPages.faults(e), secret, List.of());
        }
    }

    private void render(Context ctx, int status, OperatorService.SignedIn operator, Optional<String> notice, List<FieldError> errors,
            Optional<String> keptSecret, List<String> newCodes) {
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.TWO_FACTOR, "Two-factor sign-in", sessions.appOrFirst(ctx, ctx.queryParam("app")),
                operator);
        boolean on = operators.hasTwoFactor(operator.operator().id());
        model.put("on", on);
        model.put("newCodes", newCodes);
        model.put("hasNewCodes", !newCodes.isEmpty());
        model.put("codesLeft", on ? operators.recoveryCodesLeft(operator.operator().id()) : 0);
        model.put("codesMade", OperatorService.RECOVERY_CODES);
        if (!on) {
            String secret = keptSecret.orElseGet(operators::newTwoFactorSecret);
            model.put("secret", secret);
            QrCodeImage qr = QrCodeImage.of(TotpCodes.qrData(ISSUER, operator.operator().email(), secret).getUri());
            model.put("qr", qr.dataUrl());
            model.put("qrSize", qr.size());
        }
        model.put("notice", notice.orElse(""));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        // No cache may keep a page that shows a secret.
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }
}
