package io.seatguard.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows chosen once, then acted on by several statements in the same transaction: their keys bound as a
 * {@code VALUES} list in place of a statement's {@value #KEYS}, as in
 * {@code (app_id, message_id) IN (VALUES (?, ?), ...)}. Both engines read such a list through the primary
 * key (SQLite since 3.15; PostgreSQL as a join, by key once the table is larger than a few pages' worth).
 *
 * <p>Why keys and not the subquery that chose them: each statement re-running the subquery costs as much
 * as the first, and on PostgreSQL each may see a different answer (a row another node committed in
 * between): a message deleted by one list and its deliveries by another left deliveries without a message.
 *
 * <p>Why the list's length is a power of two: {@link StatementCache} keeps one prepared statement per SQL
 * text for the life of the connection, so a list exactly as long as each batch would prepare and keep one
 * per length. A batch is padded with its first key (an {@code IN} list ignores the repeats) up to the next
 * power of two from 8 to {@value #MAX}: a few texts per statement, and PostgreSQL never plans for many
 * more keys than there are.
 */
final class KeyList {
    /** Where a statement's list goes. */
    static final String KEYS = "(:keys)";
    /** The most keys in one list. */
    static final int MAX = 1_024;
    private static final int MIN = 8;

    private record Shape(String template, int columns, int length) {}

    private static final Map<Shape, String> STATEMENTS = new ConcurrentHashMap<>();

    private KeyList() {}

    /** The statement for {@code count} keys of {@code columns} columns each. */
    static String statement(String template, int columns, int count) {
        return STATEMENTS.computeIfAbsent(new Shape(template, columns, length(count)), shape -> {
            String row = "(" + String.join(", ", Collections.nCopies(shape.columns(), "?")) + ")";
            return shape.template().replace(KEYS, "(VALUES " + String.join(", ", Collections.nCopies(shape.length(), row)) + ")");
        });
    }

    /** The parameters: {@code before}, then the keys padded as {@link #statement} expects, then {@code after}. */
    static Object[] parameters(List<String[]> keys, Object[] before, Object... after) {
        int length = length(keys.size());
        List<Object> parameters = new ArrayList<>(before.length + length * keys.get(0).length + after.length);
        parameters.addAll(Arrays.asList(before));
        for (int i = 0; i < length; i++) {
            parameters.addAll(Arrays.asList((Object[]) keys.get(i < keys.size() ? i : 0)));
        }
        parameters.addAll(Arrays.asList(after));
        return parameters.toArray();
    }

    /** The keys in lists of at most {@link #MAX}, in order. */
    static List<List<String[]>> chunks(List<String[]> keys) {
        List<List<String[]>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + MAX)));
        }
        return chunks;
    }

    private static int length(int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("1 to " + MAX + " keys, not " + count);
        }
        return Math.max(MIN, Integer.highestOneBit(count - 1) << 1);
    }
}
