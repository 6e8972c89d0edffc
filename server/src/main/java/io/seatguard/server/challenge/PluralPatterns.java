package io.seatguard.server.challenge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plural blocks in the messages, {@code {2,plural,one{# minute}other{# minutes}}}: the ICU
 * MessageFormat syntax translators and their tools know, which {@link java.text.MessageFormat} does
 * not read. Its {@code choice} compares a count with fixed limits and cannot say "last two digits
 * 3 to 10", which Arabic needs (105 minutes is "105 دقائق"), so each block is resolved here, by
 * {@link PluralCategory}, to its branch before MessageFormat formats the rest.
 *
 * <p>A block is {@code {n,plural,} then branches {@code keyword{text}}} (spaces between them are
 * allowed) and a closing brace. Keywords are CLDR's categories; {@code other} is required and is
 * the branch of a category the block leaves out. In a branch, {@code #} is the count written as the
 * language writes numbers (it becomes {@code {n}}); other arguments ({@code {0}}) may appear too.
 * Blocks do not nest.
 */
final class PluralPatterns {
    private static final Pattern START = Pattern.compile("\\{(\\d+),\\s*plural\\s*,");
    private static final Pattern KEYWORD = Pattern.compile("\\s*([a-z]+)\\s*\\{");

    /** One plural block: the argument it counts, its branches by keyword, and where it starts and ends in the pattern. */
    record Block(int argument, Map<String, String> branches, int start, int end) {
    }

    private PluralPatterns() {
    }

    /** {@code pattern} with each plural block replaced by the branch its count takes in {@code locale}'s language. */
    static String select(String pattern, Locale locale, Object... arguments) {
        StringBuilder selected = new StringBuilder();
        int copied = 0;
        for (Block block : blocks(pattern)) {
            if (block.argument() >= arguments.length || !(arguments[block.argument()] instanceof Number count)) {
                throw new IllegalArgumentException("argument " + block.argument() + " of a plural block must be a count: " + pattern);
            }
            String keyword = PluralCategory.of(locale, count.longValue()).keyword();
            String branch = block.branches().getOrDefault(keyword, block.branches().get("other"));
            selected.append(pattern, copied, block.start()).append(branch.replace("#", "{" + block.argument() + "}"));
            copied = block.end();
        }
        return selected.append(pattern, copied, pattern.length()).toString();
    }

    /** The plural blocks of {@code pattern}, in order; a malformed block, or one without {@code other}, is an error in the messages. */
    static List<Block> blocks(String pattern) {
        List<Block> blocks = new ArrayList<>();
        Matcher start = START.matcher(pattern);
        int from = 0;
        while (start.find(from)) {
            Map<String, String> branches = new LinkedHashMap<>();
            int at = start.end();
            Matcher keyword = KEYWORD.matcher(pattern);
            while (keyword.region(at, pattern.length()).lookingAt()) {
                int close = matchingBrace(pattern, keyword.end() - 1);
                if (branches.put(keyword.group(1), pattern.substring(keyword.end(), close)) != null) {
                    throw new IllegalArgumentException("plural keyword " + keyword.group(1) + " twice: " + pattern);
                }
                at = close + 1;
            }
            while (at < pattern.length() && Character.isWhitespace(pattern.charAt(at))) {
                at++;
            }
            if (at >= pattern.length() || pattern.charAt(at) != '}') {
                throw new IllegalArgumentException("plural block not closed after its branches at " + at + ": " + pattern);
            }
            if (!branches.containsKey("other")) {
                throw new IllegalArgumentException("plural block without an other branch: " + pattern);
            }
            blocks.add(new Block(Integer.parseInt(start.group(1)), Map.copyOf(branches), start.start(), at + 1));
            from = at + 1;
        }
        return blocks;
    }

    /** Where the brace opened at {@code open} closes, counting the argument braces ({@code {0}}) a branch holds. */
    private static int matchingBrace(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            }
            else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("plural branch not closed: " + pattern);
    }
}
