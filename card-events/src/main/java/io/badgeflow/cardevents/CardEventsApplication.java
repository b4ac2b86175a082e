package io.badgeflow.cardevents;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Hosts the card-events function beans: on AWS each one is a Lambda (FunctionInvoker picks it by
 * {@code spring.cloud.function.definition}), on AWS and on the emulator alike (decision 0012).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CardEventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardEventsApplication.class, args);
    }
}
