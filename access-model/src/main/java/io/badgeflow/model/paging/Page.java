package io.badgeflow.model.paging;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing, newest or first items first as the listing defines. {@code next} is an opaque cursor
 * for the following page, null on the last one.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }
}
