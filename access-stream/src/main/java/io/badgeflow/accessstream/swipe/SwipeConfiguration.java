package io.badgeflow.accessstream.swipe;

import io.badgeflow.model.door.DoorEventStream;
import io.badgeflow.model.door.DoorRegistry;
import io.badgeflow.model.door.SwipeIntake;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the model's swipe intake to whatever adapters implement its ports. */
@Configuration(proxyBeanMethods = false)
class SwipeConfiguration {

    @Bean
    SwipeIntake swipeIntake(DoorRegistry doors, DoorEventStream stream, Clock clock) {
        return new SwipeIntake(doors, stream, clock);
    }
}
