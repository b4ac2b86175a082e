package io.badgeflow.door;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The offline decisions not yet uploaded: an append-only file of JSON lines, each forced to the disk before the
 * swipe's answer is given, so a power cut loses none that was answered. Bounded: once {@link #limit} are held, a new
 * one is counted as dropped and not kept, so the oldest (the first the service needs to reconstruct who is inside)
 * survive. Uploaded decisions are removed by rewriting the file in whole (atomically). A line cut short by a crash
 * mid-append is skipped when read.
 */
final class OfflineBuffer {

    private final Path file;
    private final int limit;
    private int held;
    private long dropped;

    OfflineBuffer(Path file, int limit) {
        this.file = file;
        this.limit = limit;
        this.held = read().size();
    }

    /** Keeps {@code decision} durably; false (and counted) when the buffer is full. */
    synchronized boolean add(BufferedDecision decision) {
        if (held >= limit) {
            dropped++;
            return false;
        }
        var line =
                (new String(DoorJson.write(decision), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            DurableFiles.append(file, line);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep an offline decision in " + file, e);
        }
        held++;
        return true;
    }

    /** Every decision held, oldest first. */
    synchronized List<BufferedDecision> pending() {
        return read();
    }

    /** Forgets the decisions with these event ids (the service took them). */
    synchronized void remove(Set<String> eventIds) {
        var keep = new StringBuilder();
        var kept = 0;
        for (var decision : read()) {
            if (!eventIds.contains(decision.eventId())) {
                keep.append(new String(DoorJson.write(decision), StandardCharsets.UTF_8))
                        .append('\n');
                kept++;
            }
        }
        try {
            DurableFiles.replace(file, keep.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite " + file, e);
        }
        held = kept;
    }

    synchronized int size() {
        return held;
    }

    /** Decisions not kept because the buffer was full, since this controller started. */
    synchronized long dropped() {
        return dropped;
    }

    private List<BufferedDecision> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        var decisions = new ArrayList<BufferedDecision>();
        try {
            for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    decisions.add(DoorJson.MAPPER.readValue(line, BufferedDecision.class));
                } catch (RuntimeException torn) {
                    // The tail of an append a crash cut short: it was never answered as kept.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return decisions;
    }
}
