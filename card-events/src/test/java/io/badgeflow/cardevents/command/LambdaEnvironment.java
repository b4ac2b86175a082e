package io.badgeflow.cardevents.command;

import io.badgeflow.aws.testing.AwsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What Lambda's environment gives FunctionInvoker, as system properties for the tests that call it the way
 * Lambda does, plus the recorded SQS event they feed it.
 */
final class LambdaEnvironment {

    private static final String[] PROPERTIES = {"spring.cloud.aws.endpoint", "spring.cloud.aws.region.static",
        "spring.cloud.aws.credentials.access-key", "spring.cloud.aws.credentials.secret-key",
        "spring.cloud.aws.s3.path-style-access-enabled", "badgeflow.card-events.tables.employees",
        "badgeflow.card-events.tables.commands", "badgeflow.card-events.tables.delivery-failures",
        "spring.cloud.function.definition", "MAIN_CLASS"};

    private LambdaEnvironment() {
    }

    static void set(AwsEnvironment aws) {
        aws.springProperties().forEach(System::setProperty);
        System.setProperty("badgeflow.card-events.tables.employees", aws.output("EmployeesTableName"));
        System.setProperty("badgeflow.card-events.tables.commands", aws.output("CommandsTableName"));
        System.setProperty("badgeflow.card-events.tables.delivery-failures", aws.output("DeliveryFailuresTableName"));
        System.setProperty("spring.cloud.function.definition", "applyCommand");
        System.setProperty("MAIN_CLASS", "io.badgeflow.cardevents.CardEventsApplication");
    }

    static void clear() {
        for (var property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    /** The recorded delivery: one S3 -> SNS -> SQS message for {@code bucket/key}, one unreadable message. */
    static String recordedEvent(String bucket, String key) {
        try (var in = LambdaEnvironment.class.getResourceAsStream("/events/sqs-sns-s3-object-created.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${bucket}", bucket)
                    .replace("${key}", key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
