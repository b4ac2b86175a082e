package io.badgeflow.model.onboarding;

/** What a plan does with one person. */
public enum PlanAction {
    /** New employee number: registered, with the card and grants the row names. */
    CREATE,
    /** Known employee number whose data, card, window or buildings differ: the differences are applied. */
    UPDATE,
    /** Known and active but missing from a full export: card revoked, grants removed (OffboardEmployee). */
    OFFBOARD,
    /** Known and nothing differs: no command. */
    UNCHANGED,
    /** The row is not applied, with the reason. */
    REJECTED
}
