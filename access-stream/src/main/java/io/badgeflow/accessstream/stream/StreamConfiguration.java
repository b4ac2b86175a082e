package io.badgeflow.accessstream.stream;

import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.door.SwipeLog;
import io.badgeflow.model.presence.PresenceLedger;
import io.badgeflow.model.presence.PresenceProjector;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the stream consumer applies each event to. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    DoorEventHandler doorEventHandler(SwipeLog swipes, PresenceLedger presences, AccessFacts facts,
            MeterRegistry meters) {
        return new DoorEventHandler(swipes, new PresenceProjector(presences, facts), meters);
    }
}
