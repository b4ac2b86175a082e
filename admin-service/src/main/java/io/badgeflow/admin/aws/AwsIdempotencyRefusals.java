package io.badgeflow.admin.aws;

import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.idempotency.IdempotencyRefusal;
import io.badgeflow.admin.idempotency.IdempotencyRefusals;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refused {@code Idempotency-Key} reuses: stored in the idempotency table ({@link IdempotencyRefusalItem}) and
 * published to the alarms topic as an {@code IDEMPOTENCY_KEY_REUSED} alarm (docs/back-office-api.md), with
 * {@code alarmId} and {@code alarmType} as message attributes like the door alarms, so subscribers filter the same
 * way.
 */
@Component
class AwsIdempotencyRefusals implements IdempotencyRefusals {

    static final String ALARM_TYPE = "IDEMPOTENCY_KEY_REUSED";

    private final DynamoDbTable<IdempotencyRefusalItem> table;
    private final SnsClient sns;
    private final String topicArn;

    AwsIdempotencyRefusals(DynamoDbEnhancedClient dynamoDb, SnsClient sns, AdminServiceStack stack) {
        this.table = dynamoDb.table(stack.idempotencyTableName(), IdempotencyRefusalItem.SCHEMA);
        this.sns = sns;
        this.topicArn = stack.alarmsTopicArn();
    }

    @Override
    public void record(IdempotencyRefusal refusal) {
        table.putItem(IdempotencyRefusalItem.of(refusal));
    }

    @Override
    public void alarm(IdempotencyRefusal refusal) {
        var alarm = new LinkedHashMap<String, Object>();
        alarm.put("alarmId", refusal.refusalId());
        alarm.put("type", ALARM_TYPE);
        alarm.put("source", "admin-service");
        alarm.put("actor", refusal.actor());
        alarm.put("commandId", refusal.commandId());
        alarm.put("heldRequest", refusal.heldRequest());
        alarm.put("refusedRequest", refusal.refusedRequest());
        alarm.put("raisedAt", refusal.refusedAt().toString());
        sns.publish(r -> r.topicArn(topicArn)
                .message(JsonMapper.shared().writeValueAsString(alarm))
                .subject("badgeflow alarm " + ALARM_TYPE)
                .messageAttributes(Map.of(
                        "alarmId", text(refusal.refusalId()),
                        "alarmType", text(ALARM_TYPE))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
