package io.badgeflow.accessstream.stream;

import io.badgeflow.accessstream.AccessStreamProperties;
import io.badgeflow.model.access.AccessFacts;
import io.badgeflow.model.access.PresenceProjector;
import io.badgeflow.model.alarm.AlarmLedger;
import io.badgeflow.model.alarm.AlarmPublisher;
import io.badgeflow.model.alarm.AlarmRaiser;
import io.badgeflow.model.alarm.RepeatedDenials;
import io.badgeflow.model.door.SwipeLog;
import io.badgeflow.model.presence.PresenceLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the stream consumer applies each event to: the swipe log, presence, and the alarms it raises. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    DoorEventHandler doorEventHandler(
            SwipeLog swipes,
            PresenceLedger presences,
            AccessFacts facts,
            AlarmLedger alarmLedger,
            AlarmPublisher alarmPublisher,
            AccessStreamProperties properties,
            Clock clock,
            MeterRegistry meters) {
        var alarms = properties.alarms();
        var raiser = new AlarmRaiser(
                alarmLedger,
                alarmPublisher,
                new RepeatedDenials(alarms.repeatedDenialsThreshold(), alarms.repeatedDenialsWindow()),
                clock);
        return new DoorEventHandler(swipes, new PresenceProjector(presences, facts), raiser, meters);
    }
}
