package io.badgeflow.model.archive;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Port: every door event the stream consumer read, kept for good (the swipes table expires its rows). Written
 * once per consumer batch before the batch is checkpointed; read back by time range for replay and for questions
 * about the past ("who was inside at T").
 */
public interface EventArchive {

    /**
     * Stores one consumer batch of a shard. Storing the same batch again overwrites what the first attempt wrote
     * (the keys depend only on the shard, the batch's sequence numbers and the events' times), so a batch that is
     * read again after a failed checkpoint is never kept twice.
     *
     * @param batch the batch's events in shard order; empty stores nothing
     */
    void store(String shardId, List<ArchivedEvent> batch);

    /**
     * Hands over, in archive order, every stored object that may hold events that occurred in [{@code from},
     * {@code to}), each with just its events in that range. Archive order is hour by hour of the events' time, then
     * shard and sequence within an hour, so one partition key's events come in the order they were on the stream
     * (except where an hour boundary splits a late event from its neighbours; the consumers tolerate that).
     */
    void read(Instant from, Instant to, Consumer<ArchivedObject> visitor);
}
