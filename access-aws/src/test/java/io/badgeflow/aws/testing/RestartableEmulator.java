package io.badgeflow.aws.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An emulator of a test's own, which the test may stop and start again: for recovery tests, which must not take
 * the shared {@link LocalAws} endpoint away from every other test. Started as bin/run starts it (clean, with
 * persistence on), so a restart brings back what was there; {@link #deployAgain()} runs the deploy script again,
 * which re-creates whatever a restart lost. Always the project's own emulator, also where Docker exists.
 */
public final class RestartableEmulator implements AutoCloseable {

    private final Path repo;
    private final Map<String, String> env;
    private final String emulator;
    private final URI endpoint;
    private final String stacks;
    private final AwsEnvironment environment;

    private RestartableEmulator(Path repo, String stacks, Map<String, String> emulatorEnv) {
        this.repo = repo;
        this.stacks = stacks;
        var port = AwsEnvironment.freePort();
        var runDir = Path.of("target", "emulator-restartable-" + port).toAbsolutePath();
        var env = new java.util.HashMap<>(emulatorEnv);
        env.put("BADGEFLOW_EMULATOR_PORT", Integer.toString(port));
        env.put("BADGEFLOW_RUN_DIR", runDir.toString());
        this.env = Map.copyOf(env);
        this.emulator = repo.resolve("infra-cloudformation/scripts/emulator").toString();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        run("start", "--persist");
        try {
            this.environment =
                    AwsEnvironment.of(endpoint, AwsEnvironment.deploy(repo, endpoint, stacks), "emulator", () -> {});
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Starts an emulator on a free port and deploys {@code stacks} (comma-separated stack names) to it. */
    public static RestartableEmulator start(String stacks) {
        return new RestartableEmulator(AwsEnvironment.repositoryRoot(), stacks, Map.of());
    }

    /**
     * Like {@link #start}, with the emulator's request checks on ({@code AUTH=true}: signatures, IAM, and the
     * checks AWS makes of unsigned calls, such as a confidential app client's SECRET_HASH), which the shared
     * emulator leaves off.
     */
    public static RestartableEmulator startEnforcing(String stacks) {
        return new RestartableEmulator(AwsEnvironment.repositoryRoot(), stacks, Map.of("AUTH", "true"));
    }

    /** The endpoint and the outputs of the first deploy. */
    public AwsEnvironment environment() {
        return environment;
    }

    /** Stops the emulator (TERM, so it saves its state, as an operator's restart would). */
    public void stop() {
        run("stop");
    }

    /** Starts it again on the same port with the state it saved; returns once it answers. */
    public void startAgain() {
        run("start", "--keep-state");
    }

    /** Runs the deploy script again and returns the outputs: the same names when nothing was lost. */
    public Map<String, String> deployAgain() {
        return AwsEnvironment.deploy(repo, endpoint, stacks);
    }

    @Override
    public void close() {
        stop();
    }

    private void run(String... arguments) {
        var command = new String[arguments.length + 1];
        command[0] = emulator;
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        AwsEnvironment.run(repo, env, Duration.ofMinutes(2), command);
    }
}
