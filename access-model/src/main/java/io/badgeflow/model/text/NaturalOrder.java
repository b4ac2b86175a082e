package io.badgeflow.model.text;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Text in the order people read it: runs of digits compare as numbers (Person 2 before Person 10, E-9 before
 * E-10), the rest as words ignoring case and accents. The same order as the web UI's
 * {@code Intl.Collator(.., {numeric: true, sensitivity: 'base'})}, so a list sorted by the API and one sorted in the
 * browser agree. Null sorts last.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final Comparator<String> INSTANCE = Comparator.nullsLast(new NaturalOrder());

    // RuleBasedCollator.compare is synchronized, so one instance serves every thread
    private static final Collator WORDS = words();

    private NaturalOrder() {}

    private static Collator words() {
        var collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.PRIMARY);
        return collator;
    }

    @Override
    public int compare(String a, String b) {
        var i = 0;
        var j = 0;
        while (i < a.length() && j < b.length()) {
            var endA = runEnd(a, i);
            var endB = runEnd(b, j);
            var digitsA = Character.isDigit(a.charAt(i));
            var digitsB = Character.isDigit(b.charAt(j));
            int order;
            if (digitsA && digitsB) {
                order = compareNumbers(a.substring(i, endA), b.substring(j, endB));
            } else {
                order = WORDS.compare(a.substring(i, endA), b.substring(j, endB));
            }
            if (order != 0) {
                return order;
            }
            i = endA;
            j = endB;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Where the run of digits, or of other characters, that starts at {@code from} ends. */
    private static int runEnd(String text, int from) {
        var digits = Character.isDigit(text.charAt(from));
        var end = from + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    /** By value, however long; for equal values the one with fewer leading zeros first. */
    private static int compareNumbers(String a, String b) {
        var strippedA = stripZeros(a);
        var strippedB = stripZeros(b);
        if (strippedA.length() != strippedB.length()) {
            return Integer.compare(strippedA.length(), strippedB.length());
        }
        for (var k = 0; k < strippedA.length(); k++) {
            var order =
                    Integer.compare(Character.digit(strippedA.charAt(k), 10), Character.digit(strippedB.charAt(k), 10));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static String stripZeros(String digits) {
        var start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
