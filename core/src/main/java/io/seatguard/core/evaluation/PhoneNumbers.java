package io.seatguard.core.evaluation;

import java.util.regex.Pattern;

/** Phone numbers as evaluations carry them: E.164 (CONTRACT.md), so a policy compares like with like. */
public final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    private PhoneNumbers() {}

    public static boolean isE164(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }
}
