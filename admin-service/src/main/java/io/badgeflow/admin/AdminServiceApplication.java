package io.badgeflow.admin;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The back office: HR and security staff's REST API, which turns requests into command documents in S3. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminServiceApplication.class, args);
    }

    /** The time commands are stamped with; a bean so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
