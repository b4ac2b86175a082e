package io.badgeflow.model.onboarding;

import io.badgeflow.model.employee.EmployeeStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an HR file with the people the back office holds, matched by employee number, and says what applying
 * it would do: the dry run. Pure: no store is read here, so the same file and the same people give the same plan.
 *
 * <p>Rules: a row whose employee number is on another row too is rejected with all its twins (which of them is
 * right is HR's call), and its person is neither updated nor offboarded; so is a card number on two rows. A card
 * number another person holds is rejected unless that person gives it up in the same plan (offboarded, or given
 * another card). Only the columns the file has are compared ({@link SyncOptions}). An INACTIVE person in the file
 * keeps their status: HR data is updated, deactivation is the back office's decision.
 */
public final class Reconciliation {

    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String DUPLICATE_EMPLOYEE_NUMBER = "DUPLICATE_EMPLOYEE_NUMBER";
    public static final String DUPLICATE_CARD_NUMBER = "DUPLICATE_CARD_NUMBER";
    public static final String CARD_NUMBER_TAKEN = "CARD_NUMBER_TAKEN";

    private Reconciliation() {}

    public static SyncPlan plan(
            String importId,
            List<ParsedRow> rows,
            List<KnownPerson> people,
            SyncOptions options,
            double maxOffboardShare) {
        Objects.requireNonNull(importId, "importId");
        var byNumber = new HashMap<String, KnownPerson>(people.size() * 2);
        var cardHolders = new HashMap<String, KnownPerson>(people.size() * 2);
        var active = 0;
        for (var person : people) {
            byNumber.put(person.employeeNumber(), person);
            if (person.cardNumber() != null) {
                cardHolders.put(person.cardNumber(), person);
            }
            if (person.status() == EmployeeStatus.ACTIVE) {
                active++;
            }
        }
        var numberRows = new HashMap<String, List<Integer>>();
        var cardRows = new HashMap<String, List<Integer>>();
        for (var parsed : rows) {
            var number = parsed.person().employeeNumber();
            if (number != null) {
                numberRows.computeIfAbsent(number, n -> new ArrayList<>(1)).add(parsed.rowNumber());
            }
            if (options.cards() && parsed.row() != null && parsed.row().cardNumber() != null) {
                cardRows.computeIfAbsent(parsed.row().cardNumber(), n -> new ArrayList<>(1))
                        .add(parsed.rowNumber());
            }
        }
        var leaving = new HashSet<String>();
        if (options.fullExport()) {
            for (var person : people) {
                if (!numberRows.containsKey(person.employeeNumber())) {
                    leaving.add(person.employeeNumber());
                }
            }
        }
        // whose current card number this file moves away from them: the card is free for someone else
        var releasing = new HashSet<String>();
        if (options.cards()) {
            for (var parsed : rows) {
                var known =
                        parsed.row() == null ? null : byNumber.get(parsed.row().employeeNumber());
                if (known != null
                        && known.cardNumber() != null
                        && !known.cardNumber().equals(parsed.row().cardNumber())
                        && numberRows.get(known.employeeNumber()).size() == 1) {
                    releasing.add(known.cardNumber());
                }
            }
            leaving.forEach(number -> {
                var card = byNumber.get(number).cardNumber();
                if (card != null) {
                    releasing.add(card);
                }
            });
        }
        var plan = new ArrayList<PlanRow>(rows.size() + leaving.size());
        for (var parsed : rows) {
            plan.add(planRow(importId, parsed, byNumber, cardHolders, numberRows, cardRows, releasing, options));
        }
        leaving.stream()
                .map(byNumber::get)
                .sorted(Comparator.comparing(KnownPerson::employeeNumber))
                .forEach(person -> plan.add(new PlanRow(
                        0,
                        PlanAction.OFFBOARD,
                        person.employeeNumber(),
                        person.givenName(),
                        person.familyName(),
                        person.employeeId(),
                        List.of(new FieldChange("status", person.status().name(), EmployeeStatus.OFFBOARDED.name())),
                        null,
                        null,
                        null,
                        person)));
        return SyncPlan.of(plan, active, maxOffboardShare, options.fullExport());
    }

    private static PlanRow planRow(
            String importId,
            ParsedRow parsed,
            Map<String, KnownPerson> byNumber,
            Map<String, KnownPerson> cardHolders,
            Map<String, List<Integer>> numberRows,
            Map<String, List<Integer>> cardRows,
            Set<String> releasing,
            SyncOptions options) {
        var person = parsed.person();
        if (parsed.row() == null) {
            return rejected(parsed.rowNumber(), person, INVALID_FIELD, parsed.error());
        }
        var row = parsed.row();
        var twins = numberRows.get(row.employeeNumber());
        if (twins.size() > 1) {
            return rejected(
                    row.rowNumber(),
                    person,
                    DUPLICATE_EMPLOYEE_NUMBER,
                    "employee number " + row.employeeNumber() + " is on rows " + joined(twins)
                            + "; keep one row per person (none of them is applied)");
        }
        if (options.cards() && row.cardNumber() != null) {
            var sharing = cardRows.get(row.cardNumber());
            if (sharing.size() > 1) {
                return rejected(
                        row.rowNumber(),
                        person,
                        DUPLICATE_CARD_NUMBER,
                        "card number " + row.cardNumber() + " is on rows " + joined(sharing)
                                + "; a card belongs to one person (none of them is applied)");
            }
            var holder = cardHolders.get(row.cardNumber());
            if (holder != null
                    && !holder.employeeNumber().equals(row.employeeNumber())
                    && !releasing.contains(row.cardNumber())) {
                return rejected(
                        row.rowNumber(),
                        person,
                        CARD_NUMBER_TAKEN,
                        "card number " + row.cardNumber() + " is held by " + holder.employeeNumber() + " "
                                + holder.givenName() + " " + holder.familyName()
                                + "; give them another card (or none) first");
            }
        }
        var known = byNumber.get(row.employeeNumber());
        if (known == null) {
            return new PlanRow(
                    row.rowNumber(),
                    PlanAction.CREATE,
                    row.employeeNumber(),
                    row.givenName(),
                    row.familyName(),
                    row.employeeId(importId),
                    created(row, options),
                    null,
                    null,
                    row,
                    null);
        }
        var changes = changes(known, row, options);
        return new PlanRow(
                row.rowNumber(),
                changes.isEmpty() ? PlanAction.UNCHANGED : PlanAction.UPDATE,
                row.employeeNumber(),
                row.givenName(),
                row.familyName(),
                known.employeeId(),
                changes,
                null,
                null,
                changes.isEmpty() ? null : row,
                changes.isEmpty() ? null : known);
    }

    /** What differs between the stored person and the row, field by field, in a fixed order. */
    static List<FieldChange> changes(KnownPerson known, OnboardingRow row, SyncOptions options) {
        var changes = new ArrayList<FieldChange>();
        compare(changes, "givenName", known.givenName(), row.givenName());
        compare(changes, "familyName", known.familyName(), row.familyName());
        compare(changes, "email", known.email(), row.email());
        compare(changes, "department", known.department(), row.department());
        if (options.cards()) {
            compare(changes, "cardNumber", known.cardNumber(), row.cardNumber());
            if (options.validity() && row.cardNumber() != null) {
                compare(changes, "validUntil", dayText(known.cardValidUntil()), dayText(endOf(row.validUntil())));
            }
        }
        if (options.buildings()) {
            compare(
                    changes,
                    "buildings",
                    String.join(";", known.buildings()),
                    String.join(";", new TreeSet<>(row.buildingCodes())));
        }
        return changes;
    }

    private static List<FieldChange> created(OnboardingRow row, SyncOptions options) {
        var fields = new ArrayList<FieldChange>();
        compare(fields, "email", null, row.email());
        compare(fields, "department", null, row.department());
        if (options.cards()) {
            compare(fields, "cardNumber", null, row.cardNumber());
            compare(fields, "validUntil", null, dayText(endOf(row.validUntil())));
        }
        if (options.buildings()) {
            compare(fields, "buildings", null, String.join(";", new TreeSet<>(row.buildingCodes())));
        }
        return fields;
    }

    /** The instant a card dated "valid until D" stops opening doors: the end of D, UTC (as onboarding sets it). */
    public static Instant endOf(LocalDate validUntil) {
        return validUntil == null ? null : validUntil.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A window's end as the file writes it (the last day) when it ends at midnight UTC, else the instant. */
    static String dayText(Instant until) {
        if (until == null) {
            return null;
        }
        var utc = until.atOffset(ZoneOffset.UTC);
        return utc.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? utc.toLocalDate().minusDays(1).toString()
                : until.toString();
    }

    private static void compare(List<FieldChange> changes, String field, String from, String to) {
        var before = from == null || from.isBlank() ? null : from;
        var after = to == null || to.isBlank() ? null : to;
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static PlanRow rejected(int rowNumber, RowPerson person, String reason, String message) {
        return new PlanRow(
                rowNumber,
                PlanAction.REJECTED,
                person.employeeNumber(),
                person.givenName(),
                person.familyName(),
                null,
                List.of(),
                reason,
                message,
                null,
                null);
    }

    private static String joined(List<Integer> rowNumbers) {
        return String.join(", ", rowNumbers.stream().map(String::valueOf).toList());
    }
}
