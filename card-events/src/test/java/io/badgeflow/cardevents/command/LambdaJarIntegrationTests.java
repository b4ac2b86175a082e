package io.badgeflow.cardevents.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import io.badgeflow.aws.json.MessageJson;
import io.badgeflow.aws.testing.AwsClients;
import io.badgeflow.aws.testing.AwsEnvironment;
import io.badgeflow.aws.testing.LocalAws;
import io.badgeflow.model.command.RegisterEmployee;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The artifact Lambda runs, not the module's classes: the shaded {@code -aws.jar} alone (plus the serializer
 * Lambda's runtime provides) in a class loader of its own, invoked through FunctionInvoker as Lambda invokes it.
 * Catches what shading can break: merged Spring metadata, the function definition, missing classes.
 */
@ExtendWith(LocalAws.class)
class LambdaJarIntegrationTests {

    private static AwsEnvironment aws;

    @BeforeAll
    static void lambdaEnvironment(AwsEnvironment environment) {
        aws = environment;
        LambdaEnvironment.set(aws, "applyCommand");
    }

    @AfterAll
    static void clearEnvironment() {
        LambdaEnvironment.clear();
    }

    @Test
    void theShadedJarAppliesACommandDeliveredAsLambdaDeliversIt() throws Exception {
        // Not the commands bucket: its notifications reach the stack's own function, which would apply the
        // command too (a race this test does not mean to run). The function reads the bucket the event names.
        var bucket = aws.output("ArtifactBucketName");
        var commandId = UUID.randomUUID().toString();
        var employeeId = UUID.randomUUID().toString();
        var key = "commands/" + commandId + ".json";
        try (var s3 = S3Client.builder()
                .endpointOverride(aws.endpoint())
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .forcePathStyle(true)
                .build()) {
            s3.putObject(
                    r -> r.bucket(bucket).key(key),
                    RequestBody.fromBytes(MessageJson.write(new RegisterEmployee(
                            commandId,
                            "hr-admin",
                            Instant.now(),
                            employeeId,
                            "E-8",
                            "Katherine",
                            "Johnson",
                            "katherine@example.com",
                            null))));
        }
        var event = LambdaEnvironment.recordedEvent(bucket, key);

        var output = invokeTheLambdaJar(event);

        var response = JsonMapper.shared().readTree(output);
        assertThat(response.get("batchItemFailures")).hasSize(1);
        var employee = AwsClients.dynamoDb(aws)
                .getItem(r -> r.tableName(aws.output("EmployeesTableName"))
                        .key(Map.of("employeeId", AttributeValue.fromS(employeeId)))
                        .consistentRead(true))
                .item();
        assertThat(employee.get("familyName").s()).isEqualTo("Johnson");
    }

    private static byte[] invokeTheLambdaJar(String event) throws Exception {
        var serializer = Path.of(PojoSerializer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        var urls = new URL[] {lambdaJar().toUri().toURL(), serializer.toUri().toURL()};
        var caller = Thread.currentThread();
        var previous = caller.getContextClassLoader();
        try (var lambda = new URLClassLoader("lambda", urls, ClassLoader.getPlatformClassLoader())) {
            caller.setContextClassLoader(lambda);
            var invokerType = lambda.loadClass("org.springframework.cloud.function.adapter.aws.FunctionInvoker");
            var contextType = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
            var invoker = invokerType.getConstructor().newInstance();
            var output = new ByteArrayOutputStream();
            invokerType
                    .getMethod("handleRequest", InputStream.class, OutputStream.class, contextType)
                    .invoke(invoker, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
            return output.toByteArray();
        } finally {
            caller.setContextClassLoader(previous);
        }
    }

    private static Path lambdaJar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("card-events-.*-aws\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no target/card-events-*-aws.jar: run the package phase"));
        }
    }
}
