package io.badgeflow.admin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How admin-service behaves: the upload limit and the sign-in cookie. Every setting has a default; the names of its
 * stores, queues and user pool are {@link AdminServiceStack}'s.
 *
 * @param maxImportSize the largest CSV an upload may carry (default 20 MB, card-events' own limit); larger: 413
 * @param session how the web UI's sign-in cookie is set
 * @param trustedProxies the peers (addresses or CIDRs) whose X-Forwarded-Proto and X-Forwarded-For are believed:
 *     the load balancer's, on AWS (TLS ends there). Empty (the default, and locally): no forwarded header is read
 */
@ConfigurationProperties("badgeflow.admin-service")
public record AdminServiceProperties(DataSize maxImportSize, Session session, List<String> trustedProxies) {

    /** card-events refuses larger files anyway ({@code badgeflow.card-events.imports.max-file-bytes}). */
    public static final DataSize DEFAULT_MAX_IMPORT_SIZE = DataSize.ofMegabytes(20);

    public AdminServiceProperties {
        maxImportSize = maxImportSize == null ? DEFAULT_MAX_IMPORT_SIZE : maxImportSize;
        if (maxImportSize.toBytes() < 1 || maxImportSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("badgeflow.admin-service.max-import-size must be between 1 B and 2 GB");
        }
        session = session == null ? new Session(null) : session;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
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
}
