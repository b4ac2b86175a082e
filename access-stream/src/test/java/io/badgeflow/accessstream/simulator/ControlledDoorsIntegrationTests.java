package io.badgeflow.accessstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.accessstream.decision.BackOffice;
import io.badgeflow.model.door.DecisionReason;
import io.badgeflow.model.door.Direction;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The simulator's doors as controllers: they fetch their keys and lists, decide through the API, report versions. */
class ControlledDoorsIntegrationTests extends RunningApplication {

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Test
    void decidesThroughTheApiAndKeepsEachDoorsListCurrent() {
        var site = new BackOffice(enhanced, aws).site("OFF", 0);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        try (var doors = new ControlledDoors(
                http,
                URI.create("http://127.0.0.1:" + port),
                site.buildingId(),
                List.of(site.doorA(), site.doorB()),
                List.of(site.keyA().reveal(), site.keyB().reveal()))) {
            var row = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> dynamoDb.getItem(r -> r.tableName(aws.output("DoorsTableName"))
                                            .consistentRead(true)
                                            .key(Map.of("doorId", AttributeValue.fromS(site.doorB()))))
                                    .item(),
                            item -> item.containsKey("allowListConfirmedAt"));
            var entered = doors.swipe(0, site.cardNumber(), Direction.IN);

            assertThat(entered.reason()).isEqualTo(DecisionReason.GRANTED);
            assertThat(Long.parseLong(row.get("allowListVersion").n())).isPositive();
        }
    }
}
