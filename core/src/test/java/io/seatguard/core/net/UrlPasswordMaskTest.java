package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Review findings: a password in {@code --url}'s user info was repeated in the apps command's messages, and
 * the database URL's mask stopped at the first {@code @} of an unescaped password.
 */
class UrlPasswordMaskTest {
    @Test
    void aPasswordInTheUserInfoIsMasked() {
        assertThat(UrlPasswordMask.of("http://ops:s3cret@10.0.0.5:8080")).isEqualTo("http://ops:***@10.0.0.5:8080");
        assertThat(UrlPasswordMask.of("https://ops:p%40ss:word@seatguard.example/base/")).isEqualTo("https://ops:***@seatguard.example/base/");
        assertThat(UrlPasswordMask.of("http://ops:@[::1]:8080")).as("an empty password").isEqualTo("http://ops:***@[::1]:8080");
        assertThat(UrlPasswordMask.of("http://http:s3cret@host:8080")).as("a user named as the scheme").isEqualTo("http://http:***@host:8080");
    }

    @Test
    void aUrlWithoutAPasswordIsShownAsItIs() {
        for (String url : new String[] {"http://127.0.0.1:8080", "http://ops@10.0.0.5:8080", "https://seatguard.example/a@b",
                "jdbc:postgresql://db:5432/guard?user=a@b&sslmode=require", "postgresql://seatguard@db/guard", "jdbc:sqlite:/var/lib/x@y.db",
                "not a url", ""}) {
            assertThat(UrlPasswordMask.of(url)).as(url).isEqualTo(url);
        }
        assertThat(UrlPasswordMask.of(null)).isNull();
    }

    /** A URL that is refused is still named in its message: the password in it is masked all the same. */
    @Test
    void aPasswordInAUrlThatDoesNotParseIsMaskedToTheLastAt() {
        assertThat(UrlPasswordMask.of("ops:s3cret@127.0.0.1:8484")).as("no scheme").isEqualTo("ops:***@127.0.0.1:8484");
        assertThat(UrlPasswordMask.of("ftp://ops:s3cret@127.0.0.1:8484")).isEqualTo("ftp://ops:***@127.0.0.1:8484");
        assertThat(UrlPasswordMask.of("http://ops:s3/cr et@127.0.0.1:8484")).as("unescaped").isEqualTo("http://ops:***@127.0.0.1:8484");
        assertThat(UrlPasswordMask.of("http://ops:s3cret@127.0.0.1:99999")).doesNotContain("s3cret");
        assertThat(UrlPasswordMask.of("postgresql://seat:p@ss@word@db.internal/guard")).as("unescaped '@'s")
                .isEqualTo("postgresql://seat:***@db.internal/guard");
        assertThat(UrlPasswordMask.of("jdbc:postgresql://seat:p@ss@db1:5432,db2:5432/guard")).as("several hosts")
                .isEqualTo("jdbc:postgresql://seat:***@db1:5432,db2:5432/guard");
    }

    @Test
    void passwordParametersAreMasked() {
        assertThat(UrlPasswordMask.of("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=hunter2&sslmode=require"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***&sslmode=require");
        assertThat(UrlPasswordMask.of("postgresql://db/guard?sslmode=verify-full&SSLPassword=k3y"))
                .isEqualTo("postgresql://db/guard?sslmode=verify-full&SSLPassword=***");
        assertThat(UrlPasswordMask.of("jdbc:postgresql://u:pw@db/guard?password=x"))
                .isEqualTo("jdbc:postgresql://u:***@db/guard?password=***");
    }
}
