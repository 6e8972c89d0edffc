package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserAssetsTest {
    /** Found in review: a weak or listed If-None-Match (nginx gzips and weakens the ETag) got 200 and the whole script. */
    @Test
    void theSdkIsNotSentAgainToABrowserThatHoldsIt(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            for (String path : new String[] {"/v3/sdk.js", "/v3/sdk.classic.js"}) {
                Response first = server.get(path, Map.of());
                assertThat(first.status()).isEqualTo(200);
                String etag = first.header("ETag").orElseThrow();
                for (String held : new String[] {etag, "W/" + etag, "\"older\", " + etag, "\"older\", W/" + etag}) {
                    Response again = server.get(path, Map.of("If-None-Match", held));
                    assertThat(again.status()).as(held).isEqualTo(304);
                    assertThat(again.body()).isEmpty();
                    assertThat(again.header("ETag")).hasValue(etag);
                }
                Response changed = server.get(path, Map.of("If-None-Match", "W/\"older\""));
                assertThat(changed.status()).isEqualTo(200);
                assertThat(changed.body()).isNotEmpty();
            }
        }
    }

    /**
     * Found in review: HEAD /v3/sdk.js answered chunked, without the Content-Length of the GET it stands for
     * (the framework compressed the script as it wrote it, and an answer it did not compress had no length).
     */
    @Test
    void headSaysWhatGetSendsContentLengthIncludedForEitherEncoding(@TempDir Path dataDir) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            for (String path : new String[] {"/v3/sdk.js", "/v3/sdk.classic.js"}) {
                byte[] plain = null;
                for (String acceptEncoding : new String[] {"identity", "gzip, deflate, br", "gzip;q=0, *", "br;q=1, *;q=0.5"}) {
                    String what = path + " with Accept-Encoding: " + acceptEncoding;
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept-Encoding", acceptEncoding);
                    HttpResponse<byte[]> get = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    HttpResponse<byte[]> head = client.send(request.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(get.statusCode()).as(what).isEqualTo(200);
                    assertThat(get.headers().firstValue("Content-Length")).as(what).hasValue(String.valueOf(get.body().length));
                    assertThat(get.headers().firstValue("Transfer-Encoding")).as(what).isEmpty();
                    assertThat(get.headers().firstValue("Vary")).as(what).hasValue("Accept-Encoding");
                    assertThat(head.statusCode()).as(what).isEqualTo(200);
                    assertThat(head.body()).as(what).isEmpty();
                    for (String header : new String[] {"Content-Length", "Content-Encoding", "Content-Type", "ETag", "Vary", "Cache-Control", "Transfer-Encoding"}) {
                        assertThat(head.headers().allValues(header)).as(what + ": HEAD's " + header).isEqualTo(get.headers().allValues(header));
                    }
                    boolean gzipped = get.headers().firstValue("Content-Encoding").isPresent();
                    assertThat(gzipped).as(what).isEqualTo(acceptEncoding.startsWith("gzip,") || acceptEncoding.startsWith("br;"));
                    byte[] script = gzipped ? new GZIPInputStream(new ByteArrayInputStream(get.body())).readAllBytes() : get.body();
                    if (plain == null) {
                        plain = script;
                    }
                    assertThat(script).as(what + ": the same script").isEqualTo(plain);
                }
            }
        }
    }
}
