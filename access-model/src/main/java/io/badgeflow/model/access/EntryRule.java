package io.badgeflow.model.access;

/**
 * The entry rules in the order {@link EntryPolicy} applies them; the first that refuses decides. Each has a
 * stable name that decisions carry as {@code rule} (see docs/decisions/0007-entry-decision-rules.md).
 */
public enum EntryRule {
    DOOR_KNOWN("door-known"),
    /** Not a check: an OUT at a known door is granted here, before any rule about the card. */
    EXIT_ALWAYS_ALLOWED("exit-always-allowed"),
    DOOR_DIRECTION("door-direction"),
    CARD_KNOWN("card-known"),
    CARD_ACTIVE("card-active"),
    CARD_VALIDITY("card-validity"),
    EMPLOYEE_ACTIVE("employee-active"),
    /** A visitor within the days of the visit, a contractor up to the end date (the building's time zone). */
    AFFILIATION_IN_FORCE("affiliation-in-force"),
    GRANT_FOR_BUILDING("grant-for-building"),
    GRANT_SCHEDULE("grant-schedule"),
    ANTI_PASSBACK("anti-passback"),
    /** Names an entry every rule let through without remark. */
    ALL_RULES_PASSED("all-rules-passed");

    private final String ruleName;

    EntryRule(String ruleName) {
        this.ruleName = ruleName;
    }

    /** The name on the wire, e.g. {@code card-validity}. */
    public String ruleName() {
        return ruleName;
    }
}
