package io.seatguard.core.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** An IPv4 or IPv6 network written as {@code address/prefix}; a bare address is a single-host network. */
public record Cidr(byte[] network, int prefixLength) {
    public Cidr {
        requireNonNull(network, "network is null");
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("network must be 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        network = mask(network.clone(), prefixLength);
    }

    /** Parses {@code 10.0.0.0/8}, {@code ::1} or {@code 2001:db8::/32}; empty when it is not one of those. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<InetAddress> address = IpAddresses.parse(addressPart);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > bytes.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(bytes, prefix));
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static byte[] mask(byte[] bytes, int prefixLength) {
        for (int i = 0; i < bytes.length; i++) {
            int bitsInThisByte = Math.max(0, Math.min(8, prefixLength - i * 8));
            int byteMask = bitsInThisByte == 0 ? 0 : (0xff << (8 - bitsInThisByte)) & 0xff;
            bytes[i] = (byte) (bytes[i] & byteMask);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return IpAddresses.format(InetAddress.getByAddress(network)) + "/" + prefixLength;
        }
        catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
