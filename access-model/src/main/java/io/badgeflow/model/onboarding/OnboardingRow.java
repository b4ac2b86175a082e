package io.badgeflow.model.onboarding;

import io.badgeflow.model.InvalidFieldException;
import io.badgeflow.model.Require;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.GrantAccess;
import io.badgeflow.model.command.IssueCard;
import io.badgeflow.model.command.RegisterEmployee;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One row of an HR export: a person to register, optionally with a card and the buildings they may enter.
 * Every id its commands carry is derived from the import and the row number, so the same file delivered or
 * uploaded again yields the same commands, which the command log recognises instead of applying twice.
 *
 * @param buildingCodes the building ids the person is granted, without schedule or dates
 * @param validUntil the last day the card opens doors (through the end of that day, UTC), if limited
 */
public record OnboardingRow(
        int rowNumber,
        String employeeNumber,
        String givenName,
        String familyName,
        String email,
        String department,
        List<String> buildingCodes,
        String cardNumber,
        LocalDate validUntil) {

    /** A transaction holds at most 100 writes: employee, card, two claims and the records leave room for this. */
    public static final int MAX_BUILDINGS = 40;

    public OnboardingRow {
        if (rowNumber < 1) {
            throw new IllegalArgumentException("rows count from 1");
        }
        employeeNumber = Require.text("employeeNumber", employeeNumber, 64);
        givenName = Require.text("givenName", oneLine(givenName), 128);
        familyName = Require.text("familyName", oneLine(familyName), 128);
        email = Require.email("email", email);
        department = Require.optionalText("department", oneLine(department), 128);
        buildingCodes = List.copyOf(new LinkedHashSet<>(buildingCodes == null ? List.of() : buildingCodes));
        if (buildingCodes.size() > MAX_BUILDINGS) {
            throw new InvalidFieldException("buildingCodes", "must name at most " + MAX_BUILDINGS + " buildings");
        }
        buildingCodes.forEach(code -> Require.id("buildingCodes", code));
        cardNumber = cardNumber == null || cardNumber.isBlank() ? null : Require.id("cardNumber", cardNumber.strip());
        if (validUntil != null && cardNumber == null) {
            throw new InvalidFieldException("validUntil", "needs a card number");
        }
    }

    /**
     * A line break inside a quoted cell (an HR system's multi-line name field) becomes one space, with the blanks
     * around it: a name is shown on one line everywhere, and the same file always reads the same.
     */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s*\\R\\s*", " ");
    }

    public String employeeId(String importId) {
        return derivedId("employee", importId);
    }

    /** The ids this row's commands give the records they create. */
    public Set<String> mintedIds(String importId) {
        return cardNumber == null
                ? Set.of(employeeId(importId))
                : Set.of(employeeId(importId), derivedId("card", importId));
    }

    /** The commands that onboard this row, to be applied together. */
    public List<Command> commands(String importId, String actor, Instant occurredAt) {
        var prefix = importId + ":" + rowNumber + ":";
        var employeeId = employeeId(importId);
        var commands = new ArrayList<Command>();
        commands.add(new RegisterEmployee(
                prefix + "register",
                actor,
                occurredAt,
                employeeId,
                employeeNumber,
                givenName,
                familyName,
                email,
                department));
        if (cardNumber != null) {
            var until = validUntil == null
                    ? null
                    : validUntil.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            commands.add(new IssueCard(
                    prefix + "card",
                    actor,
                    occurredAt,
                    derivedId("card", importId),
                    cardNumber,
                    employeeId,
                    null,
                    until));
        }
        for (var i = 0; i < buildingCodes.size(); i++) {
            commands.add(new GrantAccess(
                    prefix + "grant-" + i, actor, occurredAt, employeeId, buildingCodes.get(i), null, null, null));
        }
        return commands;
    }

    private String derivedId(String kind, String importId) {
        return UUID.nameUUIDFromBytes((kind + ":" + importId + ":" + rowNumber).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
