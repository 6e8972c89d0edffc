package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartsTest {
    private static final Pattern HEIGHT = Pattern.compile("height=\"([0-9.]+)\" fill=\"#00f\"");

    @Test
    void columnsStackInProportionAndEmptyValuesDrawNothing() {
        String svg = SvgCharts.stackedColumns("t", List.of("a", "b", "c"),
                List.of(new SvgCharts.Series("allow", "#00f", new long[] {10, 5, 0}), new SvgCharts.Series("deny", "#f00", new long[] {0, 5, 0})));
        Matcher heights = HEIGHT.matcher(svg);
        assertThat(heights.find()).isTrue();
        double first = Double.parseDouble(heights.group(1));
        assertThat(heights.find()).isTrue();
        double second = Double.parseDouble(heights.group(1));
        assertThat(first).as("the tallest column fills the chart").isEqualTo(220.0);
        assertThat(second).isEqualTo(110.0);
        assertThat(heights.find()).as("a zero draws no bar").isFalse();
        assertThat(svg).startsWith("<svg class=\"chart\" role=\"img\"").contains("<title>t</title>").endsWith("</svg>");
        assertThat(svg.split("fill=\"#f00\"", -1)).hasSize(2);
    }

    @Test
    void namesFromClientsAreEscaped() {
        String svg = SvgCharts.horizontalBars("<b>", List.of(new SvgCharts.Bar("login\"><script>x</script>", 3)), "#000");
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;").contains("&quot;&gt;");
        assertThat(SvgCharts.horizontalBars("empty", List.of(), "#000")).contains("<title>empty</title>");
    }
}
