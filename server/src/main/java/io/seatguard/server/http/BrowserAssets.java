package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Serves the browser SDK built by the {@code sdk-js} module from the classpath: {@code /v3/sdk.js} as an
 * ES module and {@code /v3/sdk.classic.js} as a classic script (global {@code Seatguard}); the type
 * declarations ship in the npm package. Read once at start; served with an ETag so browsers revalidate cheaply after an upgrade.
 *
 * <p>Any origin may load the SDK ({@code Access-Control-Allow-Origin: *}): it is public code, and an ES
 * module imported across origins needs CORS. Which pages may call the API is still up to each app's
 * allowed origins.
 */
final class BrowserAssets {
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private final Optional<Asset> module = load("seatguard-sdk/seatguard.mjs", JAVASCRIPT);
    private final Optional<Asset> classic = load("seatguard-sdk/seatguard.js", JAVASCRIPT);

    private record Asset(byte[] bytes, String contentType, String etag) {}

    void moduleSdk(Context ctx) {
        serve(ctx, module);
    }

    void classicSdk(Context ctx) {
        serve(ctx, classic);
    }

    private static void serve(Context ctx, Optional<Asset> asset) {
        Asset found = asset.orElseThrow(() -> new SeatguardException(ErrorCode.NOT_FOUND,
                "The browser SDK is not in this build; build it with ./seatguard build (needs node and npm)"));
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("ETag", found.etag());
        if (EntityTags.listed(java.util.Collections.list(ctx.req().getHeaders("If-None-Match")), found.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(found.contentType()).result(found.bytes());
    }

    private static Optional<Asset> load(String resource, String contentType) {
        try (InputStream in = BrowserAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + '"';
            return Optional.of(new Asset(bytes, contentType, etag));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
