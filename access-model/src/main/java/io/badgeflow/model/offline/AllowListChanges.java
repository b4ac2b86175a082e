package io.badgeflow.model.offline;

import java.util.List;

/**
 * What a door must do to its list to reach a newer version: put these entries (new, or changed windows) and drop
 * these card keys (revoked, suspended, expired, no longer granted, ...).
 */
public record AllowListChanges(List<AllowListEntry> upserts, List<String> removed) {

    public AllowListChanges {
        upserts = List.copyOf(upserts == null ? List.of() : upserts);
        removed = List.copyOf(removed == null ? List.of() : removed).stream()
                .sorted()
                .toList();
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removed.isEmpty();
    }
}
