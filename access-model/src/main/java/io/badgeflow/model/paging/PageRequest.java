package io.badgeflow.model.paging;

import io.badgeflow.model.InvalidFieldException;

/** Which page to read: at most {@code size} items after {@code cursor} (null for the first page). */
public record PageRequest(int size, String cursor) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (cursor != null && cursor.isBlank()) {
            cursor = null;
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }
}
