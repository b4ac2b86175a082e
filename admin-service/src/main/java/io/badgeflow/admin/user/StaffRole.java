package io.badgeflow.admin.user;

import java.util.Locale;

/** A back-office role: the user pool group of the same name (lower case), strongest first. */
public enum StaffRole {
    ADMIN,
    OPERATOR,
    AUDITOR;

    /** The group name, which is also how the API spells the role. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a group name, or null when the group is none of ours. */
    public static StaffRole ofGroup(String group) {
        for (var role : values()) {
            if (role.group().equals(group)) {
                return role;
            }
        }
        return null;
    }
}
