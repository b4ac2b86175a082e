package io.badgeflow.aws.parking;

import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;

/**
 * Port: stream records the consumer passed because they can never be applied, for operators to look at.
 * Stream plumbing shared by access-stream (which parks) and the back office (which lists), not domain, hence
 * here and not in the model.
 */
public interface ParkedRecordStore {

    /** Keeps the record; parking the same shard and sequence number again keeps the first. */
    void park(ParkedRecord record);

    /** The parked records, newest first. */
    Page<ParkedRecord> newest(PageRequest page);
}
