package io.seatguard.core.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable set of address ranges (from CIDR lists, single addresses or start–end rows) answering
 * "is this address inside?" by binary search over sorted, merged ranges: O(log n) and no allocation per
 * lookup, so a list of tens of thousands of ranges costs well under a microsecond (docs/benchmarks.md).
 *
 * <p>Each family is kept apart; an address is a 128-bit number held in two longs compared unsigned
 * (IPv4 uses only the low word), which keeps one code path for both.
 */
public final class IpRangeSet {
    public static final IpRangeSet EMPTY = new Builder().build();

    private final Family v4;
    private final Family v6;

    private IpRangeSet(Family v4, Family v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return (address instanceof Inet4Address ? v4 : v6).contains(AddressKey.high(bytes), AddressKey.low(bytes));
    }

    /** Merged ranges held, both families. */
    public int size() {
        return v4.size() + v6.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<long[]> v4 = new ArrayList<>();
        private final List<long[]> v6 = new ArrayList<>();

        public Builder add(Cidr cidr) {
            byte[] start = cidr.network();
            byte[] end = start.clone();
            for (int bit = cidr.prefixLength(); bit < end.length * 8; bit++) {
                end[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
            return add(start, end);
        }

        /** Adds an inclusive range; both ends must be of one family and in order. */
        public Builder add(InetAddress first, InetAddress last) {
            return add(first.getAddress(), last.getAddress());
        }

        private Builder add(byte[] start, byte[] end) {
            if (start.length != end.length) {
                throw new IllegalArgumentException("range ends are of different families");
            }
            long[] range = {AddressKey.high(start), AddressKey.low(start), AddressKey.high(end), AddressKey.low(end)};
            if (AddressKey.compare(range[0], range[1], range[2], range[3]) > 0) {
                throw new IllegalArgumentException("range starts after it ends");
            }
            (start.length == 4 ? v4 : v6).add(range);
            return this;
        }

        public IpRangeSet build() {
            return new IpRangeSet(Family.of(v4), Family.of(v6));
        }
    }

    /** One family's ranges as parallel arrays, sorted by start, overlapping and touching ranges merged. */
    private record Family(long[] startHigh, long[] startLow, long[] endHigh, long[] endLow) {
        static Family of(List<long[]> ranges) {
            List<long[]> sorted = new ArrayList<>(ranges);
            sorted.sort(Comparator.<long[], long[]>comparing(r -> r, (a, b) -> AddressKey.compare(a[0], a[1], b[0], b[1])));
            List<long[]> merged = new ArrayList<>();
            for (long[] range : sorted) {
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && touches(last, range)) {
                    if (AddressKey.compare(range[2], range[3], last[2], last[3]) > 0) {
                        last[2] = range[2];
                        last[3] = range[3];
                    }
                }
                else {
                    merged.add(range.clone());
                }
            }
            int n = merged.size();
            long[] sh = new long[n], sl = new long[n], eh = new long[n], el = new long[n];
            for (int i = 0; i < n; i++) {
                long[] r = merged.get(i);
                sh[i] = r[0];
                sl[i] = r[1];
                eh[i] = r[2];
                el[i] = r[3];
            }
            return new Family(sh, sl, eh, el);
        }

        /** Whether {@code next} (starting at or after {@code last}'s start) overlaps or directly follows it. */
        private static boolean touches(long[] last, long[] next) {
            if (AddressKey.compare(next[0], next[1], last[2], last[3]) <= 0) {
                return true;
            }
            // next starts exactly one after last ends
            long low = last[3] + 1;
            long high = low == 0 ? last[2] + 1 : last[2];
            return !(last[2] == -1L && last[3] == -1L) && high == next[0] && low == next[1];
        }

        int size() {
            return startHigh.length;
        }

        boolean contains(long high, long low) {
            // the last range starting at or before the address
            int lo = 0, hi = startHigh.length - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (AddressKey.compare(startHigh[mid], startLow[mid], high, low) <= 0) {
                    found = mid;
                    lo = mid + 1;
                }
                else {
                    hi = mid - 1;
                }
            }
            return found >= 0 && AddressKey.compare(high, low, endHigh[found], endLow[found]) <= 0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Family that && Arrays.equals(startHigh, that.startHigh) && Arrays.equals(startLow, that.startLow)
                    && Arrays.equals(endHigh, that.endHigh) && Arrays.equals(endLow, that.endLow);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(startLow) * 31 + Arrays.hashCode(endLow);
        }

        @Override
        public String toString() {
            return "Family[" + startHigh.length + " ranges]";
        }
    }




}
