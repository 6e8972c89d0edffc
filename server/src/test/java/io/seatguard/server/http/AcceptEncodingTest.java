package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether a request's Accept-Encoding takes gzip (RFC 9110 §12.5.3). */
class AcceptEncodingTest {
    @Test
    void gzipListedWithAWeightAboveZeroOrLeftToAStarIsTaken() {
        assertThat(AcceptEncoding.takesGzip("gzip")).isTrue();
        assertThat(AcceptEncoding.takesGzip("deflate, GZip;q=0.1")).isTrue();
        assertThat(AcceptEncoding.takesGzip("x-gzip")).isTrue();
        assertThat(AcceptEncoding.takesGzip("br, *")).as("not listed, and * takes anything").isTrue();
        assertThat(AcceptEncoding.takesGzip("gzip;q=nonsense")).as("an unreadable weight is 1").isTrue();
    }

    @Test
    void noHeaderIdentityOrAWeightOfZeroRefusesIt() {
        assertThat(AcceptEncoding.takesGzip(null)).isFalse();
        assertThat(AcceptEncoding.takesGzip("")).isFalse();
        assertThat(AcceptEncoding.takesGzip("identity")).isFalse();
        assertThat(AcceptEncoding.takesGzip("br, deflate")).isFalse();
        assertThat(AcceptEncoding.takesGzip("gzip;q=0, *")).as("listed at 0 whatever * says").isFalse();
        assertThat(AcceptEncoding.takesGzip("gzip; q=0.000")).isFalse();
        assertThat(AcceptEncoding.takesGzip("*;q=0")).isFalse();
    }
}
