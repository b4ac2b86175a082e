package io.badgeflow.door;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;

/**
 * How one door's controller is set up at installation.
 *
 * @param baseUri the door API, e.g. {@code https://doors.example.com}
 * @param doorKey the door's device key (X-Door-Key)
 * @param listKey the public key its allow-lists are signed with, given at installation (never trusted from the
 *     network alone)
 * @param deadline how long a swipe waits for the decision API before deciding offline (OSDP: 200 ms)
 * @param dataDirectory where the held list and the buffer of offline decisions are kept (fsynced)
 * @param bufferLimit the most offline decisions kept for upload; beyond it new ones are counted, not kept
 */
public record DoorControllerSettings(
        URI baseUri,
        String doorId,
        String doorKey,
        PublicKey listKey,
        Duration deadline,
        Path dataDirectory,
        int bufferLimit) {

    /** The reader's deadline when none is set (OSDP's 200 ms). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(200);

    public DoorControllerSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(doorKey, "doorKey");
        Objects.requireNonNull(listKey, "listKey");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        if (deadline.toMillis() < 100 || deadline.toMillis() > 10_000) {
            // The decision API takes 100-10000 ms in X-Door-Deadline-Ms.
            throw new IllegalArgumentException("deadline must be 100 ms to 10 s");
        }
        bufferLimit = bufferLimit == 0 ? 100_000 : bufferLimit;
        if (bufferLimit < 1) {
            throw new IllegalArgumentException("bufferLimit must be positive");
        }
    }

    /** The same door at another API address (a test moving the service away and back). */
    public DoorControllerSettings at(URI other) {
        return new DoorControllerSettings(other, doorId, doorKey, listKey, deadline, dataDirectory, bufferLimit);
    }
}
