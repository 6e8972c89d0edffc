package io.seatguard.core.intel;

import java.util.ArrayList;
import java.util.List;

/**
 * Some of a file's lines by number, from 1 as an editor shows them: how many there were and the first
 * {@value #KEPT} numbers, for a log line that lets an operator find them. Only the first few are kept: a
 * damaged 40,000-line download would otherwise hold a number per line only to print ten.
 */
public record LineNumbers(int count, List<Integer> first) {
    /** How many numbers are kept; the count says how many there were. */
    public static final int KEPT = 10;

    public LineNumbers {
        first = List.copyOf(first);
    }

    /** The kept numbers as a log line prints them, "4, 8", ending ", …" when more were counted than kept. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int number : first) {
            text.append(text.isEmpty() ? "" : ", ").append(number);
        }
        return count > first.size() ? text + ", …" : text.toString();
    }

    /** Collects the numbers while a file is read, keeping the first {@value #KEPT}. */
    public static final class Counter {
        private final List<Integer> first = new ArrayList<>();
        private int count;

        public void add(int number) {
            if (count++ < KEPT) {
                first.add(number);
            }
        }

        public LineNumbers counted() {
            return new LineNumbers(count, first);
        }
    }
}
