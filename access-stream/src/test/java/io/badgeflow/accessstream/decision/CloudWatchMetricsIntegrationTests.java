package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badgeflow.accessstream.RunningApplication;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.model.command.RevokeCard;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own metrics reach the local CloudWatch through Micrometer's CloudWatch registry (the {@code local}
 * profile: namespace badgeflow-local, a 5 s step), and the monitoring stack's alarms on them notify the alarms topic:
 * a queue subscribed to it receives the alarm. Decisions made through the door API and a revocation timed to its
 * first use at the door show in GetMetricData; a record parked by the stream consumer turns the parked-records alarm
 * to ALARM.
 */
class CloudWatchMetricsIntegrationTests extends RunningApplication {

    private static final String NAMESPACE = "badgeflow-local";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Autowired
    KinesisClient kinesis;

    @Autowired
    CloudWatchAsyncClient cloudWatch;

    // The process's cumulative registry: a count read through the composite may come from the CloudWatch step
    // registry (the composite answers from any one of its registries), which starts again at each step.
    @Autowired
    SimpleMeterRegistry meters;

    @Autowired
    MetricsEndpoint actuatorMetrics;

    private SqsClient sqs;
    private SnsClient sns;
    private String queueUrl;
    private String subscriptionArn;

    @BeforeEach
    void subscribeAQueueToTheAlarmsTopic() {
        sqs = SqsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        sns = SnsClient.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
        queueUrl = sqs.createQueue(r -> r.queueName("alarms-it-" + UUID.randomUUID()))
                .queueUrl();
        var queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        subscriptionArn = sns.subscribe(r ->
                        r.topicArn(aws.output("AlarmsTopicArn")).protocol("sqs").endpoint(queueArn))
                .subscriptionArn();
    }

    @AfterEach
    void unsubscribe() {
        sns.unsubscribe(r -> r.subscriptionArn(subscriptionArn));
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        sns.close();
        sqs.close();
    }

    @Test
    void decisionsAndATimeToRevokeReachCloudWatch() {
        var backOffice = new BackOffice(enhanced, aws);
        var site = backOffice.site(null, 0);
        assertThat(decide(site, "IN").get("reason").asString()).isEqualTo("GRANTED");
        decide(site, "OUT");
        backOffice.apply(new RevokeCard(BackOffice.id(), "it", Instant.now(), site.cardId()));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> decide(site, "IN"),
                        json -> "CARD_NOT_ACTIVE".equals(json.get("reason").asString()));

        // A decision may read the revoked card from the store before the command feed names it; the watch times
        // the first decision after the feed did (RevocationWatch), so swipe until that one.
        await("the revocation timed to its first use after the feed named it")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            decide(site, "IN");
                            return meters.get("badgeflow.revocation.time")
                                    .timer()
                                    .count();
                        },
                        count -> count > 0);
        await("time-to-revoke in CloudWatch")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> sum("badgeflow.revocation.time.count", List.of()), total -> total >= 1);
        await("denials by reason in CloudWatch")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> sum(
                                "badgeflow.decisions.count",
                                List.of(dimension("outcome", "DENIED"), dimension("reason", "CARD_NOT_ACTIVE"))),
                        total -> total >= 1);
        // Steps have been sent by now, so the step registry's count is a step's worth: the actuator (what bin/bench
        // and operators read) counts every decision since start, as the cumulative registry does.
        var decided = meters.find("badgeflow.decisions").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
        assertThat(decided).isGreaterThanOrEqualTo(4);
        assertThat(actuatorMetrics.metric("badgeflow.decisions", null).getMeasurements())
                .filteredOn(sample -> sample.getStatistic() == Statistic.COUNT)
                .singleElement()
                .extracting(sample -> sample.getValue())
                .isEqualTo(decided);
        var names = cloudWatch.listMetrics(r -> r.namespace(NAMESPACE)).join().metrics().stream()
                .map(metric -> metric.metricName())
                .toList();
        // The names the monitoring stack's alarms and dashboard use (monitoring.yaml).
        assertThat(names)
                .contains(
                        "badgeflow.decisions.latency.percentile.value",
                        "badgeflow.revocation.time.percentile.value",
                        "badgeflow.commands.apply.latency.percentile.value",
                        "badgeflow.stream.behind.latest.value")
                .noneMatch(name -> name.startsWith("jvm.") || name.startsWith("http."));
    }

    @Test
    void aParkedRecordReachesCloudWatchAndItsAlarmNotifiesTheSubscribedQueue() {
        var alarm = "badgeflow-local-parked-records";
        // From a known state: an earlier park (another test) may have left the alarm in ALARM already.
        cloudWatch
                .setAlarmState(r -> r.alarmName(alarm).stateValue(StateValue.OK).stateReason("test start"))
                .join();
        kinesis.putRecord(r -> r.streamName(aws.output("SwipeStreamName"))
                .partitionKey("card:CARD-METRICS-" + UUID.randomUUID())
                .data(SdkBytes.fromString("{ not a door event", StandardCharsets.UTF_8)));

        await("parked records in CloudWatch")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> sum("badgeflow.stream.records.parked.count", List.of()), total -> total >= 1);
        var notification = await("the alarm in the subscribed queue")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alarmMessages(alarm), found -> !found.isEmpty())
                .getFirst();
        assertThat(notification.get("NewStateValue").asString()).isEqualTo("ALARM");
        assertThat(notification.get("Trigger").get("MetricName").asString())
                .isEqualTo("badgeflow.stream.records.parked.count");
        assertThat(notification.get("Trigger").get("Namespace").asString()).isEqualTo(NAMESPACE);
        assertThat(cloudWatch
                        .describeAlarms(r -> r.alarmNames(alarm))
                        .join()
                        .metricAlarms()
                        .getFirst()
                        .stateValue())
                .isEqualTo(StateValue.ALARM);
    }

    /** The alarm notifications for {@code alarm} in the queue (SNS envelopes around CloudWatch's alarm JSON). */
    private List<JsonNode> alarmMessages(String alarm) {
        return sqs
                .receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()
                .stream()
                .map(Message::body)
                .map(body -> JSON.readTree(JSON.readTree(body).get("Message").asString()))
                .filter(alarmJson -> alarm.equals(alarmJson.get("AlarmName").asString()))
                .filter(alarmJson ->
                        "ALARM".equals(alarmJson.get("NewStateValue").asString()))
                .toList();
    }

    /** The sum of a metric's data points over the last ten minutes, as GetMetricData answers it. */
    private double sum(String metricName, List<Dimension> dimensions) {
        var now = Instant.now();
        var result = cloudWatch
                .getMetricData(r -> r.startTime(now.minus(Duration.ofMinutes(10)))
                        .endTime(now.plus(Duration.ofMinutes(1)))
                        .metricDataQueries(MetricDataQuery.builder()
                                .id("m")
                                .metricStat(stat -> stat.metric(metric -> metric.namespace(NAMESPACE)
                                                .metricName(metricName)
                                                .dimensions(dimensions))
                                        .period(60)
                                        .stat("Sum"))
                                .build()))
                .join();
        return result.metricDataResults().stream()
                .flatMap(series -> series.values().stream())
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private JsonNode decide(BackOffice.Site site, String direction) {
        var body = Map.of(
                "eventId", BackOffice.id(),
                "cardNumber", site.cardNumber(),
                "direction", direction,
                "occurredAt", Instant.now().toString());
        var answer = RestClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/door-api/v1/doors/{doorId}/decisions", site.doorA())
                .header(DecisionController.DOOR_KEY_HEADER, site.keyA().reveal())
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body))
                .retrieve()
                .body(String.class);
        return JSON.readTree(answer);
    }
}
