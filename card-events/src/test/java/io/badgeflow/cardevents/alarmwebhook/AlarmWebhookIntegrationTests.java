package io.badgeflow.cardevents.alarmwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.aws.delivery.DeliveryFailureKey;
import io.badgeflow.aws.dynamodb.DynamoDbDeliveryFailures;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.aws.webhook.DynamoDbWebhookSubscriptions;
import io.badgeflow.aws.webhook.KmsWebhookSecretCipher;
import io.badgeflow.model.webhook.WebhookSecrets;
import io.badgeflow.model.webhook.WebhookSignature;
import io.badgeflow.model.webhook.WebhookSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The signed webhook pipeline as deployed on the emulator: an alarm published to the alarms topic reaches the
 * fan-out function through its queue, one delivery per subscription goes to the delivery function, which POSTs it
 * to a receiver on the loopback (the local stage's allowance). A receiver that keeps failing gets its attempts
 * with backoff, then the delivery rests in the webhooks DLQ with the receiver's answer as its recorded reason; once
 * redriven it is delivered with the same delivery id. Nothing here is mocked: the stack's own Lambdas run.
 */
@ExtendWith(LocalAws.class)
class AlarmWebhookIntegrationTests {

    private static AwsEnvironment aws;
    private static WebhookReceiver receiver;
    private static DynamoDbWebhookSubscriptions subscriptions;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static KmsClient kms;
    private static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void start(AwsEnvironment environment) {
        aws = environment;
        receiver = new WebhookReceiver();
        var dynamoDb = AwsClients.dynamoDb(aws);
        kms = KmsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        subscriptions = new DynamoDbWebhookSubscriptions(
                AwsClients.enhanced(dynamoDb),
                aws.output("WebhooksTableName"),
                new KmsWebhookSecretCipher(kms, aws.output("KeyArn")));
        sns = SnsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
    }

    @AfterAll
    static void stop() {
        created.forEach(subscriptions::remove);
        receiver.close();
        sns.close();
        sqs.close();
        kms.close();
    }

    private static String subscribe(String path, String secret) {
        var id = "webhook-" + UUID.randomUUID();
        subscriptions.create(new WebhookSubscription(id, receiver.url(path), "test", Instant.now(), null), secret);
        created.add(id);
        return id;
    }

    private static String publishAlarm() {
        var alarmId = UUID.randomUUID().toString();
        var body = "{\"alarmId\":\"" + alarmId + "\",\"type\":\"DOOR_FORCED\",\"doorId\":\"door-7\"}";
        sns.publish(r -> r.topicArn(aws.output("AlarmsTopicArn"))
                .message(body)
                .messageAttributes(Map.of(
                        "alarmId",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(alarmId)
                                .build())));
        return alarmId;
    }

    @Test
    void anAlarmReachesASubscribedWebhookSignedWithItsSecret() {
        var secret = WebhookSecrets.generate();
        subscribe("/ok", secret);

        var alarmId = publishAlarm();

        var delivered = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> receiver.at("/ok").stream()
                                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(alarmId))
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
        assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).contains("\"type\":\"DOOR_FORCED\"");
        assertThat(WebhookSignature.verify(
                        delivered.signature(),
                        delivered.body(),
                        secret,
                        Instant.now(),
                        WebhookSignature.DEFAULT_TOLERANCE))
                .as("signature %s verifies with the subscription's secret", delivered.signature())
                .isTrue();
        assertThat(WebhookSignature.verify(
                        delivered.signature(),
                        delivered.body(),
                        WebhookSecrets.generate(),
                        Instant.now(),
                        WebhookSignature.DEFAULT_TOLERANCE))
                .isFalse();
        assertThat(delivered.deliveryId()).isNotBlank();
        assertThat(delivered.attempt()).isEqualTo("1");
    }

    @Test
    void aFailingReceiverIsRetriedThenDeadLetteredWithTheReasonAndARedriveDelivers() {
        var secret = WebhookSecrets.generate();
        var subscriptionId = subscribe("/fail", secret);

        var alarmId = publishAlarm();

        var dlqUrl = aws.output("AlarmWebhooksDlqUrl");
        var dead = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> sqs
                                .receiveMessage(r -> r.queueUrl(dlqUrl)
                                        .maxNumberOfMessages(10)
                                        .visibilityTimeout(5)
                                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                                .messages()
                                .stream()
                                .filter(m -> m.body().contains(subscriptionId)
                                        && m.body().contains(alarmId))
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
        var attempts = receiver.at("/fail").stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(alarmId))
                .toList();
        // the queue's maxReceiveCount on the local stage: four attempts, each after a longer wait
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(WebhookReceiver.Received::attempt).containsExactly("1", "2", "3", "4");
        assertThat(attempts)
                .extracting(WebhookReceiver.Received::deliveryId)
                .containsOnly(attempts.getFirst().deliveryId());
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                .isGreaterThan(
                        Duration.between(attempts.get(0).at(), attempts.get(1).at())
                                .minusMillis(500));

        var failures = new DynamoDbDeliveryFailures(
                AwsClients.enhanced(AwsClients.dynamoDb(aws)),
                aws.output("DeliveryFailuresTableName"),
                DynamoDbDeliveryFailures.DEFAULT_RETENTION,
                Clock.systemUTC());
        var reason = failures.find(DeliveryFailureKey.queueName(aws.output("AlarmWebhooksQueueUrl")), dead.body());
        assertThat(reason)
                .hasValueSatisfying(failure -> assertThat(failure.reason()).contains("HTTP 500"));

        // Redrive, as the dead-letters page does: the same body back on the source queue, then off the DLQ.
        receiver.recover();
        sqs.sendMessage(r -> r.queueUrl(aws.output("AlarmWebhooksQueueUrl")).messageBody(dead.body()));
        sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(dead.receiptHandle()));

        var redelivered = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> receiver.at("/fail").stream()
                                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(alarmId))
                                .toList(),
                        list -> list.size() == 5)
                .getLast();
        assertThat(redelivered.deliveryId()).isEqualTo(attempts.getFirst().deliveryId());
        assertThat(WebhookSignature.verify(
                        redelivered.signature(),
                        redelivered.body(),
                        secret,
                        Instant.now(),
                        WebhookSignature.DEFAULT_TOLERANCE))
                .isTrue();
    }
}
