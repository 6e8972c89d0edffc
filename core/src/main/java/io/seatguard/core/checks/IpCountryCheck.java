package io.seatguard.core.checks;

/** {@code ip_country}: the public IP's country (ISO 3166-1 alpha-2), null when geolocation does not know it. */
public final class IpCountryCheck implements Check {
    @Override
    public String name() {
        return "ip_country";
    }

    @Override
    public CheckType type() {
        return CheckType.STRING;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        return inputs.network().publicIp().country().orElse(null);
    }
}
