package io.badgeflow.accessstream;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The door-facing deployable: the decision and swipe API that puts door events on the Kinesis stream, the KCL 3
 * consumer that stores them, and (when enabled) a door simulator that drives the API over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccessStreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccessStreamApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
