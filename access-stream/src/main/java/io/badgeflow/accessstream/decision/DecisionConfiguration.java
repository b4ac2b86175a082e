package io.badgeflow.accessstream.decision;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.accessstream.limit.DoorRateLimit;
import io.badgeflow.aws.dynamodb.DynamoDbAccessFacts;
import io.badgeflow.aws.dynamodb.DynamoDbDecisionLog;
import io.badgeflow.aws.dynamodb.DynamoDbDoorRegistry;
import io.badgeflow.aws.dynamodb.DynamoDbPresenceLedger;
import io.badgeflow.model.access.EntryDecisions;
import io.badgeflow.model.command.CommandFeed;
import io.badgeflow.model.door.DoorRegistry;
import io.badgeflow.model.door.SwipeIntake;
import io.badgeflow.model.presence.PresenceLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The decision path: the model's rules over remembered back-office records, followed by the command feed. The
 * remembering adapters are primary, so everything in this process (the door API, the stream consumer) reads
 * through the same memory; the stored adapters underneath come from the aws package.
 */
@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    @Bean
    @Primary
    RememberedPresence presenceLedger(
            DynamoDbPresenceLedger stored, DynamoDbDecisionLog decisions, AccessStreamProperties properties) {
        return new RememberedPresence(stored, decisions, properties.decisions());
    }

    @Bean
    @Primary
    RememberedBackOffice rememberedBackOffice(
            DynamoDbAccessFacts stored, PresenceLedger presences, AccessStreamProperties properties) {
        return new RememberedBackOffice(stored, presences, properties.decisions());
    }

    /** The door API's way in: the model's key check, refused keys remembered, the per-door limit. */
    @Bean
    DoorGate doorGate(SwipeIntake intake, RememberedBackOffice backOffice, DoorRateLimit limit) {
        return new DoorGate(intake, backOffice.refusedKeys(), limit);
    }

    @Bean
    @Primary
    DoorRegistry doorRegistry(DynamoDbDoorRegistry stored, RememberedBackOffice backOffice) {
        return new RememberedDoors(stored, backOffice);
    }

    /** What the doors' allow-lists (offline package) watch to know when to make them again. */
    @Bean
    BackOfficeChanges backOfficeChanges() {
        return new BackOfficeChanges();
    }

    /**
     * Only where decisions are served: the simulator and replay processes (no web server) would poll the command
     * log for nothing; their memory still expires with the record time-to-live.
     */
    @Bean
    @ConditionalOnWebApplication
    CommandFeedFollower commandFeedFollower(
            CommandFeed feed,
            RememberedBackOffice backOffice,
            BackOfficeChanges changes,
            Clock clock,
            AccessStreamProperties properties,
            MeterRegistry meters,
            RevocationWatch revocationWatch) {
        return new CommandFeedFollower(
                feed, backOffice, changes, clock, properties.decisions(), meters, revocationWatch);
    }

    @Bean
    RevocationWatch revocationWatch(MeterRegistry meters, Clock clock) {
        return new RevocationWatch(meters, clock);
    }

    @Bean
    DecisionMeters decisionMeters(MeterRegistry meters) {
        return new DecisionMeters(meters);
    }

    /** Presence is read and committed through the same memory, so a grant costs its one write and no read. */
    @Bean
    EntryDecisions entryDecisions(RememberedBackOffice backOffice, RememberedPresence presences, Clock clock) {
        return new EntryDecisions(backOffice, presences, presences, clock);
    }

    /** The door's key is proved before a decision is admitted (DoorAuthentication). */
    @Bean
    WebMvcConfigurer doorAuthenticationInterceptor(DoorGate gate) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new DoorAuthentication(gate))
                        .addPathPatterns("/door-api/v1/doors/*/decisions")
                        .order(DoorAuthentication.ORDER);
            }
        };
    }
}
