package io.badgeflow.model.offline;

import java.util.List;

/**
 * Port: where each door's allow-list status is kept for every instance and the back office to read. Recording
 * never moves a field back: an older report or confirmation than the stored one changes nothing, so instances
 * may record in any order.
 */
public interface DoorListStatuses {

    /** Records what in {@code status} is newer than stored, for a door that exists (else nothing). */
    void record(DoorListStatus status);

    /** The statuses of these doors, in the order asked; a door with nothing recorded has an empty status. */
    List<DoorListStatus> of(List<String> doorIds);
}
