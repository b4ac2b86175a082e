package io.badgeflow.accessstream.kinesis;

import io.badgeflow.accessstream.AccessStreamStack;
import io.badgeflow.accessstream.swipe.StreamUnavailableException;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.door.DoorEventStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Puts door events on the swipe stream, keyed by the event's partition key so one person's passages stay in
 * order. {@link #publish} returns only once Kinesis holds the record. Requests that arrive together share one
 * PutRecords call: a few sender threads each take whatever is waiting (up to Kinesis's 500 per call), so a lone
 * request goes at once and a burst costs a handful of calls instead of one each. Records Kinesis refuses in a
 * call (throttling) are sent again; anything longer than the wait becomes a 503 and the device retries.
 */
@Component
class KinesisDoorEventStream implements DoorEventStream, DisposableBean {

    private static final int MAX_PER_CALL = 500;
    private static final int SENDERS = 4;
    private static final int ATTEMPTS = 3;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final KinesisClient kinesis;
    private final String streamName;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean open = true;

    KinesisDoorEventStream(KinesisClient kinesis, AccessStreamStack stack) {
        this.kinesis = kinesis;
        this.streamName = stack.swipeStreamName();
        for (var i = 0; i < SENDERS; i++) {
            senders.add(Thread.ofPlatform().daemon().name("stream-put-" + i).start(this::send));
        }
    }

    @Override
    public void publish(DoorEvent event) {
        var pending = new Pending(
                PutRecordsRequestEntry.builder()
                        .partitionKey(event.partitionKey())
                        .data(SdkBytes.fromByteArray(MessageJson.write(event)))
                        .build(),
                new CompletableFuture<>());
        waiting.add(pending);
        try {
            pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StreamUnavailableException(
                    "PutRecords to " + streamName + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StreamUnavailableException("PutRecords to " + streamName + " took longer than " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamUnavailableException("interrupted while putting on " + streamName, e);
        }
    }

    private void send() {
        var batch = new ArrayList<Pending>(MAX_PER_CALL);
        while (open) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MAX_PER_CALL - 1);
            put(batch);
            batch.clear();
        }
    }

    private void put(List<Pending> batch) {
        var left = batch;
        for (var attempt = 1; attempt <= ATTEMPTS && !left.isEmpty(); attempt++) {
            var entries = left.stream().map(Pending::entry).toList();
            try {
                var results = kinesis.putRecords(r -> r.streamName(streamName).records(entries))
                        .records();
                var refused = new ArrayList<Pending>();
                for (var i = 0; i < left.size(); i++) {
                    if (results.get(i).errorCode() == null) {
                        left.get(i).done().complete(null);
                    } else {
                        refused.add(left.get(i));
                    }
                }
                left = refused;
            } catch (SdkException e) {
                left.forEach(pending -> pending.done().completeExceptionally(e));
                return;
            }
        }
        var gaveUp = new StreamUnavailableException("Kinesis refused the record " + ATTEMPTS + " times", null);
        left.forEach(pending -> pending.done().completeExceptionally(gaveUp));
    }

    @Override
    public void destroy() {
        open = false;
        senders.forEach(Thread::interrupt);
    }

    private record Pending(PutRecordsRequestEntry entry, CompletableFuture<Void> done) {}
}
