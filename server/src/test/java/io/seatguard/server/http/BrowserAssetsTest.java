package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.Response;
import java.nio.file.Path;
import java.util.Map;
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
}
