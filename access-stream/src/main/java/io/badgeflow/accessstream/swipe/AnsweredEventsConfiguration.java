package io.badgeflow.accessstream.swipe;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.badgeflow.model.access.Decision;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import io.badgeflow.model.alarm.EventIdReuseAlarms;
import io.badgeflow.model.door.AnsweredEvents;
import io.badgeflow.model.door.ReusedEventIds;
import io.badgeflow.model.door.SwipeRecorded;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The door API's memory of answered event ids, one for decisions and one for swipes: bounded in size and age,
 * since a reader retries a lost answer within seconds. Ten minutes covers a reader's retries many times over;
 * 200,000 ids is minutes of the busiest building's traffic at a few hundred bytes each.
 */
@Configuration(proxyBeanMethods = false)
class AnsweredEventsConfiguration {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);
    static final long REMEMBERED_IDS = 200_000;

    @Bean
    ReusedEventIds reusedEventIds(AlarmLedger ledger, AlarmPublisher publisher, Clock clock) {
        return new EventIdReuseAlarms(ledger, publisher, clock);
    }

    @Bean
    AnsweredEvents<Decision> answeredDecisions(ReusedEventIds reused) {
        return new AnsweredEvents<>(claims(), reused);
    }

    @Bean
    AnsweredEvents<SwipeRecorded> answeredSwipes(ReusedEventIds reused) {
        return new AnsweredEvents<>(claims(), reused);
    }

    private static <A> ConcurrentMap<String, AnsweredEvents.Claim<A>> claims() {
        return Caffeine.newBuilder()
                .maximumSize(REMEMBERED_IDS)
                .expireAfterWrite(REMEMBERED_FOR)
                .<String, AnsweredEvents.Claim<A>>build()
                .asMap();
    }
}
