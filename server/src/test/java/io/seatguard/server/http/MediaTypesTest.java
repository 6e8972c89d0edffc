package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import org.junit.jupiter.api.Test;

class MediaTypesTest {
    @Test
    void anyMultipartTypeIsRefusedInAnyCaseAndNothingElse() {
        for (String multipart : new String[] {"multipart/form-data; boundary=x", "Multipart/Mixed", "  MULTIPART/related;type=x", "multipart/"}) {
            assertThat(MediaTypes.isMultipart(multipart)).as(multipart).isTrue();
            assertThatThrownBy(() -> MediaTypes.refuseMultipart(multipart)).isInstanceOfSatisfying(SeatguardException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
                assertThat(e.errors()).extracting(error -> error.field()).containsExactly("Content-Type");
            });
        }
        for (String other : new String[] {null, "", "   ", "multipart", "multipartx/form-data", "application/json", "text/multipart/x",
                "application/x-www-form-urlencoded; charset=multipart/x"}) {
            assertThat(MediaTypes.isMultipart(other)).as(String.valueOf(other)).isFalse();
            MediaTypes.refuseMultipart(other);
        }
    }
}
