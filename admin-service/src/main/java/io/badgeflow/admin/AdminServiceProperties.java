package io.badgeflow.admin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How admin-service behaves: the upload limit, the sign-in cookie, the sign-in rules and the trusted proxies. Every setting has a default; the names of its
 * stores, queues and user pool are {@link AdminServiceStack}'s.
 *
 * @param maxImportSize the largest CSV an upload may carry (default 20 MB, card-events' own limit); larger: 413
 * @param session how the web UI's sign-in cookie is set
 * @param signIn who must use MFA, and how often one source may call {@code /auth/*}
 * @param trustedProxies the peers (addresses or CIDRs) whose X-Forwarded-Proto and X-Forwarded-For are believed:
 *     the load balancer's, on AWS (TLS ends there). Empty (the default): no forwarded header is read
 */
@ConfigurationProperties("badgeflow.admin-service")
public record AdminServiceProperties(
        DataSize maxImportSize, Session session, SignInRules signIn, List<String> trustedProxies) {

    /** card-events refuses larger files anyway ({@code badgeflow.card-events.imports.max-file-bytes}). */
    public static final DataSize DEFAULT_MAX_IMPORT_SIZE = DataSize.ofMegabytes(20);

    public AdminServiceProperties {
        maxImportSize = maxImportSize == null ? DEFAULT_MAX_IMPORT_SIZE : maxImportSize;
        if (maxImportSize.toBytes() < 1 || maxImportSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("badgeflow.admin-service.max-import-size must be between 1 B and 2 GB");
        }
        session = session == null ? new Session(null) : session;
        signIn = signIn == null ? new SignInRules(null, null, null, null) : signIn;
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

    /**
     * The sign-in rules (docs/operations.md, "Sign-in and MFA").
     *
     * @param mfaRequiredForAdmins (default true) no admin session opens until the admin has enrolled TOTP; the UI
     *     walks the enrolment. The user pool cannot require MFA per group, so this service does.
     * @param mfaExemptUsers usernames the rule above skips (default none; only the {@code local} profile names its
     *     demo admin, which scripts and the door simulator sign in as with a password alone)
     * @param perSource how often one source address may call {@code /auth/*}: a burst, refilled per second
     * @param maxBuckets how many source addresses are tracked at most (memory stays bounded under made-up ones)
     */
    public record SignInRules(
            Boolean mfaRequiredForAdmins, List<String> mfaExemptUsers, Limit perSource, Long maxBuckets) {
        public SignInRules {
            mfaRequiredForAdmins = mfaRequiredForAdmins == null || mfaRequiredForAdmins;
            mfaExemptUsers = mfaExemptUsers == null ? List.of() : List.copyOf(mfaExemptUsers);
            perSource = perSource == null ? new Limit(20, 1) : perSource;
            maxBuckets = maxBuckets == null ? 10_000L : maxBuckets;
            if (maxBuckets < 1) {
                throw new IllegalArgumentException("badgeflow.admin-service.sign-in.max-buckets must be at least 1");
            }
        }
    }

    /** A token bucket: {@code burst} requests at once, {@code perSecond} more each second. */
    public record Limit(long burst, long perSecond) {
        public Limit {
            if (burst < 1 || perSecond < 1) {
                throw new IllegalArgumentException("a sign-in limit needs a burst and a rate of at least 1");
            }
        }
    }
}
