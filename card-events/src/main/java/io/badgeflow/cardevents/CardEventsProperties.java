package io.badgeflow.cardevents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How card-events behaves: retention, retries, limits, the release and where metrics go ({@code metricsNamespace},
 * the services' CloudWatch namespace; none: not published). Every setting has a default; the names
 * of its stores are {@link CardEventsStack}'s.
 */
@ConfigurationProperties("badgeflow.card-events")
public record CardEventsProperties(
        Duration commandRetention,
        Duration dependencyWait,
        Duration retryDelay,
        long maxCommandBytes,
        Imports imports,
        Release release,
        Webhooks webhooks,
        String metricsNamespace,
        Erasure erasure) {

    public CardEventsProperties {
        commandRetention = commandRetention == null ? Duration.ofDays(90) : commandRetention;
        dependencyWait = dependencyWait == null ? Duration.ofMinutes(2) : dependencyWait;
        retryDelay = retryDelay == null ? Duration.ofSeconds(75) : retryDelay;
        maxCommandBytes = maxCommandBytes <= 0 ? 64 * 1024 : maxCommandBytes;
        imports = imports == null ? new Imports(0, 0, 0, 0, null, null) : imports;
        release = release == null ? new Release(List.of(), null) : release;
        metricsNamespace = metricsNamespace == null || metricsNamespace.isBlank() ? null : metricsNamespace.strip();
        webhooks = webhooks == null ? new Webhooks(null, null, 0, null, false) : webhooks;
        erasure = erasure == null ? new Erasure(null, 0) : erasure;
    }

    /**
     * How long an offboarded person's name, email and department are kept before the retention sweep erases them
     * (per stage: the compute template's {@code PersonalDataRetention}), and how many people one run erases at
     * most (the next scheduled run continues).
     */
    public record Erasure(Duration retention, int limit) {
        public Erasure {
            retention = retention == null ? Duration.ofDays(365) : retention;
            if (retention.isNegative()) {
                throw new IllegalArgumentException("badgeflow.card-events.erasure.retention must not be negative");
            }
            limit = limit <= 0 ? 1000 : limit;
        }
    }

    /**
     * How alarm webhooks are delivered: the backoff after a failed attempt ({@code firstRetry}, doubling, at most
     * {@code maxRetry}), the attempts before the queue dead-letters a delivery (the queue's maxReceiveCount, here
     * for the log and the backoff), the time one POST may take, and whether loopback receivers are allowed (the
     * local stage only: on AWS the SSRF guard refuses them like every internal address).
     */
    public record Webhooks(
            Duration firstRetry, Duration maxRetry, int attempts, Duration timeout, boolean allowLoopback) {
        public Webhooks {
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
            attempts = attempts <= 0 ? 8 : attempts;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * How imports run: rows per batch, batches at once, the largest file and row count accepted, how long their
     * progress and reports are kept, and the safety limit: the largest share of ACTIVE people a plan may offboard
     * without an admin's override (default 0.10).
     */
    public record Imports(
            int batchSize,
            int parallelism,
            long maxFileBytes,
            int maxRows,
            Duration retention,
            Double maxOffboardShare) {
        public Imports {
            maxOffboardShare = maxOffboardShare == null ? 0.10 : maxOffboardShare;
            if (maxOffboardShare < 0 || maxOffboardShare > 1) {
                throw new IllegalArgumentException(
                        "badgeflow.card-events.imports.max-offboard-share is a share from 0 to 1");
            }
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
}
