package io.badgeflow.model.door;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.time.Instant;
import java.util.List;

/** Port: the stored door events, read back for audit and for the operators' live view. */
public interface SwipeHistory {

    /** The events the query asks for, oldest first, one page at a time. */
    Page<SwipeEntry> find(SwipeQuery query, PageRequest page);

    /** A building's latest events that occurred in {@code [since, until)}, newest first, at most {@code limit}. */
    List<SwipeEntry> latest(String buildingId, Instant since, Instant until, int limit);
}
