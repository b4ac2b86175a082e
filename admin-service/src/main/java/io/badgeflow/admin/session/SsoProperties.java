package io.badgeflow.admin.session;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in through the pool's federated identity providers (docs/operations.md, "Single sign-on"): the pool's hosted
 * sign-in base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com}), the provider names as the pool knows
 * them, and this service's callback URL as registered on the app client. Off (no providers) when any is missing.
 */
@ConfigurationProperties("badgeflow.admin-service.sso")
public record SsoProperties(URI hostedSignInUrl, List<String> providers, URI callbackUrl) {

    public SsoProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    /** The providers offered: none unless the hosted sign-in and the callback are configured. */
    public List<String> offered() {
        return hostedSignInUrl == null || callbackUrl == null ? List.of() : providers;
    }

    /**
     * Whether a pool username is a federated user's: the pool names them {@code <provider>_<id>}; local users here
     * are invited by email (with an {@code @}) or are the local demo users.
     */
    public boolean isFederated(String username) {
        return username != null
                && !username.contains("@")
                && offered().stream().anyMatch(provider -> username.startsWith(provider + "_"));
    }
}
