package io.badgeflow.infra;

import static io.badgeflow.infra.CloudFormationTemplates.all;
import static io.badgeflow.infra.CloudFormationTemplates.allResources;
import static io.badgeflow.infra.CloudFormationTemplates.importedName;
import static io.badgeflow.infra.CloudFormationTemplates.list;
import static io.badgeflow.infra.CloudFormationTemplates.map;
import static io.badgeflow.infra.CloudFormationTemplates.mapsWithKey;
import static io.badgeflow.infra.CloudFormationTemplates.possibleValues;
import static io.badgeflow.infra.CloudFormationTemplates.resourcesOfType;
import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.infra.CloudFormationTemplates.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The security properties every stack template must keep (conventions rule 19): SSE-KMS with the stage's key on
 * every store (but the access-log bucket, which log delivery can only write with SSE-S3), TLS-only, private and
 * access-logged buckets, dead-letter queues, and IAM statements that each carry a Sid and
 * name their actions and resources. A local deploy does not validate these (the emulator ignores several), so
 * the templates themselves are checked here.
 */
class TemplateSecurityTests {

    private static final String STAGE_KEY = "badgeflow-${Stage}-KeyArn";
    private static final String ACCESS_LOGS = "badgeflow-${Stage}-AccessLogsBucketName";

    @Test
    void everyBucketEncryptsWithTheStageKey() {
        var buckets = resourcesOfType("AWS::S3::Bucket")
                .filter(bucket -> !isAccessLogBucket(bucket))
                .toList();
        assertThat(buckets).isNotEmpty();
        for (var bucket : buckets) {
            var rules = list(map(bucket.property("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
            assertThat(rules).as("%s encryption rules", bucket).hasSize(1);
            var rule = map(rules.get(0));
            var byDefault = map(rule.get("ServerSideEncryptionByDefault"));
            assertThat(byDefault.get("SSEAlgorithm"))
                    .as("%s SSEAlgorithm", bucket)
                    .isEqualTo("aws:kms");
            assertThat(importedName(byDefault.get("KMSMasterKeyID")))
                    .as("%s key", bucket)
                    .isEqualTo(STAGE_KEY);
            assertThat(rule.get("BucketKeyEnabled"))
                    .as("%s BucketKeyEnabled", bucket)
                    .isEqualTo(true);
        }
    }

    /**
     * One bucket per stage takes the access logs: S3 server access logging and ELB access logs cannot write with a
     * KMS key, so it uses S3-managed keys (SSE-S3). Every other bucket and the load balancer log into it.
     */
    @Test
    void theAccessLogBucketUsesS3ManagedKeysAndEveryOtherBucketAndTheLoadBalancerLogToIt() {
        var logBuckets = resourcesOfType("AWS::S3::Bucket")
                .filter(TemplateSecurityTests::isAccessLogBucket)
                .toList();
        assertThat(logBuckets).extracting(Resource::toString).containsExactly("keys.yaml AccessLogsBucket");
        var logBucket = logBuckets.get(0);
        var encryption = map(logBucket.property("BucketEncryption"));
        var rule = map(list(encryption.get("ServerSideEncryptionConfiguration")).get(0));
        assertThat(map(rule.get("ServerSideEncryptionByDefault"))).containsExactly(Map.entry("SSEAlgorithm", "AES256"));
        assertThat(map(logBucket.property("VersioningConfiguration"))).containsEntry("Status", "Enabled");
        for (var bucket : resourcesOfType("AWS::S3::Bucket")
                .filter(bucket -> !isAccessLogBucket(bucket))
                .toList()) {
            var logging = map(bucket.property("LoggingConfiguration"));
            assertThat(importedName(logging.get("DestinationBucketName")))
                    .as("%s logs", bucket)
                    .isEqualTo(ACCESS_LOGS);
            assertThat((String) logging.get("LogFilePrefix"))
                    .as("%s log prefix", bucket)
                    .startsWith("s3/")
                    .endsWith("/");
        }
        for (var loadBalancer :
                resourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer").toList()) {
            var attributes = list(loadBalancer.property("LoadBalancerAttributes")).stream()
                    .map(attribute -> map(attribute))
                    .collect(Collectors.toMap(
                            attribute -> (String) attribute.get("Key"), attribute -> attribute.get("Value")));
            assertThat(attributes)
                    .as("%s access logs", loadBalancer)
                    .containsEntry("access_logs.s3.enabled", "true")
                    .containsEntry("access_logs.s3.prefix", "load-balancer");
            assertThat(importedName(attributes.get("access_logs.s3.bucket"))).isEqualTo(ACCESS_LOGS);
        }
    }

    @Test
    void everyBucketBlocksPublicAccessAndAcls() {
        for (var bucket : resourcesOfType("AWS::S3::Bucket").toList()) {
            assertThat(map(bucket.property("PublicAccessBlockConfiguration")))
                    .as("%s", bucket)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "BlockPublicAcls",
                            true,
                            "BlockPublicPolicy",
                            true,
                            "IgnorePublicAcls",
                            true,
                            "RestrictPublicBuckets",
                            true));
            var ownership = list(map(bucket.property("OwnershipControls")).get("Rules"));
            assertThat(ownership)
                    .as("%s ownership", bucket)
                    .containsExactly(Map.of("ObjectOwnership", "BucketOwnerEnforced"));
        }
    }

    @Test
    void everyBucketRejectsPlainHttp() {
        for (var bucket : resourcesOfType("AWS::S3::Bucket").toList()) {
            var policies = bucket.template()
                    .resourcesOfType("AWS::S3::BucketPolicy")
                    .filter(policy -> Map.of("Ref", bucket.logicalId()).equals(policy.property("Bucket")))
                    .toList();
            assertThat(policies).as("bucket policy of %s", bucket).hasSize(1);
            var denials = statements(policies.get(0)).stream()
                    .filter(statement -> "DenyInsecureTransport".equals(statement.get("Sid")))
                    .toList();
            assertThat(denials).as("DenyInsecureTransport of %s", bucket).hasSize(1);
            var denial = denials.get(0);
            assertThat(denial.get("Effect")).isEqualTo("Deny");
            assertThat(denial.get("Principal")).isEqualTo("*");
            assertThat(denial.get("Action")).isEqualTo("s3:*");
            assertThat(map(map(denial.get("Condition")).get("Bool"))).containsEntry("aws:SecureTransport", "false");
            assertThat(list(denial.get("Resource")))
                    .as("%s denial covers bucket and objects", bucket)
                    .containsExactlyInAnyOrder(
                            Map.of("Fn::GetAtt", List.of(bucket.logicalId(), "Arn")),
                            Map.of("Fn::Sub", "${" + bucket.logicalId() + ".Arn}/*"));
        }
    }

    @Test
    void everyTableIsEncryptedWithTheStageKey() {
        var tables = resourcesOfType("AWS::DynamoDB::Table").toList();
        assertThat(tables).isNotEmpty();
        for (var table : tables) {
            var sse = map(table.property("SSESpecification"));
            assertThat(sse.get("SSEEnabled")).as("%s SSEEnabled", table).isEqualTo(true);
            assertThat(sse.get("SSEType")).as("%s SSEType", table).isEqualTo("KMS");
            assertThat(importedName(sse.get("KMSMasterKeyId")))
                    .as("%s key", table)
                    .isEqualTo(STAGE_KEY);
        }
    }

    @Test
    void everyTableKeepsPointInTimeRecoveryAndProdTablesAreDeletionProtected() {
        for (var table : resourcesOfType("AWS::DynamoDB::Table").toList()) {
            assertThat(map(table.property("PointInTimeRecoverySpecification")))
                    .as("%s PITR", table)
                    .containsEntry("PointInTimeRecoveryEnabled", true);
            assertThat(table.property("DeletionProtectionEnabled"))
                    .as("%s deletion protection", table)
                    .isEqualTo(Map.of("Fn::If", List.of("IsProd", true, false)));
        }
    }

    @Test
    void everyQueueIsEncryptedWithTheStageKey() {
        var queues = resourcesOfType("AWS::SQS::Queue").toList();
        assertThat(queues).isNotEmpty();
        for (var queue : queues) {
            assertThat(importedName(queue.property("KmsMasterKeyId")))
                    .as("%s key", queue)
                    .isEqualTo(STAGE_KEY);
            assertThat(queue.property("KmsDataKeyReusePeriodSeconds"))
                    .as("%s data key reuse", queue)
                    .isNotNull();
        }
    }

    @Test
    void everyQueueThatIsNotADeadLetterQueueMovesPoisonMessagesToOneAfterAFewReceives() {
        var deadLetterQueues = new HashSet<String>();
        var queues = resourcesOfType("AWS::SQS::Queue").toList();
        for (var queue : queues) {
            var redrive = map(queue.property("RedrivePolicy"));
            if (!redrive.isEmpty()) {
                var target = list(map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt"));
                assertThat(target)
                        .as("%s deadLetterTargetArn is a queue of the same stack", queue)
                        .hasSize(2);
                assertThat(queue.template().resources()).containsKey((String) target.get(0));
                assertThat(target.get(1)).isEqualTo("Arn");
                deadLetterQueues.add(queue.template().name() + "/" + target.get(0));
                assertThat(possibleValues(redrive.get("maxReceiveCount")))
                        .as("%s maxReceiveCount", queue)
                        .isNotEmpty()
                        .allSatisfy(count -> assertThat((Integer) count).isBetween(1, 10));
            }
        }
        // The DLQ of the alarms topic's email, SMS and https subscriptions is named by those subscriptions only.
        resourcesOfType("AWS::SNS::Subscription")
                .filter(subscription -> !"sqs".equals(subscription.property("Protocol")))
                .forEach(subscription ->
                        deadLetterQueues.add(subscription.template().name() + "/"
                                + list(map(map(subscription.property("RedrivePolicy"))
                                                        .get("deadLetterTargetArn"))
                                                .get("Fn::GetAtt"))
                                        .get(0)));
        for (var queue : queues) {
            var isDeadLetterQueue = deadLetterQueues.contains(queue.template().name() + "/" + queue.logicalId());
            if (isDeadLetterQueue) {
                assertThat(queue.property("RedrivePolicy"))
                        .as("%s is a DLQ", queue)
                        .isNull();
                assertThat(queue.property("MessageRetentionPeriod"))
                        .as("%s keeps messages 14 days", queue)
                        .isEqualTo(1209600);
            } else {
                assertThat(queue.property("RedrivePolicy"))
                        .as("%s has a RedrivePolicy", queue)
                        .isNotNull();
            }
        }
    }

    /** What SNS cannot deliver to a queue (refused, or the queue gone) is kept, not dropped (serverless ES7000). */
    @Test
    void everySubscriptionRedrivesToTheDeadLetterQueueOfTheQueueItFeeds() {
        var subscriptions = resourcesOfType("AWS::SNS::Subscription").toList();
        assertThat(subscriptions).isNotEmpty();
        for (var subscription : subscriptions) {
            if (!"sqs".equals(subscription.property("Protocol"))) {
                // email, SMS, https: what SNS gives up on goes to a dead-letter queue (one with none of its own)
                var target = (String)
                        list(map(map(subscription.property("RedrivePolicy")).get("deadLetterTargetArn"))
                                        .get("Fn::GetAtt"))
                                .get(0);
                assertThat(map(map(subscription.template().resources().get(target))
                                .get("Properties")))
                        .as("%s redrives to a dead-letter queue", subscription)
                        .doesNotContainKey("RedrivePolicy");
                continue;
            }
            var queue = (String) list(map(subscription.property("Endpoint")).get("Fn::GetAtt"))
                    .get(0);
            var queueRedrive =
                    map(map(map(subscription.template().resources().get(queue)).get("Properties"))
                            .get("RedrivePolicy"));
            assertThat(map(subscription.property("RedrivePolicy")).get("deadLetterTargetArn"))
                    .as("%s redrives to the dead-letter queue of %s", subscription, queue)
                    .isNotNull()
                    .isEqualTo(queueRedrive.get("deadLetterTargetArn"));
        }
    }

    @Test
    void everyTopicIsEncryptedWithTheStageKey() {
        var topics = resourcesOfType("AWS::SNS::Topic").toList();
        assertThat(topics).hasSizeGreaterThanOrEqualTo(3);
        for (var topic : topics) {
            assertThat(importedName(topic.property("KmsMasterKeyId")))
                    .as("%s key", topic)
                    .isEqualTo(STAGE_KEY);
        }
    }

    @Test
    void everyStreamIsEncryptedWithTheStageKey() {
        var streams = resourcesOfType("AWS::Kinesis::Stream").toList();
        assertThat(streams).isNotEmpty();
        for (var stream : streams) {
            var encryption = map(stream.property("StreamEncryption"));
            assertThat(encryption.get("EncryptionType")).as("%s", stream).isEqualTo("KMS");
            assertThat(importedName(encryption.get("KeyId")))
                    .as("%s key", stream)
                    .isEqualTo(STAGE_KEY);
        }
    }

    @Test
    void everyLogGroupFunctionAndImageRepositoryIsEncryptedWithTheStageKey() {
        var logGroups = resourcesOfType("AWS::Logs::LogGroup").toList();
        assertThat(logGroups).isNotEmpty();
        for (var logGroup : logGroups) {
            assertThat(importedName(logGroup.property("KmsKeyId")))
                    .as("%s key", logGroup)
                    .isEqualTo(STAGE_KEY);
            assertThat(logGroup.property("RetentionInDays"))
                    .as("%s retention", logGroup)
                    .isNotNull();
        }
        for (var function : resourcesOfType("AWS::Lambda::Function").toList()) {
            assertThat(importedName(function.property("KmsKeyArn")))
                    .as("%s key", function)
                    .isEqualTo(STAGE_KEY);
        }
        var repositories = resourcesOfType("AWS::ECR::Repository").toList();
        assertThat(repositories).isNotEmpty();
        for (var repository : repositories) {
            var encryption = map(repository.property("EncryptionConfiguration"));
            assertThat(encryption.get("EncryptionType")).as("%s", repository).isEqualTo("KMS");
            assertThat(importedName(encryption.get("KmsKey")))
                    .as("%s key", repository)
                    .isEqualTo(STAGE_KEY);
            assertThat(map(repository.property("ImageScanningConfiguration")))
                    .as("%s scan on push", repository)
                    .containsEntry("ScanOnPush", true);
        }
    }

    @Test
    void theStageKeyRotates() {
        var keys = resourcesOfType("AWS::KMS::Key")
                .filter(key -> "SYMMETRIC_DEFAULT".equals(key.property("KeySpec")))
                .toList();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).property("EnableKeyRotation")).isEqualTo(true);
    }

    /** KMS rotates no asymmetric key; the allow-list key is the only one, and only signs. */
    @Test
    void theAllowListKeyIsAnAsymmetricSigningKey() {
        var keys = resourcesOfType("AWS::KMS::Key")
                .filter(key -> !"SYMMETRIC_DEFAULT".equals(key.property("KeySpec")))
                .toList();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).property("KeySpec")).isEqualTo("ECC_NIST_P256");
        assertThat(keys.get(0).property("KeyUsage")).isEqualTo("SIGN_VERIFY");
    }

    @Test
    void everyPolicyStatementHasAUniqueSid() {
        for (var resource : allResources().toList()) {
            for (var document : policyDocuments(resource)) {
                var sids = new ArrayList<Object>();
                for (var statement : list(document.get("Statement"))) {
                    var sid = map(statement).get("Sid");
                    assertThat(sid)
                            .as("a statement of %s without Sid: %s", resource, statement)
                            .isInstanceOf(String.class);
                    sids.add(sid);
                }
                assertThat(sids).as("Sids of a policy of %s", resource).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void noAllowStatementGrantsAWildcardAction() {
        for (var resource : allResources().toList()) {
            for (var statement : statements(resource)) {
                if ("Allow".equals(statement.get("Effect"))) {
                    assertThat(list(statement.get("Action")))
                            .as("%s %s", resource, statement.get("Sid"))
                            .isNotEmpty()
                            .allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
                    assertThat(statement)
                            .as("%s %s", resource, statement.get("Sid"))
                            .doesNotContainKey("NotAction");
                }
            }
        }
    }

    @Test
    void onlyDenyInsecureTransportDeniesWithAWildcard() {
        for (var resource : allResources().toList()) {
            for (var statement : statements(resource)) {
                if ("Deny".equals(statement.get("Effect"))) {
                    assertThat(statement.get("Sid")).as("%s", resource).isEqualTo("DenyInsecureTransport");
                }
            }
        }
    }

    @Test
    void wildcardResourcesAreOnlyTheExceptionsListedWithAReason() {
        for (var resource : allResources().toList()) {
            var reasons = map(resource.metadata().get("WildcardResourceReasons"));
            var wildcardSids = new HashSet<String>();
            for (var statement : statements(resource)) {
                if (!"Allow".equals(statement.get("Effect")) || "sts:AssumeRole".equals(statement.get("Action"))) {
                    continue; // a role's trust policy names no resource: the role is the resource
                }
                var resources = list(statement.get("Resource"));
                assertThat(resources)
                        .as("%s %s names its resources", resource, statement.get("Sid"))
                        .isNotEmpty();
                if (resources.contains("*")) {
                    wildcardSids.add((String) statement.get("Sid"));
                }
            }
            assertThat(wildcardSids)
                    .as(
                            "statements of %s with Resource \"*\" need a reason in "
                                    + "Metadata.WildcardResourceReasons",
                            resource)
                    .isSubsetOf(reasons.keySet());
            assertThat(reasons.keySet())
                    .as("stale WildcardResourceReasons of %s", resource)
                    .isSubsetOf(wildcardSids);
            assertThat(reasons.values())
                    .allSatisfy(reason -> assertThat((String) reason).isNotBlank());
        }
    }

    @Test
    void rolesUseInlinePoliciesOnlyAndAreAssumedByOneService() {
        var roles = resourcesOfType("AWS::IAM::Role").toList();
        assertThat(roles).isNotEmpty();
        for (var role : roles) {
            assertThat(role.properties()).as("%s", role).doesNotContainKey("ManagedPolicyArns");
            assertThat(list(role.property("Policies")))
                    .as("%s inline policies", role)
                    .isNotEmpty();
            var trust = list(map(role.property("AssumeRolePolicyDocument")).get("Statement"));
            assertThat(trust).as("%s trust", role).hasSize(1);
            assertThat(map(map(trust.get(0)).get("Principal")))
                    .as("%s trusted principal", role)
                    .containsOnlyKeys("Service");
        }
        assertThat(resourcesOfType("AWS::IAM::ManagedPolicy").toList()).isEmpty();
    }

    @Test
    void resourcePoliciesLetServicesInOnlyForThisAccountOrSource() {
        for (var type : List.of("AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy")) {
            for (var policy : resourcesOfType(type).toList()) {
                for (var statement : statements(policy)) {
                    var conditions = map(statement.get("Condition"));
                    var keys = conditions.values().stream()
                            .flatMap(value -> map(value).keySet().stream())
                            .collect(Collectors.toSet());
                    assertThat(keys)
                            .as("%s %s", policy, statement.get("Sid"))
                            .containsAnyOf("aws:SourceArn", "aws:SourceAccount");
                }
            }
        }
    }

    /** The bucket that a template exports as AccessLogsBucketName. */
    static boolean isAccessLogBucket(Resource bucket) {
        var output = map(bucket.template().outputs().get("AccessLogsBucketName"));
        return Map.of("Ref", bucket.logicalId()).equals(output.get("Value"));
    }

    static List<Map<String, Object>> policyDocuments(Resource resource) {
        return mapsWithKey(resource.properties(), "Statement").stream()
                .filter(document -> document.get("Statement") instanceof List<?>)
                .toList();
    }

    static List<Map<String, Object>> statements(Resource resource) {
        var statements = new ArrayList<Map<String, Object>>();
        for (var document : policyDocuments(resource)) {
            list(document.get("Statement")).forEach(statement -> statements.add(map(statement)));
        }
        return statements;
    }

    static Set<String> templateNames() {
        return all().stream().map(template -> template.name()).collect(Collectors.toSet());
    }
}
