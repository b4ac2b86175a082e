package io.badgeflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.aws.testing.AwsEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deploy script as an operator runs it, on an emulator of its own: all stacks deploy with {@code --artifacts}
 * (the service images built by Jib, pushed to the emulator's registry and registered in task definitions by
 * digest), a second deploy changes nothing and gives the same outputs, delete removes every stack, and a deploy
 * from scratch works again. Every resource the local stage keeps is really created (counted in the stacks), and
 * the test prints how many resources each stage deploys.
 */
class DeployLifecycleIntegrationTests {

    private static final Path REPO = AwsEnvironment.repositoryRoot();
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Test
    void deploysTwiceWithoutChangeThenDeletesAndDeploysFromScratch() throws Exception {
        var port = freePort();
        var runDir = Path.of("target", "lifecycle-emulator").toAbsolutePath();
        var env = Map.of("BADGEFLOW_EMULATOR_PORT", Integer.toString(port), "BADGEFLOW_RUN_DIR", runDir.toString());
        var endpoint = "http://127.0.0.1:" + port;
        run(env, "infra-cloudformation/scripts/emulator", "start");
        try {
            var first = deploy(env, endpoint, runDir.resolve("first.json"), "--artifacts");
            var second = deploy(env, endpoint, runDir.resolve("second.json"), "--artifacts");
            assertThat(second.log())
                    .as("a second deploy changes no stack and pushes nothing")
                    .doesNotContain(": updated")
                    .doesNotContain(": created")
                    .contains(": no change")
                    .contains("already pushed")
                    .doesNotContain("building and pushing");
            assertThat(second.outputs()).isEqualTo(first.outputs());
            assertThat(first.outputs())
                    .containsKeys(
                            "ApplyCommandFunctionName",
                            "ImportEmployeesFunctionName",
                            "LoadBalancerName",
                            "PublicListenerArn",
                            "CardEventsPackageKey",
                            "CommandsQueueUrl",
                            "AdminServiceTaskDefinitionArn",
                            "AccessStreamTaskDefinitionArn");
            countResources(endpoint);

            var deleted = timed(
                    () -> run(env, "infra-cloudformation/scripts/delete", "--stage", "local", "--endpoint", endpoint));
            try (var cfn = cloudFormation(endpoint)) {
                assertThat(cfn.describeStacks().stacks())
                        .as("stacks left after delete")
                        .allSatisfy(
                                stack -> assertThat(stack.stackStatusAsString()).isEqualTo("DELETE_COMPLETE"));
            }
            var again = deploy(env, endpoint, runDir.resolve("again.json"));
            assertThat(again.outputs().keySet())
                    .as("from scratch, without images: no task definitions")
                    .containsAll(second.outputs().keySet().stream()
                            .filter(key -> !key.endsWith("TaskDefinitionArn"))
                            .toList())
                    .noneMatch(key -> key.endsWith("TaskDefinitionArn"));
            System.out.printf(
                    "deploy lifecycle: first deploy %.1f s, second (no change) %.1f s, delete %.1f s, "
                            + "deploy from scratch %.1f s%n",
                    first.seconds(), second.seconds(), deleted, again.seconds());
        } finally {
            run(env, "infra-cloudformation/scripts/emulator", "stop");
        }
    }

    /**
     * Every resource the templates keep for the local stage deployed with images (all but those conditioned on
     * IsNotLocal) is in a stack; prints the counts of the local stage without and with images, and of AWS.
     */
    private static void countResources(String endpoint) {
        var withoutImages = 0;
        var withImages = 0;
        var cloud = 0;
        var perStack = new TreeMap<String, String>();
        try (var cfn = cloudFormation(endpoint)) {
            for (var template : CloudFormationTemplates.all()) {
                var declared = template.allResources().toList();
                var kept = declared.stream()
                        .filter(resource -> !offByDefaultLocally(template, resource.condition()))
                        .count();
                var deployed = cfn
                        .listStackResourcesPaginator(r -> r.stackName("badgeflow-local-" + template.name()))
                        .stackResourceSummaries()
                        .stream()
                        .map(StackResourceSummary::logicalResourceId)
                        .toList();
                assertThat(deployed)
                        .as("resources of %s deployed locally", template)
                        .hasSize((int) kept);
                withoutImages += (int) declared.stream()
                        .filter(resource -> resource.condition() == null)
                        .count();
                withImages += deployed.size();
                cloud += declared.size();
                perStack.put(template.name(), deployed.size() + "/" + declared.size());
            }
        }
        System.out.println("resources deployed locally (without images / with deploy --artifacts) vs on AWS: "
                + withoutImages + " / " + withImages + " vs " + cloud + "; per stack, local with images/AWS: "
                + perStack);
    }

    /**
     * A condition false in a local deploy without parameters: {@code IsNotLocal}, or an optional feature switched on
     * by a parameter whose default is empty ({@code !Not [!Equals [!Ref P, ""]]}: federation, alarm subscribers).
     */
    private static boolean offByDefaultLocally(CloudFormationTemplates.Template template, String condition) {
        if (condition == null) {
            return false;
        }
        if ("IsNotLocal".equals(condition)) {
            return true;
        }
        var definition = CloudFormationTemplates.map(template.conditions().get(condition));
        var not = definition.get("Fn::Not");
        if (not == null) {
            return false;
        }
        var equals = CloudFormationTemplates.list(
                CloudFormationTemplates.map(CloudFormationTemplates.list(not).get(0))
                        .get("Fn::Equals"));
        var reference = equals.get(0) instanceof Map<?, ?> ref ? ref.get("Ref") : null;
        if (reference == null || !"".equals(equals.get(1))) {
            return false;
        }
        var parameter = CloudFormationTemplates.map(template.parameters().get(String.valueOf(reference)));
        return "".equals(parameter.get("Default"));
    }

    private record Deployed(Map<String, Object> outputs, String log, double seconds) {}

    private static Deployed deploy(Map<String, String> env, String endpoint, Path outputs, String... options)
            throws Exception {
        var log = new StringBuilder();
        var args = new ArrayList<>(
                List.of("--stage", "local", "--endpoint", endpoint, "--outputs-file", outputs.toString()));
        args.addAll(List.of(options));
        var seconds =
                timed(() -> log.append(run(env, "infra-cloudformation/scripts/deploy", args.toArray(String[]::new))));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JsonMapper.shared().readValue(Files.readAllBytes(outputs), Map.class);
        return new Deployed(parsed, log.toString(), seconds);
    }

    private static double timed(Runnable step) {
        var started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static CloudFormationClient cloudFormation(String endpoint) {
        return CloudFormationClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(AwsEnvironment.REGION)
                .credentialsProvider(AwsEnvironment.CREDENTIALS)
                .build();
    }

    private static String run(Map<String, String> env, String script, String... args) {
        var command = new ArrayList<String>();
        command.add(REPO.resolve(script).toString());
        command.addAll(List.of(args));
        try {
            var builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
