package io.badgeflow.door;

import io.badgeflow.model.access.EntryPolicy;
import io.badgeflow.model.access.EntryRequest;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import io.badgeflow.model.door.Outcome;
import io.badgeflow.model.offline.AllowList;
import io.badgeflow.model.offline.AllowListFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A door's controller: every swipe asks the decision API within the reader's deadline; when the API is unreachable,
 * answers anything but 200, or is late, the door decides from the last allow-list it verified, with the entry rules
 * themselves ({@link EntryPolicy} over {@link AllowListFacts}), and keeps the decision durably for upload. A list is
 * applied only if its signature verifies with the key given at installation and it is not older than the one held;
 * otherwise the held list stays. The held list and the buffer live in the data directory and survive a restart.
 *
 * <p>Not thread-safe for concurrent swipes at one door (a reader reads one card at a time); refreshing the list
 * and uploading may run on another thread.
 */
public final class DoorController implements AutoCloseable {

    /** The reader's deadline, as the decision API reads it (whole milliseconds, 100-10000). */
    public static final String DEADLINE_HEADER = "X-Door-Deadline-Ms";
    /** The version of the list the door holds, sent with every request so the service can show its age. */
    public static final String LIST_VERSION_HEADER = "X-Allow-List-Version";

    static final String DOOR_KEY_HEADER = "X-Door-Key";
    /** The door API's body limit: uploads are sent in batches that fit. */
    static final int MAX_UPLOAD_BYTES = 4096;

    static final int MAX_UPLOAD_ITEMS = 50;
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private final DoorControllerSettings settings;
    private final Clock clock;
    /** For decisions: connecting counts against the reader's deadline. */
    private final HttpClient http;
    /** For lists and uploads, which have no reader waiting: a slow connection is no reason to give up. */
    private final HttpClient background;

    private final ListSignature signature;
    private final OfflineBuffer buffer;
    private final AtomicLong refusedLists = new AtomicLong();
    private volatile AllowList held;
    private volatile Instant listConfirmedAt;

    public DoorController(DoorControllerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.deadline())
                .build();
        this.background = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(LIST_TIMEOUT)
                .build();
        this.signature = new ListSignature(settings.listKey());
        try {
            Files.createDirectories(settings.dataDirectory());
            var stored = listFile();
            this.held = Files.exists(stored) ? DoorJson.list(Files.readAllBytes(stored)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + settings.dataDirectory(), e);
        }
        this.buffer =
                new OfflineBuffer(settings.dataDirectory().resolve("offline-decisions.jsonl"), settings.bufferLimit());
    }

    /** Decides a swipe now: by the decision API within the deadline, else from the held list (and buffers it). */
    public SwipeResult swipe(String cardNumber, Direction direction) {
        var eventId = UUID.randomUUID().toString();
        var occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var online = askTheService(eventId, cardNumber, direction, occurredAt);
        if (online.isPresent()) {
            return online.get();
        }
        var decided = decideOffline(eventId, cardNumber, direction, occurredAt);
        buffer.add(new BufferedDecision(
                eventId,
                cardNumber,
                direction.name(),
                occurredAt.toString(),
                decided.decision().name(),
                decided.reason().name(),
                decided.rule(),
                EntryPolicy.VERSION,
                decided.allowListVersion()));
        return decided;
    }

    private Optional<SwipeResult> askTheService(
            String eventId, String cardNumber, Direction direction, Instant occurredAt) {
        var body = new LinkedHashMap<String, Object>();
        body.put("eventId", eventId);
        body.put("cardNumber", cardNumber);
        body.put("direction", direction.name());
        body.put("occurredAt", occurredAt.toString());
        var request = request("/decisions")
                .timeout(settings.deadline())
                .header("Content-Type", "application/json")
                .header(DEADLINE_HEADER, Long.toString(settings.deadline().toMillis()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(DoorJson.write(body)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty(); // overloaded, failing or refusing: the door must still answer
            }
            var answer = DoorJson.MAPPER.readTree(response.body());
            return Optional.of(new SwipeResult(
                    eventId,
                    Outcome.valueOf(answer.get("decision").asString()),
                    DecisionReason.valueOf(answer.get("reason").asString()),
                    answer.get("rule").asString(),
                    false,
                    heldVersion(),
                    occurredAt));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreachable, late (HttpTimeoutException) or unreadable
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private SwipeResult decideOffline(String eventId, String cardNumber, Direction direction, Instant occurredAt) {
        var list = held;
        if (list == null) {
            // Nothing verified to decide from: exits open (safety), entries do not.
            return direction == Direction.OUT
                    ? new SwipeResult(
                            eventId, Outcome.GRANTED, DecisionReason.EXIT, "exit-always-allowed", true, 0, occurredAt)
                    : new SwipeResult(
                            eventId, Outcome.DENIED, DecisionReason.UNKNOWN_CARD, "no-allow-list", true, 0, occurredAt);
        }
        var decision = new EntryPolicy(new AllowListFacts(list), clock)
                .decide(new EntryRequest(eventId, settings.doorId(), cardNumber, direction, occurredAt));
        return new SwipeResult(
                eventId, decision.decision(), decision.reason(), decision.rule(), true, list.version(), occurredAt);
    }

    /**
     * Fetches the changes since the held version (or the whole list) and applies them if they verify; true when the
     * held list is now confirmed current. A delta that does not apply to the held list is followed by a full fetch.
     */
    public boolean refreshAllowList() {
        var current = held;
        if (fetchAndApply(current == null ? null : current.version())) {
            return true;
        }
        return current != null && fetchAndApply(null);
    }

    private boolean fetchAndApply(Long since) {
        var request = request("/allow-list" + (since == null ? "" : "?since=" + since))
                .timeout(LIST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = background.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (response.statusCode() != 200) {
            return false;
        }
        var headers = response.headers();
        if (!signature.verifies(
                response.body(),
                headers.firstValue("X-Allow-List-Signature").orElse(null),
                headers.firstValue("X-Allow-List-Signature-Algorithm").orElse(null))) {
            refusedLists.incrementAndGet();
            return false;
        }
        try {
            var next = DoorJson.document(response.body()).applyTo(settings.doorId(), held);
            if (held == null || !next.equals(held)) {
                DurableFiles.replace(listFile(), DoorJson.write(next));
            }
            held = next;
            listConfirmedAt = clock.instant();
            return true;
        } catch (IllegalArgumentException e) {
            return false; // verified, but older than the held list or a delta from another version
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the allow-list in " + listFile(), e);
        }
    }

    /**
     * Uploads the buffered offline decisions with their original times, in batches that fit the door API's body
     * limit; each batch the service took is removed. Returns how many were taken; stops at the first failure.
     */
    public int uploadOffline() {
        var taken = 0;
        for (var batch : batches(buffer.pending())) {
            var request = request("/offline-decisions")
                    .timeout(LIST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(uploadBody(batch)))
                    .build();
            try {
                var response = background.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    return taken;
                }
                var ids = new HashSet<String>();
                for (JsonNode id : DoorJson.MAPPER.readTree(response.body()).get("eventIds")) {
                    ids.add(id.asString());
                }
                buffer.remove(ids);
                taken += ids.size();
            } catch (IOException | RuntimeException e) {
                return taken;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return taken;
            }
        }
        return taken;
    }

    /** The pending decisions in upload batches, each body at most {@link #MAX_UPLOAD_BYTES}. */
    static List<List<BufferedDecision>> batches(List<BufferedDecision> pending) {
        var batches = new ArrayList<List<BufferedDecision>>();
        var batch = new ArrayList<BufferedDecision>();
        for (var decision : pending) {
            batch.add(decision);
            if (batch.size() > MAX_UPLOAD_ITEMS || uploadBody(batch).length > MAX_UPLOAD_BYTES) {
                batch.removeLast();
                if (!batch.isEmpty()) {
                    batches.add(List.copyOf(batch));
                }
                batch = new ArrayList<>(List.of(decision));
            }
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }

    private static byte[] uploadBody(List<BufferedDecision> batch) {
        return DoorJson.write(Map.of("decisions", batch));
    }

    private HttpRequest.Builder request(String tail) {
        var builder = HttpRequest.newBuilder(
                        URI.create(settings.baseUri() + "/door-api/v1/doors/" + settings.doorId() + tail))
                .header(DOOR_KEY_HEADER, settings.doorKey());
        var version = heldVersion();
        if (version > 0) {
            builder.header(LIST_VERSION_HEADER, Long.toString(version));
        }
        return builder;
    }

    /** The list the door decides from offline, if it holds one. */
    public Optional<AllowList> allowList() {
        return Optional.ofNullable(held);
    }

    /** When a fetch last confirmed the held list current (this controller's clock); empty since the start. */
    public Optional<Instant> listConfirmedAt() {
        return Optional.ofNullable(listConfirmedAt);
    }

    /** Offline decisions waiting for upload. */
    public int buffered() {
        return buffer.size();
    }

    /** Offline decisions not kept because the buffer was full. */
    public long dropped() {
        return buffer.dropped();
    }

    /** Lists refused because their signature did not verify. */
    public long refusedLists() {
        return refusedLists.get();
    }

    private long heldVersion() {
        var list = held;
        return list == null ? 0 : list.version();
    }

    private java.nio.file.Path listFile() {
        return settings.dataDirectory().resolve("allow-list.json");
    }

    @Override
    public void close() {
        http.close();
        background.close();
    }
}
