package io.badgeflow.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.json.JsonMapper;

/**
 * One AWS endpoint with the Badgeflow stacks deployed from the real templates (all of them, or those named by
 * the system property {@code badgeflow.test.stacks}), shared by all integration
 * tests of a JVM. Found in this order: an endpoint given in the environment ({@code BADGEFLOW_AWS_ENDPOINT});
 * LocalStack in Testcontainers when a Docker engine answers and the stacks deploy there; otherwise the
 * project's own emulator, installed and started by the project's scripts and stopped again when the test run
 * ends. It never skips: without an endpoint the tests fail with the reason.
 */
public final class AwsEnvironment implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    private final URI endpoint;
    private final Map<String, String> outputs;
    private final String source;
    private final AutoCloseable stopper;

    private AwsEnvironment(URI endpoint, Map<String, String> outputs, String source, AutoCloseable stopper) {
        this.endpoint = endpoint;
        this.outputs = Map.copyOf(outputs);
        this.source = source;
        this.stopper = stopper;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Where the endpoint came from: environment, testcontainers or emulator. */
    public String source() {
        return source;
    }

    /** A stack output by its key, e.g. {@code CommandsBucketName}; fails loudly when a template lacks it. */
    public String output(String key) {
        var value = outputs.get(key);
        if (value == null) {
            throw new IllegalStateException("no stack output '" + key + "'; outputs are " + outputs.keySet());
        }
        return value;
    }

    public Map<String, String> outputs() {
        return outputs;
    }

    /**
     * Every stack output as {@code badgeflow.stack.<OutputKey>}, as bin/run writes them for the services: each
     * service's stack type binds the names it uses from these, so a fixture registers them all and never one.
     */
    public Map<String, String> stackProperties() {
        var properties = new LinkedHashMap<String, String>();
        outputs.forEach((key, value) -> properties.put(StackNames.PREFIX + key, value));
        return properties;
    }

    /**
     * The Spring Cloud AWS settings that point a Spring Boot application under test at this endpoint, the same
     * keys the {@code local} profile sets.
     */
    public Map<String, String> springProperties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("spring.cloud.aws.endpoint", endpoint.toString());
        properties.put("spring.cloud.aws.region.static", REGION.id());
        properties.put("spring.cloud.aws.credentials.access-key", "test");
        properties.put("spring.cloud.aws.credentials.secret-key", "test");
        properties.put("spring.cloud.aws.s3.path-style-access-enabled", "true");
        return properties;
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the AWS endpoint", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the AWS endpoint", e);
        }
    }

    static AwsEnvironment start() {
        var repo = repositoryRoot();
        var given = System.getenv("BADGEFLOW_AWS_ENDPOINT");
        if (given != null && !given.isBlank()) {
            var endpoint = URI.create(given.strip());
            return new AwsEnvironment(endpoint, deploy(repo, endpoint), "environment", () -> {});
        }
        if (DockerProbe.dockerAnswers()) {
            var localStack = LocalStackContainers.start(repo);
            if (localStack.isPresent()) {
                return localStack.get();
            }
        }
        return startOwnEmulator(repo);
    }

    /** An environment over outputs deployed elsewhere (a {@link RestartableEmulator}). */
    static AwsEnvironment of(URI endpoint, Map<String, String> outputs, String source, AutoCloseable stopper) {
        return new AwsEnvironment(endpoint, outputs, source, stopper);
    }

    static AwsEnvironment deployedTo(Path repo, URI endpoint, String source, AutoCloseable stopper) {
        try {
            return new AwsEnvironment(endpoint, deploy(repo, endpoint), source, stopper);
        } catch (RuntimeException e) {
            closeQuietly(stopper, e);
            throw e;
        }
    }

    private static AwsEnvironment startOwnEmulator(Path repo) {
        var port = freePort();
        var runDir = Path.of("target", "emulator").toAbsolutePath();
        var env = Map.of("BADGEFLOW_EMULATOR_PORT", Integer.toString(port), "BADGEFLOW_RUN_DIR", runDir.toString());
        var emulator = repo.resolve("infra-cloudformation/scripts/emulator");
        AutoCloseable stop = () -> run(repo, env, Duration.ofMinutes(1), emulator.toString(), "stop");
        try {
            run(repo, env, Duration.ofMinutes(10), emulator.toString(), "start");
        } catch (RuntimeException e) {
            closeQuietly(stop, e);
            throw e;
        }
        return deployedTo(repo, URI.create("http://127.0.0.1:" + port), "emulator", stop);
    }

    private static Map<String, String> deploy(Path repo, URI endpoint) {
        return deploy(repo, endpoint, System.getProperty("badgeflow.test.stacks"));
    }

    /** Deploys {@code stacks} (comma-separated; all when blank) and returns every stack output. */
    static Map<String, String> deploy(Path repo, URI endpoint, String stacks) {
        var outputsFile = Path.of("target", "stack-outputs-" + endpoint.getPort() + ".json")
                .toAbsolutePath();
        var command = new ArrayList<>(List.of(
                repo.resolve("infra-cloudformation/scripts/deploy").toString(),
                "--stage",
                "local",
                "--endpoint",
                endpoint.toString(),
                "--outputs-file",
                outputsFile.toString()));
        // A module built before card-events (access-aws) deploys the stacks its tests need, not compute,
        // which needs the function package.
        if (stacks != null && !stacks.isBlank()) {
            command.addAll(List.of("--stacks", stacks));
        }
        run(repo, Map.of(), Duration.ofMinutes(10), command.toArray(String[]::new));
        try {
            var parsed = JsonMapper.shared().readTree(Files.readAllBytes(outputsFile));
            var outputs = new LinkedHashMap<String, String>();
            parsed.properties()
                    .forEach(entry ->
                            outputs.put(entry.getKey(), entry.getValue().asString()));
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stack outputs in " + outputsFile, e);
        }
    }

    static void run(Path repo, Map<String, String> env, Duration limit, String... command) {
        try {
            var log = Files.createDirectories(Path.of("target"))
                    .resolve("aws-environment.log")
                    .toAbsolutePath();
            var builder = new ProcessBuilder(List.of(command))
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            var process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " took longer than " + limit + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The repository checkout the tests run in (where the templates and scripts are). */
    public static Path repositoryRoot() {
        var configured = System.getProperty("badgeflow.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra-cloudformation"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra-cloudformation/scripts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (infra-cloudformation/scripts) above "
                + Path.of("").toAbsolutePath());
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException cause) {
        try {
            closeable.close();
        } catch (Exception suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
