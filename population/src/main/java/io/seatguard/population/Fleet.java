package io.seatguard.population;

import java.util.List;
import java.util.Optional;

/**
 * A company's fleet of identical laptops: one model, one disk image (the same extra fonts), one
 * browser rolled out on one day, the office's monitor, zone and languages. Every unit reports the same
 * components; only the token (and the account signed in) tells one colleague's laptop from another's.
 *
 * @param size how many employees (laptops) the fleet has
 * @param dockedScreen the office monitor each laptop is plugged into on about half its visits
 */
record Fleet(
        int index,
        int size,
        Model model,
        Browser browser,
        String screen,
        Optional<String> dockedScreen,
        List<String> fonts,
        int updateOffsetDays,
        int firstVersion,
        String zone,
        String languages) {}
