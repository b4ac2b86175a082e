package io.badgeflow.aws.dynamodb;

import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.model.access.DecisionLog;
import io.badgeflow.model.door.DoorEvent;
import io.badgeflow.model.presence.Presence;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Commits decisions with one DynamoDB write each: a passage as its presence item (conditional on the version
 * read) with the event in {@code decisionEvent}, anything else as a row of the door decisions table. Both tables
 * stream their changes to the swipe stream (Kinesis Data Streams for DynamoDB; locally the emulator's streaming
 * destination), so the event is on the stream once the write succeeds, with no second call on the answer path.
 */
public final class DynamoDbDecisionLog implements DecisionLog {

    private static final TableSchema<PresenceItem> PRESENCE = TableSchema.fromBean(PresenceItem.class);
    private static final TableSchema<DoorDecisionItem> DECISIONS = TableSchema.fromBean(DoorDecisionItem.class);
    /** The swipe stream's retention outside prod: after it a row has served its purpose. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final DynamoDbTable<PresenceItem> presence;
    private final DynamoDbTable<DoorDecisionItem> decisions;
    private final Clock clock;

    public DynamoDbDecisionLog(
            DynamoDbEnhancedClient client, String presenceTableName, String decisionsTableName, Clock clock) {
        this.presence = client.table(presenceTableName, PRESENCE);
        this.decisions = client.table(decisionsTableName, DECISIONS);
        this.clock = clock;
    }

    @Override
    public boolean commitPassage(Presence read, Presence next, DoorEvent decided) {
        if (!decided.eventId().equals(next.lastEventId())) {
            throw new IllegalArgumentException("the event carried is the passage " + next.lastEventId() + " records");
        }
        var item = PresenceItem.from(next);
        item.setDecisionEvent(json(decided));
        return DynamoDbPresenceLedger.putIfStillAt(presence, read, next, item);
    }

    @Override
    public void record(DoorEvent decided) {
        decisions.putItem(DoorDecisionItem.of(
                decided.eventId(), json(decided), clock.instant().plus(KEPT)));
    }

    private static String json(DoorEvent event) {
        return new String(MessageJson.write(event), StandardCharsets.UTF_8);
    }
}
