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
 * {@code /dashboard/password}: any operator changes their own password, with the current one, and is
 * signed out everywhere else. Wrong current passwords meet the sign-in back-off
 * ({@link OperatorService#changePassword}).
 */
public final class PasswordPage {
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Your password</h1>
            {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
            {{#hasErrors}}<div class="notice error" role="alert"><p>Nothing was changed:</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            <p>Changing it signs you out of every other browser where you are signed in.</p>
            <form method="post" action="/dashboard/password"><input type="hidden" name="csrf" value="{{csrf}}">
              <input type="hidden" name="username" autocomplete="username" value="{{email}}">
              <label for="pw-current">Current password</label><input id="pw-current" name="current_password" type="password" autocomplete="current-password" required>
              <label for="pw-new">New password (12 characters or more)</label><input id="pw-new" name="new_password" type="password" autocomplete="new-password" minlength="12" required>
              <label for="pw-again">New password again</label><input id="pw-again" name="new_password_again" type="password" autocomplete="new-password" minlength="12" required>
              <button type="submit">Change password</button></form>
            <p><a href="/dashboard/two-factor?app={{appId}}">Two-factor sign-in</a>: a code from an authenticator app as well as the password.</p>
            """);

    private final DashboardPages sessions;
    private final OperatorService operators;

    public PasswordPage(DashboardPages sessions, OperatorService operators) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.operators = requireNonNull(operators, "operators is null");
    }

    public void page(Context ctx) {
        sessions.requireSignedIn(ctx).ifPresent(operator -> render(ctx, 200, operator, Optional.empty(), List.of()));
    }

    public void change(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        String replacement = Optional.ofNullable(ctx.formParam("new_password")).orElse("");
        if (!replacement.equals(Optional.ofNullable(ctx.formParam("new_password_again")).orElse(""))) {
            render(ctx, 400, operator.get(), Optional.empty(), List.of(new FieldError("new_password_again", "differs from the new password")));
            return;
        }
        try {
            OperatorService.PasswordChange change = operators.changePassword(operator.get().operator(),
                    Optional.ofNullable(ctx.formParam("current_password")).orElse(""), replacement, sessions.clientKey(ctx));
            if (change.backOff().isPresent()) {
                render(ctx, 429, operator.get(), Optional.empty(), DashboardPages.tooManyWrongPasswords(ctx, change.backOff().get()));
                return;
            }
            // Every session ended, this one too (a copy of its cookie must not outlive the change): this browser
            // goes on in a new one, whose CSRF token the answer's forms carry.
            if (change.session().isEmpty()) {
                sessions.clearSessionCookie(ctx);
                ctx.redirect("/dashboard/login", io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            sessions.setSessionCookie(ctx, change.session().get());
            render(ctx, 200, new OperatorService.SignedIn(operator.get().operator(), change.session().get().csrfToken()),
                    Optional.of("Your password is changed; other browsers are signed out."), List.of());
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator.get(), Optional.empty(), DashboardPages.faults(e));
        }
    }

    private void render(Context ctx, int status, OperatorService.SignedIn operator, Optional<String> notice, List<FieldError> errors) {
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.PASSWORD, "Your password", sessions.appOrFirst(ctx, ctx.queryParam("app")), operator);
        model.put("notice", notice.orElse(""));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }
}
