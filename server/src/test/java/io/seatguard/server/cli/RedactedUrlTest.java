package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Review finding: a password in {@code --url}'s user info was repeated in the apps command's messages. */
class RedactedUrlTest {
    @Test
    void aPasswordInTheUserInfoIsMasked() {
        assertThat(RedactedUrl.of("http://ops:s3cret@10.0.0.5:8080")).isEqualTo("http://ops:***@10.0.0.5:8080");
        assertThat(RedactedUrl.of("https://ops:p%40ss:word@seatguard.example/base/")).isEqualTo("https://ops:***@seatguard.example/base/");
        assertThat(RedactedUrl.of("http://ops:@[::1]:8080")).as("an empty password").isEqualTo("http://ops:***@[::1]:8080");
        assertThat(RedactedUrl.of("http://http:s3cret@host:8080")).as("a user named as the scheme").isEqualTo("http://http:***@host:8080");
    }

    @Test
    void aUrlWithoutAPasswordIsShownAsItIs() {
        for (String url : new String[] {"http://127.0.0.1:8080", "http://ops@10.0.0.5:8080", "https://seatguard.example/a@b", "not a url", ""}) {
            assertThat(RedactedUrl.of(url)).as(url).isEqualTo(url);
        }
        assertThat(RedactedUrl.of(null)).isNull();
    }

    /** A URL the command refuses is still named in its message: the password in it is masked all the same. */
    @Test
    void aPasswordInAUrlThatIsRefusedIsMaskedToo() {
        assertThat(RedactedUrl.of("ops:s3cret@127.0.0.1:8484")).as("no scheme").isEqualTo("ops:***@127.0.0.1:8484");
        assertThat(RedactedUrl.of("ftp://ops:s3cret@127.0.0.1:8484")).isEqualTo("ftp://ops:***@127.0.0.1:8484");
        assertThat(RedactedUrl.of("http://ops:s3/cr et@127.0.0.1:8484")).as("unescaped").isEqualTo("http://ops:***@127.0.0.1:8484");
        assertThat(RedactedUrl.of("http://ops:s3cret@127.0.0.1:99999")).doesNotContain("s3cret");
    }
}
