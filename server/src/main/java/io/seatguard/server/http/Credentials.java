package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code Authorization: Bearer …} and says whose it is: the admin's, or an app's secret key. */
public final class Credentials {
    private final AppService apps;

    public Credentials(AppService apps) {
        this.apps = requireNonNull(apps, "apps is null");
    }

    static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (header.length() < 8 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw new SeatguardException(ErrorCode.INVALID_CREDENTIALS, "The Authorization header must be 'Bearer <key>'");
        }
        return Optional.of(header.substring(7).trim());
    }

    /** The app whose secret key the request carries; 401 otherwise. */
    public App requireApp(Context ctx) {
        String key = bearer(ctx).orElseThrow(() -> new SeatguardException(ErrorCode.MISSING_CREDENTIALS,
                "Send the app's secret key as 'Authorization: Bearer sk_…'"));
        App app = apps.authenticateSecret(key);
        AuditLog.actor(ctx, "app " + app.id());
        return app;
    }

    /** 401 unless the request carries the admin token. */
    public void requireAdmin(Context ctx) {
        String token = bearer(ctx).orElseThrow(() -> new SeatguardException(ErrorCode.MISSING_CREDENTIALS,
                "Send the admin token as 'Authorization: Bearer <admin token>'"));
        if (!apps.isAdminToken(token)) {
            throw new SeatguardException(ErrorCode.INVALID_CREDENTIALS, "The admin token is not valid");
        }
        AuditLog.actor(ctx, "admin");
    }
}
