package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandColorsTest {
    @Test
    void keepsTextReadableOnAndBesideTheBrandColour() {
        // A dark blue takes white text, and is dark enough to write with on white.
        assertThat(BrandColors.css("#1d4ed8")).contains("--brand:#1d4ed8", "--brand-text:#ffffff", "--brand-ink:#1d4ed8");
        // A yellow takes dark text, and is too light to write with on white.
        assertThat(BrandColors.css("#facc15")).contains("--brand:#facc15", "--brand-text:#111827", "--brand-ink:#111827");
        assertThat(BrandColors.contrast(BrandColors.luminance("#ffffff"), BrandColors.luminance("#000000"))).isEqualTo(21.0);
    }
}
