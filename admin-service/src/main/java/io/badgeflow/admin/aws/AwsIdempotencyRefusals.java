package io.badgeflow.admin.aws;

import io.awspring.cloud.sns.core.SnsHeaders;
import io.awspring.cloud.sns.core.SnsTemplate;
import io.badgeflow.admin.AdminServiceStack;
import io.badgeflow.admin.idempotency.IdempotencyRefusal;
import io.badgeflow.admin.idempotency.IdempotencyRefusals;
import java.util.LinkedHashMap;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
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
    private final SnsTemplate sns;
    private final String topicArn;

    AwsIdempotencyRefusals(DynamoDbEnhancedClient dynamoDb, SnsTemplate sns, AdminServiceStack stack) {
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
        // A ready Message, as access-stream's door alarms: the body stays this JSON, not re-encoded by a converter.
        var message = MessageBuilder.withPayload(JsonMapper.shared().writeValueAsString(alarm))
                .setHeader(SnsHeaders.NOTIFICATION_SUBJECT_HEADER, "badgeflow alarm " + ALARM_TYPE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader("alarmId", refusal.refusalId())
                .setHeader("alarmType", ALARM_TYPE)
                .build();
        sns.send(topicArn, message);
    }
}
