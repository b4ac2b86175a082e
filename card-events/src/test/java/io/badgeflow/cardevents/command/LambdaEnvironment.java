package io.badgeflow.cardevents.command;

import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.cardevents.CardEventsTestProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;

/**
 * What Lambda's environment gives FunctionInvoker, as system properties for the tests that call it the way
 * Lambda does, plus the recorded SQS event they feed it.
 */
public final class LambdaEnvironment {

    private static final Set<String> SET = new HashSet<>();

    private LambdaEnvironment() {}

    public static void set(AwsEnvironment aws, String function) {
        var properties = new HashMap<>(CardEventsTestProperties.of(aws));
        properties.put("spring.cloud.function.definition", function);
        properties.put("MAIN_CLASS", "io.badgeflow.cardevents.CardEventsApplication");
        properties.forEach(System::setProperty);
        SET.addAll(properties.keySet());
    }

    public static void clear() {
        SET.forEach(System::clearProperty);
        SET.clear();
    }

    /** The recorded delivery: one S3 -> SNS -> SQS message for {@code bucket/key}, one unreadable message. */
    public static String recordedEvent(String bucket, String key) {
        try (var in = LambdaEnvironment.class.getResourceAsStream("/events/sqs-sns-s3-object-created.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${bucket}", bucket)
                    .replace("${key}", key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
