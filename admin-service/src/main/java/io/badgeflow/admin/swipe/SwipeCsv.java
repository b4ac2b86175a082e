package io.badgeflow.admin.swipe;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The CSV form of the swipe audit (RFC 4180, UTF-8, CRLF). A field a spreadsheet would run as a formula (a name
 * typed as {@code =HYPERLINK(..)}) is prefixed with an apostrophe, so an exported file cannot act when opened.
 */
final class SwipeCsv {

    static final List<String> HEADER = List.of(
            "occurredAt",
            "eventId",
            "type",
            "buildingId",
            "doorId",
            "doorName",
            "employeeId",
            "employeeNumber",
            "givenName",
            "familyName",
            "cardNumber",
            "cardId",
            "cardStatus",
            "direction",
            "decision",
            "reason",
            "rule",
            "policyVersion",
            "doorState",
            "alarms",
            "receivedAt");

    private SwipeCsv() {}

    static void header(Writer out) throws IOException {
        line(out, HEADER);
    }

    static void row(Writer out, SwipeView view) throws IOException {
        line(
                out,
                java.util.Arrays.asList(
                        text(view.occurredAt()),
                        view.eventId(),
                        view.type(),
                        view.buildingId(),
                        view.doorId(),
                        view.doorName(),
                        view.employeeId(),
                        view.employeeNumber(),
                        view.givenName(),
                        view.familyName(),
                        view.cardNumber(),
                        view.cardId(),
                        view.cardStatus(),
                        view.direction(),
                        view.decision(),
                        view.reason(),
                        view.rule(),
                        view.policyVersion(),
                        view.doorState(),
                        String.join(" ", view.alarms()),
                        text(view.receivedAt())));
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (var i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
