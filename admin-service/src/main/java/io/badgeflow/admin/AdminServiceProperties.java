package io.badgeflow.admin;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where admin-service finds its stores and who may call it. On AWS the task definition sets these from the
 * stack outputs; locally bin/run does.
 *
 * @param commandsBucket the bucket command documents are written to
 * @param tables the tables the read side answers from
 * @param cognito the user pool whose access tokens are accepted
 * @param deadLetters the queues whose dead letters the operators may read and redrive (commands, imports)
 */
@ConfigurationProperties("badgeflow.admin-service")
public record AdminServiceProperties(String commandsBucket, Tables tables, Cognito cognito,
        List<DeadLetterQueue> deadLetters) {

    private static final Pattern QUEUE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public AdminServiceProperties {
        require("badgeflow.admin-service.commands-bucket", commandsBucket);
        if (tables == null || cognito == null) {
            throw new IllegalArgumentException("badgeflow.admin-service.tables.* and .cognito.* must be set");
        }
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
        var names = new HashSet<String>();
        for (var queue : deadLetters) {
            if (!names.add(queue.name())) {
                throw new IllegalArgumentException("badgeflow.admin-service.dead-letters names " + queue.name()
                        + " twice");
            }
        }
    }

    /**
     * The back-office tables the read side answers from; {@code idempotency}, where a retried request finds
     * the command its first attempt created; {@code deliveryFailures}, why queued messages failed (written by
     * card-events, read by the dead-letter views).
     */
    public record Tables(String commands, String employees, String cards, String buildings, String doors,
            String grants, String idempotency, String deliveryFailures) {
        public Tables {
            require("badgeflow.admin-service.tables.commands", commands);
            require("badgeflow.admin-service.tables.employees", employees);
            require("badgeflow.admin-service.tables.cards", cards);
            require("badgeflow.admin-service.tables.buildings", buildings);
            require("badgeflow.admin-service.tables.doors", doors);
            require("badgeflow.admin-service.tables.grants", grants);
            require("badgeflow.admin-service.tables.idempotency", idempotency);
            require("badgeflow.admin-service.tables.delivery-failures", deliveryFailures);
        }
    }

    /**
     * A queue and its dead-letter queue, as the API names them ({@code commands}, {@code imports}). The pairs
     * are configured because SQS cannot list a DLQ's source queues everywhere (the emulator lacks
     * ListDeadLetterSourceQueues).
     */
    public record DeadLetterQueue(String name, String queueUrl, String dlqUrl) {
        public DeadLetterQueue {
            if (name == null || !QUEUE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("badgeflow.admin-service.dead-letters[].name must match "
                        + QUEUE_NAME + ", got " + name);
            }
            require("badgeflow.admin-service.dead-letters[" + name + "].queue-url", queueUrl);
            require("badgeflow.admin-service.dead-letters[" + name + "].dlq-url", dlqUrl);
        }
    }

    /**
     * The user pool. {@code issuer} is always the AWS form {@code https://cognito-idp.<region>.amazonaws.com/<pool>},
     * also locally; {@code jwkSetUri} is where the keys are fetched (the emulator's address locally).
     */
    public record Cognito(String userPoolId, String clientId, URI issuer, URI jwkSetUri) {
        public Cognito {
            require("badgeflow.admin-service.cognito.user-pool-id", userPoolId);
            require("badgeflow.admin-service.cognito.client-id", clientId);
            if (issuer == null || jwkSetUri == null) {
                throw new IllegalArgumentException("badgeflow.admin-service.cognito.issuer and .jwk-set-uri must be set");
            }
        }
    }

    private static void require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
