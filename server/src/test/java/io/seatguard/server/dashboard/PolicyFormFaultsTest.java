package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.error.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator names paths into the tree the form built; the operator sees the form's rows. */
class PolicyFormFaultsTest {
    @Test
    void aFaultOfAJoinedConditionNamesTheRowItCameFromSkippingEmptyRows() {
        // Row 2 left empty: the tree's any[1] is row 3.
        Map<String, String> form = Map.of("check0", "risk.score", "check2", "device_count");
        List<FieldError> named = PolicyForm.byRow(List.of(new FieldError("conditions.any[1].value", "must be a number"),
                new FieldError("conditions.any[0]", "is odd"), new FieldError("name", "must not be blank")), name -> form.getOrDefault(name, ""));
        assertThat(named).containsExactly(new FieldError("condition 3 value", "must be a number"), new FieldError("condition 1", "is odd"),
                new FieldError("name", "must not be blank"));
    }

    @Test
    void aLoneConditionIsNamedByItsRowToo() {
        Map<String, String> form = Map.of("check1", "device_count");
        assertThat(PolicyForm.byRow(List.of(new FieldError("conditions.value", "must be a number")), name -> form.getOrDefault(name, "")))
                .containsExactly(new FieldError("condition 2 value", "must be a number"));
    }

    @Test
    void aPathTheRowsCannotExplainIsLeftAsTheValidatorGaveIt() {
        Map<String, String> form = Map.of("check0", "device_count", "check1", "risk.score");
        assertThat(PolicyForm.byRow(List.of(new FieldError("conditions.any[5].value", "x"), new FieldError("conditions", "y")),
                name -> form.getOrDefault(name, ""))).containsExactly(new FieldError("conditions.any[5].value", "x"), new FieldError("conditions", "y"));
    }
}
