package io.badgeflow.infra;

import static io.badgeflow.infra.CloudFormationTemplates.importedName;
import static io.badgeflow.infra.CloudFormationTemplates.list;
import static io.badgeflow.infra.CloudFormationTemplates.map;
import static io.badgeflow.infra.CloudFormationTemplates.named;
import static io.badgeflow.infra.CloudFormationTemplates.subText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The monitoring stack: every alarm notifies the alarms topic; the alarms on the services' own metrics watch the
 * namespace and the metric names the services publish (Micrometer's CloudWatch registry: CloudWatchMetricsIntegration
 * Tests asserts those names in the local CloudWatch); the dashboard deploys in every stage and shows every alarm
 * deployed with it; what is left out locally says why.
 */
class MonitoringTemplateTests {

    /** What access-stream publishes that the alarms and the dashboard read (names as the registry writes them). */
    private static final Set<String> SERVICE_METRICS = Set.of(
            "badgeflow.decisions.latency.percentile.value",
            "badgeflow.revocation.time.percentile.value",
            "badgeflow.commands.apply.latency.percentile.value",
            "badgeflow.stream.records.parked.count",
            "badgeflow.decisions.shed.count",
            "badgeflow.stream.behind.latest.value",
            "badgeflow.decisions.count");

    @Test
    void everyAlarmNotifiesTheAlarmsTopic() {
        var alarms =
                named("monitoring").resourcesOfType("AWS::CloudWatch::Alarm").toList();
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(20);
        assertThat(alarms)
                .allSatisfy(alarm -> assertThat(list(alarm.property("AlarmActions")))
                        .as("%s AlarmActions", alarm)
                        .extracting(action -> importedName(action))
                        .containsExactly("badgeflow-${Stage}-AlarmsTopicArn"));
    }

    @Test
    void theServiceMetricAlarmsWatchWhatTheServicesPublishInTheStagesNamespace() {
        var onServiceMetrics = named("monitoring")
                .resourcesOfType("AWS::CloudWatch::Alarm")
                .filter(alarm -> alarm.property("Namespace") != null
                        && subText(alarm.property("Namespace")).equals("badgeflow-${Stage}"))
                .toList();
        assertThat(onServiceMetrics)
                .extracting(alarm -> alarm.logicalId())
                .containsExactlyInAnyOrder(
                        "DecisionLatencyAlarm",
                        "TimeToRevokeAlarm",
                        "ParkedRecordsAlarm",
                        "ShedRequestsAlarm",
                        "ConsumerLagAlarm");
        assertThat(onServiceMetrics)
                .allSatisfy(alarm -> assertThat(SERVICE_METRICS).contains((String) alarm.property("MetricName")));
        // The services publish to the namespace compute.yaml gives them, and may publish there (least privilege).
        var compute = named("compute");
        var environment = compute.resourcesOfType("AWS::ECS::TaskDefinition")
                .flatMap(task -> list(task.property("ContainerDefinitions")).stream())
                .flatMap(container -> list(map(container).get("Environment")).stream())
                .map(CloudFormationTemplates::map)
                .filter(variable -> "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE".equals(variable.get("Name")))
                .map(variable -> subText(variable.get("Value")))
                .toList();
        assertThat(environment).containsExactly("badgeflow-${Stage}", "badgeflow-${Stage}");
    }

    @Test
    void theDashboardDeploysEverywhereAndShowsEveryAlarmDeployedWithIt() {
        var monitoring = named("monitoring");
        var dashboard = monitoring
                .resourcesOfType("AWS::CloudWatch::Dashboard")
                .findFirst()
                .orElseThrow();
        assertThat(dashboard.condition()).isNull();
        var body = (String)
                list(map(dashboard.property("DashboardBody")).get("Fn::Sub")).getFirst();
        var shown = Pattern.compile("\\$\\{(\\w+)\\.Arn}")
                .matcher(body)
                .results()
                .map(match -> match.group(1))
                .toList();
        var deployedEverywhere = monitoring
                .resourcesOfType("AWS::CloudWatch::Alarm")
                .filter(alarm -> alarm.condition() == null)
                .map(alarm -> alarm.logicalId())
                .toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(deployedEverywhere);
        for (var metric : List.of(
                "badgeflow.decisions.latency.percentile.value",
                "badgeflow.decisions.count",
                "badgeflow.stream.behind.latest.value")) {
            assertThat(body).contains(metric);
        }
    }

    @Test
    void whatIsLeftOutLocallySaysWhy() throws Exception {
        var lines = Files.readAllLines(CloudFormationTemplates.TEMPLATES_DIR.resolve("monitoring.yaml"));
        var conditioned = named("monitoring")
                .allResources()
                .filter(resource -> resource.condition() != null)
                .toList();
        assertThat(conditioned).extracting(resource -> resource.logicalId()).containsExactly("DynamoDbThrottlesAlarm");
        for (var resource : conditioned) {
            var at = lines.indexOf("  " + resource.logicalId() + ":");
            assertThat(lines.get(at - 2))
                    .as("the reason %s is not deployed locally", resource)
                    .startsWith("  # Not local: ");
        }
    }
}
