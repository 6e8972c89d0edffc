package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV cells of the patterns export: RFC 4180 quoting, and text a spreadsheet would run as a formula defused. */
class PatternExportTest {
    @Test
    void aFormulaSignAtTheStartIsDefused() {
        assertThat(PatternExport.field("=cmd")).isEqualTo("\"'=cmd\"");
        assertThat(PatternExport.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(PatternExport.field("\tx")).isEqualTo("\"'\tx\"");
    }

    /**
     * Review finding: a cell starting with a line feed (or a carriage return) before a formula, or with a
     * full-width sign (＝ ＋ － ＠, which spreadsheets read as the ASCII ones), got no quote mark.
     */
    @Test
    void aFormulaAfterALineBreakOrWrittenInFullWidthIsDefused() {
        for (String formula : List.of("\n=cmd|' /C calc'!A0", "\r=cmd", "\r\n+1", "\uFF1Dcmd", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", " =cmd",
                "\u00A0=cmd", "\u3000\uFF1Dcmd")) {
            String cell = PatternExport.field(formula);
            assertThat(cell).as(formula).startsWith("\"'").endsWith("\"").isEqualTo("\"'" + formula.replace("\"", "\"\"") + "\"");
        }
    }

    @Test
    void plainTextIsLeftAsItIs() {
        for (String plain : List.of("alice", "user-1", "a=b", "x@example.com", "caf\u00e9", "")) {
            assertThat(PatternExport.field(plain)).as(plain).isEqualTo(plain);
        }
        assertThat(PatternExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(PatternExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PatternExport.field("a\nb")).isEqualTo("\"a\nb\"");
    }
}
