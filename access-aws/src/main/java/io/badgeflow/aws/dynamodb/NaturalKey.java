package io.badgeflow.aws.dynamodb;

/**
 * Text whose byte order (the order a DynamoDB index sorts a string key in) is natural order: every run of digits
 * is written as ten digits, zero-padded ({@code person 2} becomes {@code person 0000000002}, before
 * {@code person 0000000010}), so "Person 2" lists before "Person 10" as in the UI. A run of more than ten digits is
 * kept as it is (such a name sorts after the padded ones).
 */
final class NaturalKey {

    static final int WIDTH = 10;

    private NaturalKey() {}

    static String of(String text) {
        var key = new StringBuilder(text.length() + WIDTH);
        var i = 0;
        while (i < text.length()) {
            var end = i;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            if (end > i) {
                appendNumber(key, text, i, end);
                i = end;
            } else {
                key.append(text.charAt(i));
                i++;
            }
        }
        return key.toString();
    }

    /**
     * The key of a search prefix, up to where it can be encoded: a trailing run of digits ("person 1") could be the
     * start of any longer number ("person 10"), so it is left off, and the caller matches it on the plain text.
     */
    static String ofPrefix(String prefix) {
        var end = prefix.length();
        while (end > 0 && isDigit(prefix.charAt(end - 1))) {
            end--;
        }
        return of(prefix.substring(0, end));
    }

    /** Whether the prefix ends in digits, which {@link #ofPrefix} leaves to the caller. */
    static boolean endsInDigits(String prefix) {
        return !prefix.isEmpty() && isDigit(prefix.charAt(prefix.length() - 1));
    }

    private static void appendNumber(StringBuilder key, String text, int from, int to) {
        var start = from;
        while (start < to - 1 && text.charAt(start) == '0') {
            start++;
        }
        var digits = to - start;
        if (digits > WIDTH) {
            key.append(text, from, to);
            return;
        }
        key.repeat('0', WIDTH - digits).append(text, start, to);
    }

    /** ASCII digits only: other scripts' digits sort as the text they are. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
