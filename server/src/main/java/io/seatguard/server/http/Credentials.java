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
            throw refused(ErrorCode.INVALID_CREDENTIALS, "The Authorization header must be 'Bearer <key>'", "must be 'Bearer <key>'");
        }
        return Optional.of(header.substring(7).trim());
    }

    /** The app whose secret key the request carries; 401 otherwise. */
    public App requireApp(Context ctx) {
        String key = bearer(ctx).orElseThrow(() -> refused(ErrorCode.MISSING_CREDENTIALS,
                "Send the app's secret key as 'Authorization: Bearer sk_…'", "is missing"));
        App app;
        try {
            app = apps.authenticateSecret(key);
        }
        catch (SeatguardException e) {
            throw e.code() == ErrorCode.INVALID_CREDENTIALS ? refused(e.code(), e.getMessage(), "is not a secret key of any app") : e;
        }
        AuditLog.actor(ctx, "app " + app.id());
        return app;
    }

    /** The 401 of a browser call whose {@code client_id} is no app's. */
    static SeatguardException unknownClientId(String clientId) {
        return new SeatguardException(ErrorCode.INVALID_CREDENTIALS, "No app has the client_id " + clientId,
                java.util.List.of(new io.seatguard.core.error.FieldError("client_id", "is no app's client id")));
    }

    /** A 401 naming the header, as every problem names the field it is about. */
    private static SeatguardException refused(ErrorCode code, String detail, String reason) {
        return new SeatguardException(code, detail, java.util.List.of(new io.seatguard.core.error.FieldError("Authorization", reason)));
    }

    /** 401 unless the request carries the admin token. */
    public void requireAdmin(Context ctx) {
        String token = bearer(ctx).orElseThrow(() -> refused(ErrorCode.MISSING_CREDENTIALS,
                "Send the admin token as 'Authorization: Bearer <admin token>'", "is missing"));
        if (!apps.isAdminToken(token)) {
            throw refused(ErrorCode.INVALID_CREDENTIALS, "The admin token is not valid", "is not the admin token");
        }
        AuditLog.actor(ctx, "admin");
    }
}
