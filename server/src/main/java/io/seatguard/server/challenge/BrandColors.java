package io.seatguard.server.challenge;

import java.util.Locale;

/**
 * An app's colour on its hosted pages, kept readable: the button text is white or near-black, whichever
 * contrasts more with the colour, and text in the brand colour on white falls back to near-black when
 * the colour is too light to read (WCAG 2 contrast, 4.5:1).
 */
final class BrandColors {
    static final String INK = "#111827";

    private BrandColors() {}

    static String css(String color) {
        double luminance = luminance(color);
        double onWhite = contrast(luminance, 1.0);
        double onInk = contrast(luminance, luminance(INK));
        String text = onWhite >= onInk ? "#ffffff" : INK;
        String ink = onWhite >= 4.5 ? color : INK;
        return String.format(Locale.ROOT, ".card{--brand:%s;--brand-text:%s;--brand-ink:%s}%n", color, text, ink);
    }

    static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG relative luminance of {@code #rrggbb}. */
    static double luminance(String color) {
        int rgb = Integer.parseInt(color.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
