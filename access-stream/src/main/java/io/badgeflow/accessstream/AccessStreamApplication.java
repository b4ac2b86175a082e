package io.badgeflow.accessstream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The door-facing deployable: the swipe API that puts door events on the Kinesis stream, the KCL 3 consumer that
 * stores them, and (when enabled) a door simulator that drives the API over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccessStreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccessStreamApplication.class, args);
    }
}
