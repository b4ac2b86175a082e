package io.badgeflow.admin;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where admin-service finds its stores and who may call it. On AWS the task definition sets these from the
 * stack outputs; locally bin/run does.
 *
 * @param commandsBucket the bucket command documents are written to
 * @param importsBucket the bucket uploaded HR exports are written to ({@code imports/<importId>.csv}), which
 *     starts card-events' import function
 * @param reportsBucket where card-events writes each import's per-row report, downloaded through the API
 * @param archiveBucket the archive of every door event (written by access-stream), read for "who was inside at T"
 * @param maxImportSize the largest CSV an upload may carry (default 20 MB, card-events' own limit); larger: 413
 * @param tables the tables the read side answers from
 * @param cognito the user pool whose access tokens are accepted
 * @param deadLetters the queues whose dead letters the operators may read and redrive (commands, imports)
 * @param session how the web UI's sign-in cookie is set
 */
@ConfigurationProperties("badgeflow.admin-service")
public record AdminServiceProperties(String commandsBucket, String importsBucket, String reportsBucket,
        String archiveBucket, DataSize maxImportSize, Tables tables, Cognito cognito, List<DeadLetterQueue> deadLetters, Session session) {

    /** card-events refuses larger files anyway ({@code badgeflow.card-events.imports.max-file-bytes}). */
    public static final DataSize DEFAULT_MAX_IMPORT_SIZE = DataSize.ofMegabytes(20);

    private static final Pattern QUEUE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public AdminServiceProperties {
        require("badgeflow.admin-service.commands-bucket", commandsBucket);
        require("badgeflow.admin-service.imports-bucket", importsBucket);
        require("badgeflow.admin-service.reports-bucket", reportsBucket);
        require("badgeflow.admin-service.archive-bucket", archiveBucket);
        maxImportSize = maxImportSize == null ? DEFAULT_MAX_IMPORT_SIZE : maxImportSize;
        if (maxImportSize.toBytes() < 1 || maxImportSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("badgeflow.admin-service.max-import-size must be between 1 B and 2 GB");
        }
        if (tables == null || cognito == null) {
            throw new IllegalArgumentException("badgeflow.admin-service.tables.* and .cognito.* must be set");
        }
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
        session = session == null ? new Session(null) : session;
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
     * card-events, read by the dead-letter views); {@code imports}, each import's progress (written by
     * card-events); {@code adminAudit}, the hash chain of finished commands that the audit views verify and list;
     * {@code presence}, who is inside each building (occupancy, muster list), and {@code swipes}, the stored door
     * events (swipe audit, live view), both written by access-stream's consumer, and {@code parkedRecords}, the
     * stream records access-stream parked (read by the operators' listing).
     */
    public record Tables(String commands, String employees, String cards, String buildings, String doors,
            String grants, String idempotency, String deliveryFailures, String imports, String adminAudit,
            String presence, String swipes, String parkedRecords) {
        public Tables {
            require("badgeflow.admin-service.tables.commands", commands);
            require("badgeflow.admin-service.tables.employees", employees);
            require("badgeflow.admin-service.tables.cards", cards);
            require("badgeflow.admin-service.tables.buildings", buildings);
            require("badgeflow.admin-service.tables.doors", doors);
            require("badgeflow.admin-service.tables.grants", grants);
            require("badgeflow.admin-service.tables.idempotency", idempotency);
            require("badgeflow.admin-service.tables.delivery-failures", deliveryFailures);
            require("badgeflow.admin-service.tables.imports", imports);
            require("badgeflow.admin-service.tables.admin-audit", adminAudit);
            require("badgeflow.admin-service.tables.presence", presence);
            require("badgeflow.admin-service.tables.swipes", swipes);
            require("badgeflow.admin-service.tables.parked-records", parkedRecords);
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

    /**
     * The web UI's session. {@code secureCookie} (default true) marks the refresh-token cookie {@code Secure}; only
     * the {@code local} profile turns it off, because there admin-service is plain http on the loopback.
     */
    public record Session(Boolean secureCookie) {
        public Session {
            secureCookie = secureCookie == null || secureCookie;
        }
    }

    private static void require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
