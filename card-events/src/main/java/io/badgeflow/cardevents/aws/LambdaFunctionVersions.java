package io.badgeflow.cardevents.aws;

import io.badgeflow.cardevents.CardEventsProperties;
import io.badgeflow.cardevents.release.FunctionVersions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The release path on Lambda's API: UpdateFunctionCode then PublishVersion (described by the package key, so the
 * live version tells which package it runs), a RequestResponse invoke of the new version, UpdateAlias.
 */
@Component
class LambdaFunctionVersions implements FunctionVersions {

    /** S3's test event in its SNS envelope, as one SQS record: a healthy function acknowledges it without work. */
    private static final String TEST_EVENT_BODY = "{\"Type\":\"Notification\",\"MessageId\":\"smoke-test\","
            + "\"Message\":\"{\\\"Service\\\":\\\"Amazon S3\\\",\\\"Event\\\":\\\"s3:TestEvent\\\","
            + "\\\"Bucket\\\":\\\"smoke-test\\\"}\"}";

    private static final String HEALTHY_ANSWER = "{\"batchItemFailures\":[]}";

    private final LambdaClient lambda;
    private final String alias;

    LambdaFunctionVersions(LambdaClient lambda, CardEventsProperties properties) {
        this.lambda = lambda;
        this.alias = properties.release().alias();
    }

    @Override
    public Optional<String> livePackage(String function) {
        try {
            var version =
                    lambda.getAlias(r -> r.functionName(function).name(alias)).functionVersion();
            return Optional.ofNullable(lambda.getFunctionConfiguration(
                            r -> r.functionName(function).qualifier(version))
                    .description());
        } catch (ResourceNotFoundException noAlias) {
            return Optional.empty();
        }
    }

    @Override
    public String publish(String function, String bucket, String packageKey) {
        var updated = lambda.updateFunctionCode(
                r -> r.functionName(function).s3Bucket(bucket).s3Key(packageKey));
        lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(function));
        var version = lambda.publishVersion(
                        r -> r.functionName(function).description(packageKey).codeSha256(updated.codeSha256()))
                .version();
        // On AWS a SnapStart version is invocable once its snapshot is taken.
        lambda.waiter()
                .waitUntilPublishedVersionActive(r -> r.functionName(function).qualifier(version));
        return version;
    }

    @Override
    public Optional<String> smokeTestProblem(String function, String version) {
        var event = Map.of(
                "Records",
                List.of(Map.of(
                        "messageId",
                        "smoke-test",
                        "receiptHandle",
                        "smoke-test",
                        "body",
                        TEST_EVENT_BODY,
                        "attributes",
                        Map.of("ApproximateReceiveCount", "1"),
                        "eventSource",
                        "aws:sqs",
                        "eventSourceARN",
                        "arn:aws:sqs:us-east-1:000000000000:smoke-test")));
        var response = lambda.invoke(r -> r.functionName(function)
                .qualifier(version)
                .payload(SdkBytes.fromUtf8String(JsonMapper.shared().writeValueAsString(event))));
        var answer = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
        if (response.functionError() != null) {
            return Optional.of(response.functionError() + ": " + answer);
        }
        var healthy = JsonMapper.shared().readTree(HEALTHY_ANSWER);
        return JsonMapper.shared().readTree(answer.isBlank() ? "null" : answer).equals(healthy)
                ? Optional.empty()
                : Optional.of("answered " + answer);
    }

    @Override
    public void promote(String function, String version) {
        lambda.updateAlias(r -> r.functionName(function).name(alias).functionVersion(version));
    }
}
