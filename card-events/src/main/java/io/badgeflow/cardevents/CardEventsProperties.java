package io.badgeflow.cardevents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything card-events needs to know about its surroundings. On AWS the Lambda environment sets it
 * ({@code BADGEFLOW_CARDEVENTS_TABLES_EMPLOYEES} ...); locally bin/run passes the stack outputs.
 */
@ConfigurationProperties("badgeflow.card-events")
public record CardEventsProperties(Tables tables, Duration commandRetention, LocalPoller localPoller) {

    public CardEventsProperties {
        if (tables == null) {
            throw new IllegalArgumentException("badgeflow.card-events.tables.* must be set");
        }
        commandRetention = commandRetention == null ? Duration.ofDays(90) : commandRetention;
        localPoller = localPoller == null ? new LocalPoller(false, List.of(), null, 0) : localPoller;
    }

    /** The tables; {@code deliveryFailures} keeps why a message failed, for the dead-letter views. */
    public record Tables(String employees, String commands, String deliveryFailures) {
        public Tables {
            requireName("badgeflow.card-events.tables.employees", employees);
            requireName("badgeflow.card-events.tables.commands", commands);
            requireName("badgeflow.card-events.tables.delivery-failures", deliveryFailures);
        }
    }

    /**
     * The local stand-in for Lambda's event source mappings. {@code retryDelay} is how long a failed message
     * stays invisible before its next attempt (Lambda waits the queue's visibility timeout instead).
     */
    public record LocalPoller(boolean enabled, List<QueueBinding> queues, Duration retryDelay, int waitSeconds) {
        public LocalPoller {
            queues = queues == null ? List.of() : List.copyOf(queues);
            retryDelay = retryDelay == null ? Duration.ofSeconds(2) : retryDelay;
            waitSeconds = waitSeconds <= 0 ? 1 : Math.min(waitSeconds, 20);
            if (enabled && queues.isEmpty()) {
                throw new IllegalArgumentException("badgeflow.card-events.local-poller.queues must name a queue");
            }
        }
    }

    /** One queue and the function bean that consumes it, as an event source mapping would bind them. */
    public record QueueBinding(String queueUrl, String queueArn, String function) {
        public QueueBinding {
            requireName("queue-url", queueUrl);
            requireName("function", function);
        }
    }

    private static void requireName(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
