package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A field a condition may read.
 *
 * @param listKinds the kinds of list an {@code in_list} condition on this field may name
 * @param limit the highest value a number field reports when it stops counting there (a count at it
 *     reads "at least this many"); empty for a field that counts on
 * @param form the form a string field's values are reported in, which condition values are held to
 * @param highest the highest value a number field reports, exactly (a risk score's 100 is 100, not "100
 *     or more"); empty for a field without one, or whose bound is its {@code limit}
 */
public record PolicyField(String name, ValueType type, Set<ListKind> listKinds, OptionalLong limit, ValueForm form, OptionalLong highest) {
    public PolicyField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        listKinds = Set.copyOf(listKinds);
        requireNonNull(limit, "limit is null");
        requireNonNull(form, "form is null");
        requireNonNull(highest, "highest is null");
    }

    public static PolicyField of(String name, ValueType type, ListKind... listKinds) {
        return new PolicyField(name, type, Set.of(listKinds), OptionalLong.empty(), ValueForm.AS_WRITTEN, OptionalLong.empty());
    }

    /** This field, reporting no value above {@code limit}. */
    public PolicyField limitedTo(OptionalLong limit) {
        return new PolicyField(name, type, listKinds, limit, form, highest);
    }

    /** This field, reporting its string values in {@code form} only. */
    public PolicyField writtenAs(ValueForm form) {
        return new PolicyField(name, type, listKinds, limit, form, highest);
    }

    /** This field, reporting whole numbers up to {@code highest}, exactly. */
    public PolicyField reportingAtMost(long highest) {
        return new PolicyField(name, type, listKinds, limit, form, OptionalLong.of(highest));
    }
}
