package io.badgeflow.admin.aws;

import io.badgeflow.admin.people.StaffDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Finds a user's name by their {@code sub} with {@code ListUsers} and the filter {@code sub = "<sub>"} (Cognito
 * has no batch read of users). A page names few distinct admins, and each answer is kept for {@code ttl}, so a list
 * of 100 grants costs at most a handful of calls the first time and none after; the cache is bounded. A lookup that
 * fails leaves the subject unnamed (the page still shows, with the id) and is not kept, so it is tried again.
 */
final class CognitoStaffDirectory implements StaffDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoStaffDirectory.class);

    /** Cognito subs are UUIDs; anything else ({@code imports-bucket}) is no user and costs no call. */
    private static final Pattern SUB = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** At most this many lookups per call; more distinct users than that on one page stay unnamed until cached. */
    static final int MAX_LOOKUPS_PER_CALL = 25;

    static final int MAX_CACHED = 1_000;

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    CognitoStaffDirectory(CognitoIdentityProviderClient cognito, String userPoolId, Clock clock, Duration ttl) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> subjects) {
        var names = new LinkedHashMap<String, String>();
        var lookups = 0;
        for (var subject : subjects.stream().filter(Objects::nonNull).distinct().toList()) {
            if (!SUB.matcher(subject).matches() || userPoolId == null) {
                continue;
            }
            var now = clock.instant();
            var cached = cache.get(subject);
            if (cached == null || cached.until().isBefore(now)) {
                if (lookups++ >= MAX_LOOKUPS_PER_CALL) {
                    continue;
                }
                var found = lookUp(subject);
                if (found == null) {
                    continue;
                }
                cached = new Cached(found, now.plus(ttl));
                remember(subject, cached, now);
            }
            cached.name().ifPresent(name -> names.put(subject, name));
        }
        return names;
    }

    /** The user's display name, empty for no such user, null when Cognito could not be asked. */
    private Optional<String> lookUp(String subject) {
        try {
            return cognito
                    .listUsers(r -> r.userPoolId(userPoolId)
                            .filter("sub = \"" + subject + "\"")
                            .limit(1))
                    .users()
                    .stream()
                    .findFirst()
                    .map(CognitoStaffDirectory::displayName);
        } catch (SdkException e) {
            LOG.warn("Could not look up the name of user {}: {}", subject, e.getMessage());
            return null;
        }
    }

    private void remember(String subject, Cached cached, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(entry -> entry.until().isBefore(now));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(subject, cached);
    }

    /** The {@code name} attribute, else given and family name, else the email, else the username. */
    static String displayName(UserType user) {
        var attributes = new LinkedHashMap<String, String>();
        for (AttributeType attribute : user.attributes()) {
            if (attribute.value() != null && !attribute.value().isBlank()) {
                attributes.put(attribute.name(), attribute.value().strip());
            }
        }
        if (attributes.containsKey("name")) {
            return attributes.get("name");
        }
        var given = attributes.getOrDefault("given_name", "");
        var family = attributes.getOrDefault("family_name", "");
        var full = (given + " " + family).strip();
        if (!full.isEmpty()) {
            return full;
        }
        return attributes.getOrDefault("email", user.username());
    }

    private record Cached(Optional<String> name, Instant until) {}
}
