package io.seatguard.core.evaluation;

import java.util.regex.Pattern;

/** The action names an evaluation may carry: the seeds' three and custom ones of the same shape. */
public final class Actions {
    public static final String LOGIN = "login";
    public static final String SIGNUP = "signup";
    public static final String ACCESS = "access";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,64}");

    private Actions() {}

    public static boolean isValidName(String action) {
        return action != null && NAME.matcher(action).matches();
    }

    /** Login and access are about an existing account, so they need its id (CONTRACT.md). */
    public static boolean requiresUser(String action) {
        return LOGIN.equals(action) || ACCESS.equals(action);
    }
}
