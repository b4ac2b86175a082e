package io.badgeflow.accessstream.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.InMemoryPresence;
import io.badgeflow.aws.dynamodb.BackOfficeTables;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.model.command.CommandFeed;
import io.badgeflow.model.command.CommandRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class CommandFeedFollowerTests {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingFeed feed = new RecordingFeed();
    // Never called: forgetting touches only memory.
    private final DynamoDbClient unusedStore = DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build();
    // The scheduled poll (hourly here) never fires during a test: each test polls on its own clock.
    private final AccessStreamProperties.Decisions settings =
            new AccessStreamProperties.Decisions(Duration.ofHours(1), Duration.ofSeconds(3), null, null, 0, null, 0);
    private final CommandFeedFollower follower = new CommandFeedFollower(
            feed,
            new RememberedBackOffice(
                    new DynamoDbAccessFacts(
                            DynamoDbEnhancedClient.builder()
                                    .dynamoDbClient(unusedStore)
                                    .build(),
                            new BackOfficeTables("e", "c", "b", "d", "g", "m"),
                            new InMemoryPresence()),
                    new InMemoryPresence(),
                    settings),
            new BackOfficeChanges(),
            clock,
            settings,
            new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        follower.stop();
        unusedStore.close();
    }

    @Test
    void asksFromALittleBeforeItsLastSuccessfulPollAndKeepsThatStartWhileThePollsFail() {
        follower.start();
        clock.now = T0.plusSeconds(1);
        follower.poll();
        feed.failing = true;
        clock.now = T0.plusSeconds(2);
        follower.poll();
        clock.now = T0.plusSeconds(2).plus(CommandFeedFollower.MAX_BACKOFF);
        follower.poll();

        assertThat(feed.askedSince).containsExactly(T0.minusSeconds(3), T0.minusSeconds(2), T0.minusSeconds(2));
    }

    @Test
    void asksLessOftenWhileThePollsFailAndAsUsualOnceTheFeedAnswers() {
        follower.start();
        feed.failing = true;
        clock.now = T0.plusSeconds(1);
        follower.poll();
        clock.now = T0.plusSeconds(2);
        follower.poll(); // within the pause after a failure: not asked
        assertThat(feed.askedSince).hasSize(1);

        feed.failing = false;
        clock.now = T0.plusSeconds(1).plus(CommandFeedFollower.MAX_BACKOFF);
        follower.poll();
        clock.now = clock.now.plusMillis(1);
        follower.poll(); // answered: the next poll goes out at once again

        assertThat(feed.askedSince).hasSize(3);
    }

    @Test
    void afterAMinuteOfFailedPollsStartsAgainFromNowInsteadOfCatchingUp() {
        follower.start();
        feed.failing = true;
        clock.now = T0.plusSeconds(30);
        follower.poll();
        feed.failing = false;
        clock.now = T0.plus(CommandFeedFollower.MAX_CATCH_UP).plusSeconds(1);

        follower.poll();

        assertThat(feed.askedSince).containsExactly(T0.minusSeconds(3), clock.now.minusSeconds(3));
    }

    private static final class RecordingFeed implements CommandFeed {
        final List<Instant> askedSince = new ArrayList<>();
        boolean failing;

        @Override
        public List<CommandRecord> finishedSince(Instant since) {
            askedSince.add(since);
            if (failing) {
                throw new IllegalStateException("index unavailable");
            }
            return List.of();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
