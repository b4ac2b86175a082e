package io.badgeflow.cardevents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything card-events needs to know about its surroundings. On AWS the Lambda environment sets it
 * ({@code BADGEFLOW_CARDEVENTS_TABLES_EMPLOYEES} ...); locally bin/run passes the stack outputs.
 */
@ConfigurationProperties("badgeflow.card-events")
public record CardEventsProperties(Tables tables, Buckets buckets, Duration commandRetention,
        Duration dependencyWait, Duration retryDelay, long maxCommandBytes, Imports imports, Release release) {

    public CardEventsProperties {
        if (tables == null || buckets == null) {
            throw new IllegalArgumentException("badgeflow.card-events.tables.* and .buckets.* must be set");
        }
        commandRetention = commandRetention == null ? Duration.ofDays(90) : commandRetention;
        dependencyWait = dependencyWait == null ? Duration.ofMinutes(2) : dependencyWait;
        retryDelay = retryDelay == null ? Duration.ofSeconds(75) : retryDelay;
        maxCommandBytes = maxCommandBytes <= 0 ? 64 * 1024 : maxCommandBytes;
        imports = imports == null ? new Imports(0, 0, 0, 0, null) : imports;
        release = release == null ? new Release(List.of(), null) : release;
    }

    /**
     * The tables. {@code deliveryFailures} keeps why a message failed, for the dead-letter views;
     * {@code adminAudit} is the hash chain of finished commands; {@code imports} the progress of bulk imports.
     */
    public record Tables(String employees, String cards, String buildings, String doors, String grants,
            String commands, String deliveryFailures, String adminAudit, String imports) {
        public Tables {
            requireName("badgeflow.card-events.tables.employees", employees);
            requireName("badgeflow.card-events.tables.cards", cards);
            requireName("badgeflow.card-events.tables.buildings", buildings);
            requireName("badgeflow.card-events.tables.doors", doors);
            requireName("badgeflow.card-events.tables.grants", grants);
            requireName("badgeflow.card-events.tables.commands", commands);
            requireName("badgeflow.card-events.tables.delivery-failures", deliveryFailures);
            requireName("badgeflow.card-events.tables.admin-audit", adminAudit);
            requireName("badgeflow.card-events.tables.imports", imports);
        }
    }

    /** Where per-row import reports are written. */
    public record Buckets(String reports) {
        public Buckets {
            requireName("badgeflow.card-events.buckets.reports", reports);
        }
    }

    /**
     * How imports run: rows per batch, batches at once, the largest file and row count accepted, and how
     * long their progress and reports are kept.
     */
    public record Imports(int batchSize, int parallelism, long maxFileBytes, int maxRows, Duration retention) {
        public Imports {
            batchSize = batchSize <= 0 ? 100 : batchSize;
            parallelism = parallelism <= 0 ? 8 : parallelism;
            maxFileBytes = maxFileBytes <= 0 ? 20L * 1024 * 1024 : maxFileBytes;
            maxRows = maxRows <= 0 ? 100_000 : maxRows;
            retention = retention == null ? Duration.ofDays(30) : retention;
        }
    }

    /** The functions the release function rolls a new package out to, and the alias their mappings invoke. */
    public record Release(List<String> functions, String alias) {
        public Release {
            functions = functions == null ? List.of() : List.copyOf(functions);
            alias = alias == null || alias.isBlank() ? "live" : alias;
        }
    }

    private static void requireName(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
