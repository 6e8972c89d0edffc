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
 *
 * <p>Each script is also gzipped once at start, and sent so to a client that takes gzip ({@link AcceptEncoding}),
 * with {@code Vary: Accept-Encoding}. Every answer says its {@code Content-Length}, and so does a {@code HEAD},
 * which runs this handler and is sent its headers without the body: when the framework compressed the
 * script as it wrote it, an answer it did not compress went out chunked, with no length, and a {@code HEAD}
 * could not say the length of the {@code GET} it stands for.
 */
final class BrowserAssets {
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private final Optional<Asset> module = load("seatguard-sdk/seatguard.mjs", JAVASCRIPT);
    private final Optional<Asset> classic = load("seatguard-sdk/seatguard.js", JAVASCRIPT);

    /** {@code gzipped} is {@code bytes} gzipped; both variants share the ETag, compared weakly ({@link EntityTags}). */
    private record Asset(byte[] bytes, byte[] gzipped, String contentType, String etag) {}

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
        ctx.header("Vary", AcceptEncoding.HEADER);
        if (EntityTags.listed(java.util.Collections.list(ctx.req().getHeaders("If-None-Match")), found.etag())) {
            ctx.status(304);
            return;
        }
        boolean gzip = AcceptEncoding.takesGzip(ctx.header(AcceptEncoding.HEADER));
        byte[] body = gzip ? found.gzipped() : found.bytes();
        if (gzip) {
            // Set before writing, so the framework does not compress it again.
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.header("Content-Length", String.valueOf(body.length));
        ctx.contentType(found.contentType()).result(body);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 2);
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static Optional<Asset> load(String resource, String contentType) {
        try (InputStream in = BrowserAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + '"';
            return Optional.of(new Asset(bytes, gzip(bytes), contentType, etag));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
