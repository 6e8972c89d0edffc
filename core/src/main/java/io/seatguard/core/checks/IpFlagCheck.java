package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.DetectionFlags;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ip_is_vpn}, {@code ip_is_proxy}, {@code ip_is_tor}, {@code ip_is_hosting}: one detection flag as
 * a check, so policies and scores can use it. Null while no source judged it.
 */
public final class IpFlagCheck implements Check {
    private final String name;
    private final Function<DetectionFlags, Optional<Boolean>> flag;

    public IpFlagCheck(String name, Function<DetectionFlags, Optional<Boolean>> flag) {
        this.name = requireNonNull(name, "name is null");
        this.flag = requireNonNull(flag, "flag is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return flag.apply(inputs.network().flags()).orElse(null);
    }
}
