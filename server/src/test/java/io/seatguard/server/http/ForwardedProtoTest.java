package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scheme a {@code Forwarded} header (RFC 7239) gives for the browser's own hop. */
class ForwardedProtoTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "proto=https                                          | https",
            "for=192.0.2.60;proto=https;by=203.0.113.43           | https",
            "for=192.0.2.60;proto=https, for=10.0.0.2;proto=http  | https",
            "for=192.0.2.60;proto=http, for=10.0.0.2;proto=https  | http",
            "for=\"[2001:db8:cafe::17]:4711\";PROTO=\"https\"     | https",
            "for=\"a,b;c\";proto=https                            | https",
            "for=192.0.2.60, for=10.0.0.2;proto=https             | NONE",
            "for=192.0.2.60                                       | NONE",
            "proto                                                | NONE",
            "=https                                               | NONE",
            "for=\"unterminated;proto=https                       | NONE",
    })
    void theLeftMostElementsProtoIsRead(String header, String proto) {
        assertThat(ForwardedProto.forwardedProto(header)).isEqualTo(proto);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"NONE", "''"})
    void noHeaderSaysNothing(String header) {
        assertThat(ForwardedProto.forwardedProto(header)).isNull();
    }
}
