package io.badgeflow.admin.web;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.util.List;
import java.util.function.Function;

/** The paging every listing shares: {@code size} (default 20, at most 100) and the opaque {@code cursor}. */
public final class Paging {

    public static final String DEFAULT_SIZE = "20";

    private Paging() {}

    public static PageRequest request(int size, String cursor) {
        return new PageRequest(size, cursor);
    }

    public static <T, V> Page<V> map(Page<T> page, Function<T, V> view) {
        return new Page<>(page.items().stream().map(view).toList(), page.next());
    }

    /** A page mapped as a whole, so the views can join what they need (names) in one read for the page. */
    public static <T, V> Page<V> mapPage(Page<T> page, Function<List<T>, List<V>> views) {
        return new Page<>(views.apply(page.items()), page.next());
    }
}
