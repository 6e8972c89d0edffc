package io.seatguard.server.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, drawn on the server: no script and no third-party asset (issue 7), and the
 * page's CSP allows them (colours are presentation attributes, not styles). Every chart has a
 * {@code <title>} and sits next to a table of the same numbers, for screen readers.
 */
final class SvgCharts {
    /** One stacked series: its name, its colour and a value per bucket. */
    record Series(String name, String colour, long[] values) {}

    /** A labelled value for a horizontal bar. */
    record Bar(String label, long value) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int AXIS = 24;

    private SvgCharts() {}

    /** Stacked columns, one per bucket, the series stacked bottom-up in the order given. */
    static String stackedColumns(String title, List<String> bucketLabels, List<Series> series) {
        int buckets = bucketLabels.size();
        long max = 1;
        for (int i = 0; i < buckets; i++) {
            long total = 0;
            for (Series each : series) {
                total += each.values()[i];
            }
            max = Math.max(max, total);
        }
        StringBuilder svg = open(title, WIDTH, HEIGHT + AXIS);
        double slot = (double) WIDTH / Math.max(1, buckets);
        double barWidth = Math.max(1, slot * 0.8);
        for (int i = 0; i < buckets; i++) {
            double y = HEIGHT;
            for (Series each : series) {
                long value = each.values()[i];
                if (value == 0) {
                    continue;
                }
                double height = (double) value * HEIGHT / max;
                y -= height;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        i * slot + (slot - barWidth) / 2, y, barWidth, height, each.colour(), escape(bucketLabels.get(i)), escape(each.name()), value));
            }
            // Label every bucket when they fit, else about eight of them.
            if (buckets <= 12 || i % Math.max(1, buckets / 8) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#374151\">%s</text>",
                        i * slot + slot / 2, HEIGHT + 16, escape(bucketLabels.get(i))));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#374151\">%d</text>", max));
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9ca3af\"/>", HEIGHT, WIDTH, HEIGHT));
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, longest first as given, each with its label and value. */
    static String horizontalBars(String title, List<Bar> bars, String colour) {
        int row = 22;
        int labelWidth = 220;
        int height = Math.max(row, bars.size() * row);
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, WIDTH, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double width = (double) bar.value() * (WIDTH - labelWidth - 60) / max;
            int y = i * row;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\" fill=\"#111827\">%s</text>", y + 15, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", labelWidth, y + 3, width, row - 6, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#111827\">%d</text>", labelWidth + width + 6, y + 15,
                    bar.value()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>", width, height,
                escape(title)));
    }

    /** Text and attribute content: names may come from clients (actions, list names). */
    static String escape(String text) {
        return com.samskivert.mustache.Escapers.HTML.escape(text);
    }
}
