package io.badgeflow.accessstream.replay;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code replay} profile's one job (infra-cloudformation/scripts/replay starts it): replay
 * {@code --from=<ISO instant>} to {@code --to=<ISO instant>} (half-open), print progress at most once a second
 * and a summary on standard output, then end the process: 0 when the whole range was replayed, 1 otherwise
 * (the reason on standard error).
 */
@Component
@Profile("replay")
class ReplayCommand implements ApplicationRunner {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final ArchiveReplay replay;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final PrintStream out = System.out;

    ReplayCommand(ArchiveReplay replay, ConfigurableApplicationContext context, Clock clock) {
        this.replay = replay;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            var from = instant(args, "from");
            var to = instant(args, "to");
            out.println("replay: events that occurred in [" + from + ", " + to + ")");
            var lastPrinted = new Instant[] {clock.instant()};
            var summary = replay.replay(from, to, progress -> {
                var now = clock.instant();
                if (!now.isBefore(lastPrinted[0].plus(PROGRESS_EVERY))) {
                    out.println("replay progress: " + progress.line());
                    lastPrinted[0] = now;
                }
            });
            out.println("replay done: " + summary.line());
            code = 0;
        } catch (RuntimeException e) {
            System.err.println("replay failed: " + e);
            code = 1;
        }
        out.flush();
        var exitCode = code;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    private static Instant instant(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException("--" + name + "=<ISO instant> is required once");
        }
        try {
            return Instant.parse(values.getFirst());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--" + name + " is not an ISO instant (e.g. 2026-12-06T07:00:00Z): " + values.getFirst(), e);
        }
    }
}
