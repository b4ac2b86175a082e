package io.badgeflow.infra;

import static io.badgeflow.infra.CloudFormationTemplates.all;
import static io.badgeflow.infra.CloudFormationTemplates.deployOrder;
import static io.badgeflow.infra.CloudFormationTemplates.importedName;
import static io.badgeflow.infra.CloudFormationTemplates.list;
import static io.badgeflow.infra.CloudFormationTemplates.map;
import static io.badgeflow.infra.CloudFormationTemplates.mapsWithKey;
import static io.badgeflow.infra.CloudFormationTemplates.named;
import static io.badgeflow.infra.CloudFormationTemplates.possibleValues;
import static io.badgeflow.infra.CloudFormationTemplates.resourcesOfType;
import static io.badgeflow.infra.CloudFormationTemplates.subText;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.infra.CloudFormationTemplates.Template;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How the stack templates fit together: the Stage parameter and its conditions, exports named after the stage
 * and imported only from stacks deployed earlier, compute deployed locally but for containers and VPC, TTL, tags, and lint
 * suppressions that carry their reasons.
 */
class TemplateWiringTests {

    private static final Set<String> TAGGED_WITH_A_LIST = Set.of(
            "AWS::S3::Bucket",
            "AWS::DynamoDB::Table",
            "AWS::SQS::Queue",
            "AWS::SNS::Topic",
            "AWS::Kinesis::Stream",
            "AWS::KMS::Key",
            "AWS::Logs::LogGroup",
            "AWS::IAM::Role",
            "AWS::Lambda::Function",
            "AWS::ECS::Cluster",
            "AWS::ECS::TaskDefinition",
            "AWS::ECS::Service",
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::EC2::SecurityGroup",
            "AWS::ECR::Repository");

    @Test
    void everyTemplateTakesTheStageWithItsConditions() {
        assertThat(all()).extracting(Template::name).containsAll(deployOrder());
        for (var template : all()) {
            var stage = map(template.parameters().get("Stage"));
            assertThat(stage.get("Type")).as("%s Stage", template).isEqualTo("String");
            assertThat(list(stage.get("AllowedValues")))
                    .as("%s Stage", template)
                    .containsExactly("local", "dev", "prod");
            assertThat(template.conditions().get("IsLocal"))
                    .as("%s IsLocal", template)
                    .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "local")));
            assertThat(template.conditions().get("IsProd"))
                    .as("%s IsProd", template)
                    .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod")));
        }
    }

    @Test
    void everyExportIsNamedAfterTheStageAndItsOutputKey() {
        for (var template : all()) {
            template.outputs().forEach((key, output) -> {
                var export = map(map(output).get("Export"));
                if (!export.isEmpty()) {
                    assertThat(subText(export.get("Name")))
                            .as("%s output %s", template, key)
                            .isEqualTo("badgeflow-${Stage}-" + key);
                }
            });
        }
    }

    @Test
    void everyImportRefersToAnExportOfAStackDeployedEarlier() {
        var exporter = new HashMap<String, String>();
        for (var template : all()) {
            template.outputs().forEach((key, output) -> {
                if (map(output).containsKey("Export")) {
                    var previous = exporter.put("badgeflow-${Stage}-" + key, template.name());
                    assertThat(previous).as("export %s declared twice", key).isNull();
                }
            });
        }
        var order = deployOrder();
        for (var template : all()) {
            var imports = mapsWithKey(template.body(), "Fn::ImportValue");
            for (var importValue : imports) {
                var name = importedName(importValue);
                assertThat(exporter).as("%s imports %s", template, name).containsKey(name);
                assertThat(order.indexOf(exporter.get(name)))
                        .as("%s imports %s from %s", template, name, exporter.get(name))
                        .isLessThan(order.indexOf(template.name()));
            }
        }
    }

    @Test
    void theOnlyCrossStackReferencesAreImports() {
        for (var template : all()) {
            var ownNames = template.resources().keySet();
            for (var ref : mapsWithKey(template.body(), "Ref")) {
                var target = (String) ref.get("Ref");
                assertThat(target.startsWith("AWS::")
                                || ownNames.contains(target)
                                || template.parameters().containsKey(target))
                        .as("%s !Ref %s", template, target)
                        .isTrue();
            }
        }
    }

    @Test
    void computeLeavesOutOfTheLocalStageOnlyWhatNeedsContainersOrAVpcEachWithItsReason() throws Exception {
        var compute = named("compute");
        assertThat(compute.conditions().get("IsNotLocal"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsLocal"))));
        var conditioned = compute.allResources()
                .filter(resource -> resource.condition() != null)
                .toList();
        assertThat(conditioned)
                .extracting(CloudFormationTemplates.Resource::type)
                .containsOnly(
                        "AWS::ECS::Cluster",
                        "AWS::ECS::Service",
                        "AWS::ECS::TaskDefinition",
                        "AWS::EC2::SecurityGroup",
                        "AWS::IAM::Role",
                        "AWS::Logs::LogGroup",
                        // the emulator's CloudFormation knows web ACLs, not their association
                        "AWS::WAFv2::WebACLAssociation");
        assertThat(conditioned)
                .allSatisfy(
                        resource -> assertThat(resource.condition()).isIn("IsNotLocal", "RegistersTaskDefinitions"));
        for (var type : List.of(
                "AWS::Lambda::Function",
                "AWS::Lambda::EventSourceMapping",
                "AWS::Lambda::Alias",
                "AWS::Lambda::Version",
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                "AWS::ElasticLoadBalancingV2::Listener",
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                "AWS::WAFv2::WebACL")) {
            assertThat(compute.resourcesOfType(type).toList())
                    .as(type)
                    .isNotEmpty()
                    .allSatisfy(resource -> assertThat(resource.condition())
                            .as("%s deploys locally", resource)
                            .isNull());
        }
        var lines = Files.readAllLines(CloudFormationTemplates.TEMPLATES_DIR.resolve("compute.yaml"));
        for (var resource : conditioned) {
            var at = lines.indexOf("  " + resource.logicalId() + ":");
            assertThat(lines.get(at - 1))
                    .as("the reason %s is not deployed everywhere", resource)
                    .startsWith("  # ");
        }
    }

    @Test
    void everyFunctionRunsThePackageAndReportsBatchItemFailuresFromItsQueue() {
        var compute = named("compute");
        var functions = compute.resourcesOfType("AWS::Lambda::Function").toList();
        assertThat(functions)
                .extracting(
                        function -> map(map(function.property("Environment")).get("Variables"))
                                .get("SPRING_CLOUD_FUNCTION_DEFINITION"))
                .containsExactlyInAnyOrder(
                        "applyCommand",
                        "importEmployees",
                        "promoteRelease",
                        "fanOutAlarms",
                        "deliverAlarmWebhook",
                        "eraseExpiredPeople");
        for (var function : functions) {
            assertThat(function.property("Runtime"))
                    .as("%s runtime", function)
                    .isEqualTo(Map.of("Fn::If", List.of("IsLocal", "provided.al2023", "java21")));
            assertThat(function.property("Handler"))
                    .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
            assertThat(map(function.property("Code")))
                    .isEqualTo(Map.of(
                            "S3Bucket",
                            Map.of("Ref", "ArtifactBucket"),
                            "S3Key",
                            Map.of("Ref", "CardEventsPackageKey")));
            var invoked = compute.resourcesOfType("AWS::Lambda::Alias")
                    .filter(alias -> Map.of("Ref", function.logicalId()).equals(alias.property("FunctionName")))
                    .map(alias -> Map.of("Ref", alias.logicalId()))
                    .findFirst()
                    .orElse(Map.of("Ref", function.logicalId()));
            if (function.logicalId().equals("EraseExpiredPeopleFunction")) {
                // no queue: a schedule invokes the live alias, and only that schedule may
                var rules = compute.resourcesOfType("AWS::Events::Rule")
                        .filter(rule -> list(rule.property("Targets")).stream()
                                .anyMatch(target -> invoked.equals(map(target).get("Arn"))))
                        .toList();
                assertThat(rules).as("schedule of %s", function).hasSize(1);
                assertThat(rules.get(0).property("ScheduleExpression")).isNotNull();
                assertThat(compute.resourcesOfType("AWS::Lambda::Permission")
                                .filter(permission -> invoked.equals(permission.property("FunctionName")))
                                .map(permission -> permission.property("SourceArn"))
                                .toList())
                        .containsExactly(
                                Map.of("Fn::GetAtt", List.of(rules.get(0).logicalId(), "Arn")));
                continue;
            }
            var mappings = compute.resourcesOfType("AWS::Lambda::EventSourceMapping")
                    .filter(mapping -> invoked.equals(mapping.property("FunctionName")))
                    .toList();
            assertThat(mappings).as("event source of %s", function).hasSize(1);
            var mapping = mappings.get(0);
            assertThat(list(mapping.property("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
            assertThat(mapping.property("BatchSize"))
                    .as("batch size of %s", function)
                    .isEqualTo(
                            function.logicalId().startsWith("ApplyCommand")
                                            || function.logicalId().startsWith("FanOutAlarms")
                                    ? 10
                                    : 1);
            var queueExport = importedName(mapping.property("EventSourceArn"));
            var queueName =
                    queueExport.substring("badgeflow-${Stage}-".length(), queueExport.length() - "QueueArn".length());
            var queue = map(named("messaging").resources().get(queueName + "Queue"));
            var visibility = (Integer) map(queue.get("Properties")).get("VisibilityTimeout");
            assertThat(visibility)
                    .as("visibility timeout of the queue of %s", function)
                    .isGreaterThanOrEqualTo(6 * (Integer) function.property("Timeout"));
        }
    }

    /**
     * A stack output reaches a function or a container only as {@code BADGEFLOW_STACK_<OUTPUTKEY>}, imported from
     * the export of that very output, which each service's stack type binds by its output key.
     */
    @Test
    void everyStackNameAFunctionOrContainerIsGivenImportsTheExportOfItsOwnOutputKey() {
        var compute = named("compute");
        var names = 0;
        for (var resource : compute.allResources().toList()) {
            for (var variable : environmentOf(resource).entrySet()) {
                var name = variable.getKey();
                if (name.startsWith("BADGEFLOW_STACK_")) {
                    var export = importedName(variable.getValue());
                    assertThat(export).as("%s %s", resource, name).startsWith("badgeflow-${Stage}-");
                    var outputKey = export.substring("badgeflow-${Stage}-".length());
                    assertThat(name)
                            .as("%s: the variable of %s", resource, export)
                            .isEqualTo("BADGEFLOW_STACK_" + outputKey.toUpperCase(Locale.ROOT));
                    names++;
                } else {
                    assertThat(mapsWithKey(variable.getValue(), "Fn::ImportValue"))
                            .as(
                                    "%s %s imports a stack output " + "without being a BADGEFLOW_STACK_ variable",
                                    resource, name)
                            .isEmpty();
                }
            }
        }
        assertThat(names).as("stack names given to functions and containers").isPositive();
    }

    @Test
    void theVersionedFunctionsAreInvokedThroughTheirLiveAliasAndPublishAVersionPerPackage() {
        var compute = named("compute");
        for (var function : List.of("ApplyCommand", "ImportEmployees", "FanOutAlarms", "DeliverAlarmWebhook")) {
            var version = map(compute.resources().get(function + "Version"));
            assertThat(version.get("UpdateReplacePolicy")).isEqualTo("Retain");
            assertThat(map(version.get("Properties")).get("Description"))
                    .isEqualTo(Map.of("Ref", "CardEventsPackageKey"));
            var alias = map(map(compute.resources().get(function + "LiveAlias")).get("Properties"));
            assertThat(alias.get("Name")).isEqualTo("live");
            assertThat(alias.get("FunctionVersion"))
                    .isEqualTo(Map.of("Fn::GetAtt", List.of(function + "Version", "Version")));
        }
    }

    @Test
    void theTablesTheDecisionPathWritesPutTheirChangesOnTheSwipeStream() {
        var streamed = resourcesOfType("AWS::DynamoDB::Table")
                .filter(table -> table.property("KinesisStreamSpecification") != null)
                .collect(Collectors.toMap(
                        table -> subText(table.property("TableName")),
                        table -> map(table.property("KinesisStreamSpecification"))
                                .get("StreamArn")));

        assertThat(streamed)
                .as("decision 0015: a decision is on the stream once its one write succeeds")
                .isEqualTo(Map.of(
                        "badgeflow-${Stage}-presence",
                        Map.of("Fn::ImportValue", Map.of("Fn::Sub", "badgeflow-${Stage}-SwipeStreamArn")),
                        "badgeflow-${Stage}-door-decisions",
                        Map.of("Fn::ImportValue", Map.of("Fn::Sub", "badgeflow-${Stage}-SwipeStreamArn"))));
    }

    @Test
    void shortLivedItemsExpireThroughTheirTimeToLiveAttribute() {
        var expected = Map.of(
                "badgeflow-${Stage}-commands",
                "expiresAt",
                "badgeflow-${Stage}-swipes",
                "expiresAt",
                "badgeflow-${Stage}-idempotency",
                "expiresAt",
                "badgeflow-${Stage}-delivery-failures",
                "expiresAt",
                "badgeflow-${Stage}-imports",
                "expiresAt",
                "badgeflow-${Stage}-parked-records",
                "expiresAt",
                "badgeflow-${Stage}-alarms",
                "expiresAt",
                "badgeflow-${Stage}-door-decisions",
                "expiresAt");
        var declared = new HashMap<String, String>();
        for (var table : resourcesOfType("AWS::DynamoDB::Table").toList()) {
            var ttl = map(table.property("TimeToLiveSpecification"));
            if (!ttl.isEmpty()) {
                assertThat(ttl.get("Enabled")).as("%s TTL", table).isEqualTo(true);
                var keys = list(table.property("KeySchema")).stream()
                        .map(key -> map(key).get("AttributeName"))
                        .collect(Collectors.toSet());
                assertThat(keys).as("%s TTL attribute is no key", table).doesNotContain(ttl.get("AttributeName"));
                declared.put(subText(table.property("TableName")), (String) ttl.get("AttributeName"));
            }
        }
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void backOfficeTablesCarryTheIndexesTheAdaptersQueryAndExportTheirNames() {
        // The alarms page's lists (DynamoDbAlarmBoard), newest first; Map.of takes ten pairs at most.
        Map<String, List<String>> alarmIndexes = Map.of(
                "byUnresolved",
                List.of("unresolved", "raisedAtMs"),
                "byDoor",
                List.of("doorId", "raisedAtMs"),
                "byBuilding",
                List.of("buildingId", "raisedAtMs"));
        var expected = new HashMap<String, Map<String, List<String>>>();
        expected.put("AlarmsTable", alarmIndexes);
        expected.put("WebhooksTable", Map.of());
        expected.putAll(Map.of(
                "EmployeesTable",
                Map.of(
                        "byName",
                        List.of("listKey", "sortName"),
                        "byOffboarded",
                        List.of("offboardedKey", "offboardedAt"),
                        "byAffiliation",
                        List.of("affiliationKind", "affiliationUntilKey")),
                "CardsTable",
                Map.of("byNumber", List.of("listKey", "cardNumber"), "byStatus", List.of("status", "cardNumber")),
                "BuildingsTable",
                Map.<String, List<String>>of(),
                "DoorsTable",
                Map.of("byBuilding", List.of("buildingId", "doorId"), "byKeyHash", List.of("keyHash")),
                "GrantsTable",
                Map.of("byBuilding", List.of("buildingId", "employeeId")),
                "CommandsTable",
                Map.of(
                        "byEmployee",
                        List.of("employeeId", "finishedAt"),
                        "bySubject",
                        List.of("subjectId", "finishedAt"),
                        "byDay",
                        List.of("finishedDay", "finishedAt"),
                        "bySecond",
                        List.of("finishedSecond", "finishedAt")),
                "SwipesTable",
                Map.of(
                        "byEmployee",
                        List.of("employeeId", "occurredAtEventId"),
                        "byBuilding",
                        List.of("buildingDay", "occurredAtEventId")),
                "PresenceTable",
                Map.of("insideByBuilding", List.of("insideBuildingId", "employeeId")),
                "ParkedRecordsTable",
                Map.of("byParkedAt", List.of("listKey", "parkedAt"))));
        var storage = named("storage");
        expected.forEach((table, indexes) -> {
            var properties = map(map(storage.resources().get(table)).get("Properties"));
            var defined = list(properties.get("AttributeDefinitions")).stream()
                    .map(definition -> map(definition).get("AttributeName"))
                    .collect(Collectors.toSet());
            var declared = new HashMap<String, List<Object>>();
            for (var index : list(properties.get("GlobalSecondaryIndexes"))) {
                var keys = list(map(index).get("KeySchema")).stream()
                        .map(key -> map(key).get("AttributeName"))
                        .toList();
                declared.put((String) map(index).get("IndexName"), keys);
                // the retention sweep's index needs ids only, and holds no copy of personal data
                assertThat(map(map(index).get("Projection")))
                        .as("%s %s", table, map(index).get("IndexName"))
                        .containsEntry(
                                "ProjectionType",
                                "byOffboarded".equals(map(index).get("IndexName")) ? "KEYS_ONLY" : "ALL");
                assertThat(defined)
                        .as("%s defines the keys of its indexes", table)
                        .containsAll(keys);
            }
            assertThat(declared).as("%s indexes", table).isEqualTo(indexes);
            var name = table.substring(0, table.length() - "Table".length());
            assertThat(storage.outputs()).as("%s outputs", table).containsKeys(name + "TableName", name + "TableArn");
        });
    }

    @Test
    void commandAndImportBucketsNotifyTheirTopicForTheirDocumentsOnly() {
        var storage = named("storage");
        var expected = Map.of(
                "CommandsBucket",
                List.of("badgeflow-${Stage}-CommandsTopicArn", "commands/", ".json"),
                "ImportsBucket",
                List.of("badgeflow-${Stage}-ImportsTopicArn", "imports/", ".csv"));
        expected.forEach((bucket, wanted) -> {
            var properties = map(map(storage.resources().get(bucket)).get("Properties"));
            var topics = list(map(properties.get("NotificationConfiguration")).get("TopicConfigurations"));
            assertThat(topics).as("%s notifications", bucket).hasSize(1);
            var topic = map(topics.get(0));
            assertThat(topic.get("Event")).isEqualTo("s3:ObjectCreated:*");
            assertThat(importedName(topic.get("Topic"))).isEqualTo(wanted.get(0));
            var rules = list(map(map(topic.get("Filter")).get("S3Key")).get("Rules"));
            assertThat(rules)
                    .containsExactlyInAnyOrder(
                            Map.of("Name", "prefix", "Value", wanted.get(1)),
                            Map.of("Name", "suffix", "Value", wanted.get(2)));
        });
    }

    @Test
    void theArtifactBucketAnnouncesFunctionPackagesToTheReleaseFunction() {
        var properties =
                map(map(named("artifacts").resources().get("ArtifactBucket")).get("Properties"));
        var topics = list(map(properties.get("NotificationConfiguration")).get("TopicConfigurations"));
        assertThat(topics).hasSize(1);
        var topic = map(topics.get(0));
        assertThat(importedName(topic.get("Topic"))).isEqualTo("badgeflow-${Stage}-ReleasesTopicArn");
        assertThat(list(map(map(topic.get("Filter")).get("S3Key")).get("Rules")))
                .containsExactlyInAnyOrder(
                        Map.of("Name", "prefix", "Value", "card-events/"),
                        Map.of("Name", "suffix", "Value", "-lambda.zip"));
        var mapping = map(map(named("compute").resources().get("PromoteReleaseEventSourceMapping"))
                .get("Properties"));
        assertThat(importedName(mapping.get("EventSourceArn"))).isEqualTo("badgeflow-${Stage}-ReleasesQueueArn");
    }

    @Test
    void queueSubscriptionsKeepTheSnsEnvelopeButTheAlarmFanOutTakesTheAlarmAsPublished() {
        var queues = resourcesOfType("AWS::SNS::Subscription")
                .filter(subscription -> "sqs".equals(subscription.property("Protocol")))
                .toList();
        assertThat(queues).hasSize(4);
        assertThat(queues)
                .allSatisfy(subscription -> assertThat(subscription.property("RawMessageDelivery"))
                        .as("raw delivery of %s", subscription)
                        .isEqualTo(subscription.logicalId().equals("AlarmFanoutSubscription")));
    }

    @Test
    void theAlarmsTopicReachesPeopleOnlyWhenTheirParameterIsSet() {
        var messaging = named("messaging");
        var people = resourcesOfType("AWS::SNS::Subscription")
                .filter(subscription -> !"sqs".equals(subscription.property("Protocol")))
                .toList();
        assertThat(people)
                .extracting(subscription -> subscription.property("Protocol"))
                .containsExactlyInAnyOrder("email", "sms", "https");
        for (var subscription : people) {
            var resource = map(messaging.resources().get(subscription.logicalId()));
            assertThat(resource.get("Condition")).isNotNull();
            assertThat(map(subscription.property("RedrivePolicy"))).containsKey("deadLetterTargetArn");
        }
    }

    @Test
    void everyTaggableResourceCarriesProjectAndStage() {
        var wanted = Map.of("Project", (Object) "badgeflow", "Stage", Map.of("Ref", "Stage"));
        for (var template : all()) {
            for (var resource : template.allResources().toList()) {
                if (TAGGED_WITH_A_LIST.contains(resource.type())) {
                    var tags = list(resource.property("Tags")).stream()
                            .map(tag -> map(tag))
                            .collect(Collectors.toMap(tag -> (String) tag.get("Key"), tag -> tag.get("Value")));
                    assertThat(tags).as("%s tags", resource).containsAllEntriesOf(wanted);
                }
            }
            template.resourcesOfType("AWS::Cognito::UserPool")
                    .forEach(pool -> assertThat(map(pool.property("UserPoolTags")))
                            .as("%s tags", pool)
                            .containsAllEntriesOf(wanted));
        }
    }

    @Test
    void everyLintSuppressionCarriesItsReason() {
        for (var template : all()) {
            assertSuppressionsExplained(template.toString(), template.metadata());
            template.allResources()
                    .forEach(resource -> assertSuppressionsExplained(resource.toString(), resource.metadata()));
        }
    }

    @Test
    void loadBalancerAsksEachServiceWhetherItIsReadyNotOnlyAlive() {
        var paths = named("compute")
                .resourcesOfType("AWS::ElasticLoadBalancingV2::TargetGroup")
                .collect(Collectors.toMap(group -> group.logicalId(), group -> group.property("HealthCheckPath")));

        // access-stream's actuator is on loopback only: its readiness group is /readyz on the service port.
        assertThat(paths)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "AdminServiceTargetGroup", "/actuator/health/readiness",
                        "AccessStreamTargetGroup", "/readyz"));
    }

    @Test
    void webAclLimitsEachClientAddressAndGuardsThePublicLoadBalancer() {
        var compute = named("compute");
        var acl = compute.resourcesOfType("AWS::WAFv2::WebACL").findFirst().orElseThrow();
        assertThat(acl.property("Scope")).isEqualTo("REGIONAL");
        var rules = list(acl.property("Rules")).stream()
                .map(CloudFormationTemplates::map)
                .toList();

        var rate = rules.stream()
                .map(rule -> map(map(rule.get("Statement")).get("RateBasedStatement")))
                .filter(statement -> !statement.isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rate-based rule"));
        assertThat(rate.get("AggregateKeyType")).isEqualTo("IP");
        assertThat(rate.get("Limit")).as("a parameter").isEqualTo(Map.of("Ref", "WebAclRequestsPerSource"));
        assertThat(compute.parameters()).containsKey("WebAclRequestsPerSource");
        assertThat(rules)
                .filteredOn(rule -> !map(map(rule.get("Statement")).get("RateBasedStatement"))
                        .isEmpty())
                .singleElement()
                .satisfies(rule -> assertThat(map(rule.get("Action"))).containsKey("Block"));
        assertThat(rules)
                .extracting(rule -> map(map(rule.get("Statement")).get("ManagedRuleGroupStatement"))
                        .get("Name"))
                .contains("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");

        var association = compute.resourcesOfType("AWS::WAFv2::WebACLAssociation")
                .findFirst()
                .orElseThrow();
        assertThat(association.property("ResourceArn")).isEqualTo(Map.of("Ref", "LoadBalancer"));
        assertThat(association.property("WebACLArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("WebAcl", "Arn")));
        assertThat(compute.resources().get("LoadBalancer"))
                .as("the load balancer is the public one")
                .satisfies(lb ->
                        assertThat(map(map(lb).get("Properties")).get("Scheme")).isEqualTo("internet-facing"));
    }

    @Test
    void streamIsOnDemandInProdAndKeepsAWeekThere() {
        var stream = named("stream")
                .resourcesOfType("AWS::Kinesis::Stream")
                .findFirst()
                .orElseThrow();
        assertThat(map(stream.property("StreamModeDetails")).get("StreamMode"))
                .isEqualTo(Map.of("Fn::If", List.of("IsProd", "ON_DEMAND", "PROVISIONED")));
        assertThat(possibleValues(stream.property("RetentionPeriodHours"))).containsExactly(168, 24);
    }

    @Test
    void userPoolAdmitsOnlyAdminCreatedUsersAndTheWebClientIsConfidential() {
        var identity = named("identity");
        var pool =
                identity.resourcesOfType("AWS::Cognito::UserPool").findFirst().orElseThrow();
        assertThat(map(pool.property("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);
        assertThat(identity.resourcesOfType("AWS::Cognito::UserPoolGroup").map(group -> group.property("GroupName")))
                .containsExactlyInAnyOrder("admin", "operator", "auditor");
        var client = identity.resourcesOfType("AWS::Cognito::UserPoolClient")
                .filter(resource -> resource.logicalId().equals("WebClient"))
                .findFirst()
                .orElseThrow();
        // A public client would let anyone get tokens from the pool past admin-service's MFA-for-admins rule.
        assertThat(client.property("GenerateSecret")).isEqualTo(true);
        assertThat(list(client.property("ExplicitAuthFlows")))
                .containsExactlyInAnyOrder(
                        "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH");
    }

    /**
     * SCIM provisioning gets tokens with the client-credentials grant only, confidential, for the one SCIM scope of
     * the stack's resource server, whose identifier and scope are what admin-service is told to accept.
     */
    @Test
    void theScimClientIsAConfidentialClientCredentialsClientOfTheScimScope() {
        var identity = named("identity");
        var server = identity.resourcesOfType("AWS::Cognito::UserPoolResourceServer")
                .findFirst()
                .orElseThrow();
        assertThat(server.property("Identifier")).isEqualTo(Map.of("Fn::Sub", "badgeflow-${Stage}"));
        assertThat(list(server.property("Scopes")))
                .singleElement()
                .satisfies(scope -> assertThat(map(scope)).containsEntry("ScopeName", "scim"));
        var client = identity.resourcesOfType("AWS::Cognito::UserPoolClient")
                .filter(resource -> resource.logicalId().equals("ScimClient"))
                .findFirst()
                .orElseThrow();
        assertThat(client.property("GenerateSecret")).isEqualTo(true);
        assertThat(client.property("AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
        assertThat(list(client.property("AllowedOAuthFlows"))).containsExactly("client_credentials");
        assertThat(list(client.property("AllowedOAuthScopes")))
                .containsExactly(Map.of("Fn::Sub", "badgeflow-${Stage}/scim"));
        assertThat(list(client.property("ExplicitAuthFlows"))).containsExactly("ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(map(identity.outputs().get("ScimScope")).get("Value"))
                .isEqualTo(Map.of("Fn::Sub", "badgeflow-${Stage}/scim"));
    }

    @Test
    void onlyAdminServiceReadsTheAppClientSecretOnThePoolAndNoOutputCarriesIt() {
        var readers = all().stream()
                .flatMap(Template::allResources)
                .flatMap(resource -> TemplateSecurityTests.statements(resource).stream()
                        .filter(statement ->
                                list(statement.get("Action")).contains("cognito-idp:DescribeUserPoolClient"))
                        .map(statement -> Map.entry(resource.logicalId(), statement)))
                .toList();
        assertThat(readers).hasSize(1);
        var statement = readers.get(0).getValue();
        assertThat(readers.get(0).getKey()).isEqualTo("AdminServiceTaskRole");
        assertThat(list(statement.get("Action"))).containsExactly("cognito-idp:DescribeUserPoolClient");
        assertThat(importedName(statement.get("Resource"))).isEqualTo("badgeflow-${Stage}-UserPoolArn");
        for (var template : all()) {
            assertThat(template.outputs().toString()).as("%s outputs", template).doesNotContain("ClientSecret");
        }
    }

    /**
     * Federated sign-in reaches admin-service from the identity stack's own parameters (declared alike in both, so
     * deploy --parameter gives each to both), and only when a provider is named.
     */
    @Test
    void adminServiceOffersTheFederatedProviderTheIdentityStackConfigures() {
        var identity = named("identity").parameters();
        var compute = named("compute");
        for (var parameter : List.of("IdentityProviderName", "SsoDomainPrefix", "SsoCallbackUrl")) {
            var declared = compute.parameters().get(parameter);
            assertThat(declared)
                    .as("compute.yaml's %s, declared as identity.yaml's", parameter)
                    .isEqualTo(withDescriptionOf(map(identity.get(parameter)), declared));
        }
        var conditional = compute.resourcesOfType("AWS::ECS::TaskDefinition")
                .flatMap(task -> list(task.property("ContainerDefinitions")).stream())
                .flatMap(container -> list(map(container).get("Environment")).stream())
                .map(entry -> map(entry).get("Fn::If"))
                .filter(java.util.Objects::nonNull)
                .map(CloudFormationTemplates::list)
                .filter(branches ->
                        String.valueOf(map(branches.get(1)).get("Name")).startsWith("BADGEFLOW_ADMINSERVICE_SSO_"))
                .toList();
        assertThat(conditional).hasSize(3).allSatisfy(branches -> {
            assertThat(branches.get(0)).isEqualTo("HasFederation");
            assertThat(map(branches.get(2))).containsEntry("Ref", "AWS::NoValue");
        });
    }

    /** The two declarations alike but for their description, which each template words for itself. */
    private static Map<?, ?> withDescriptionOf(Map<?, ?> declared, Object other) {
        var copy = new HashMap<Object, Object>(declared);
        copy.put("Description", map(other).get("Description"));
        return copy;
    }

    private static void assertSuppressionsExplained(String where, Map<String, Object> metadata) {
        var ignored = list(map(map(metadata.get("cfn-lint")).get("config")).get("ignore_checks"));
        var reasons = map(metadata.get("SuppressionReasons"));
        assertThat(reasons.keySet())
                .as("%s: every ignored check has a reason", where)
                .containsAll(ignored.stream().map(String::valueOf).toList());
        assertThat(reasons.keySet())
                .as("%s: no reason for a check that is not ignored", where)
                .allSatisfy(check -> assertThat(ignored).contains(check));
        assertThat(reasons.values())
                .allSatisfy(reason -> assertThat((String) reason).isNotBlank());
        // checkov reads resource Metadata checkov.skip (in either branch of an Fn::If on a stage condition, which
        // scripts/render_stage.py resolves per stage): each skipped check carries its reason as the comment
        var declared = map(metadata.get("checkov")).get("skip");
        var skips = (declared == null ? List.of() : possibleValues(declared))
                .stream().flatMap(branch -> list(branch).stream()).toList();
        for (var skip : skips) {
            assertThat(map(skip).get("id"))
                    .as("%s: checkov skip id", where)
                    .asString()
                    .startsWith("CKV");
            assertThat(map(skip).get("comment"))
                    .as("%s: reason of checkov skip %s", where, map(skip).get("id"))
                    .asString()
                    .isNotBlank();
        }
    }

    /** A function's environment variables, or those of every container of a task definition, by name. */
    private static Map<String, Object> environmentOf(CloudFormationTemplates.Resource resource) {
        var variables = new HashMap<String, Object>(
                map(map(resource.property("Environment")).get("Variables")));
        for (var container : list(resource.property("ContainerDefinitions"))) {
            for (var entry : list(map(container).get("Environment"))) {
                // A variable set under a condition is {Fn::If: [condition, {Name, Value}, AWS::NoValue]}.
                var conditional = map(entry).get("Fn::If");
                var variable = conditional == null ? entry : list(conditional).get(1);
                variables.put((String) map(variable).get("Name"), map(variable).get("Value"));
            }
        }
        return variables;
    }
}
